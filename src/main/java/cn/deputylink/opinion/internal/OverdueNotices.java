package cn.deputylink.opinion.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Lazy;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.opinion.OpinionEvent;

/**
 * Tells the department and the township's admins when a case goes past its due date
 * (超期提醒), once per due date: each case is claimed with a conditional update in the same
 * transaction as its event (whose listener queues the notices), so however many nodes run
 * this, and however often, nobody is told twice. A new due date (reassignment, reopening)
 * makes the case eligible again.
 */
@Component
public class OverdueNotices {

	private static final Logger log = LoggerFactory.getLogger(OverdueNotices.class);

	private final Opinions opinions;

	private final OpinionSteps steps;

	private final OverdueNotices self;

	OverdueNotices(Opinions opinions, OpinionSteps steps, @Lazy OverdueNotices self) {
		this.opinions = opinions;
		this.steps = steps;
		this.self = self;
	}

	public int runOnce() {
		int noticed = 0;
		for (long id : opinions.overdueUnnoticed(steps.today(), 500)) {
			if (self.noticeOne(id)) {
				noticed++;
			}
		}
		if (noticed > 0) {
			log.info("Overdue notices sent for {} opinion(s)", noticed);
		}
		return noticed;
	}

	/** One case's claim and event, in a transaction of its own (through the proxy). */
	@Transactional
	public boolean noticeOne(long id) {
		if (!opinions.claimOverdueNotice(id)) {
			return false;
		}
		OpinionEvent.Overdue event = steps.load(id).overdue(steps);
		if (event != null) {
			steps.publish(event);
		}
		return true;
	}

	/**
	 * The schedule, off where {@code deputylink.opinions.overdue-notices-enabled=false}
	 * (tests run it by hand).
	 */
	@Component
	@ConditionalOnBooleanProperty(name = "deputylink.opinions.overdue-notices-enabled", matchIfMissing = true)
	static class Schedule {

		private final OverdueNotices notices;

		Schedule(OverdueNotices notices) {
			this.notices = notices;
		}

		@Scheduled(fixedDelayString = "${deputylink.opinions.overdue-check-interval:1h}", initialDelayString = "2m")
		void run() {
			notices.runOnce();
		}

	}

}
