package cn.deputylink.opinion;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.opinion.internal.OpinionSteps;
import cn.deputylink.opinion.internal.OverdueNotices;

/**
 * Escalation (督办) by a county admin, and the overdue notices (超期提醒) of cases past their
 * due date.
 */
@Service
public class OpinionEscalation {

	private final OpinionSteps steps;

	private final OverdueNotices overdue;

	OpinionEscalation(OpinionSteps steps, OverdueNotices overdue) {
		this.steps = steps;
		this.overdue = overdue;
	}

	@Transactional
	public Opinion escalate(long id, @Nullable String note, CurrentUser u, @Nullable Integer expectedVersion) {
		return steps.save(steps.visible(id, u).escalate(u, note, expectedVersion, steps));
	}

	/**
	 * Sends the overdue notices due now, each case in a transaction of its own; returns
	 * how many cases were noticed by this call. The demo county calls it as soon as it
	 * has made its overdue cases.
	 */
	public int runOverdueNotices() {
		return overdue.runOnce();
	}

}
