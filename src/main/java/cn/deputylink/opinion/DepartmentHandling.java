package cn.deputylink.opinion;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.opinion.internal.OpinionSteps;

/**
 * The department's handling (办理): accept the case or return a misrouted one in time, note
 * progress, reply. The checks and their order are {@link OpinionTriage}'s.
 */
@Service
public class DepartmentHandling {

	private final OpinionSteps steps;

	DepartmentHandling(OpinionSteps steps) {
		this.steps = steps;
	}

	@Transactional
	public Opinion returnToTriage(long id, @Nullable String reason, CurrentUser u, @Nullable Integer expectedVersion) {
		return steps.save(steps.visible(id, u).returnToTriage(u, reason, expectedVersion, steps));
	}

	@Transactional
	public Opinion accept(long id, CurrentUser u, @Nullable Integer expectedVersion) {
		return steps.save(steps.visible(id, u).accept(u, expectedVersion, steps));
	}

	@Transactional
	public Opinion progress(long id, @Nullable String note, CurrentUser u, @Nullable Integer expectedVersion) {
		return steps.save(steps.visible(id, u).progress(u, note, expectedVersion, steps));
	}

	@Transactional
	public Opinion reply(long id, @Nullable String content, @Nullable Outcome outcome, CurrentUser u,
			@Nullable Integer expectedVersion) {
		return steps.save(steps.visible(id, u).reply(u, content, outcome, expectedVersion, steps));
	}

}
