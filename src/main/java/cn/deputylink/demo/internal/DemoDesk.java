package cn.deputylink.demo.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.opinion.ConstituentFeedback;
import cn.deputylink.opinion.DepartmentHandling;
import cn.deputylink.opinion.Intake;
import cn.deputylink.opinion.Opinion;
import cn.deputylink.opinion.OpinionEscalation;
import cn.deputylink.opinion.OpinionIntake;
import cn.deputylink.opinion.OpinionQueries;
import cn.deputylink.opinion.OpinionTime;
import cn.deputylink.opinion.OpinionTriage;
import cn.deputylink.opinion.Outcome;
import cn.deputylink.opinion.PublicView;
import cn.deputylink.opinion.Satisfaction;
import cn.deputylink.organisation.Department;
import cn.deputylink.organisation.Tier;

/** The opinion steps the demo county takes, each at a past time of its choosing. */
@Component
class DemoDesk {

	private final OpinionIntake intake;

	private final OpinionTriage triage;

	private final DepartmentHandling handling;

	private final ConstituentFeedback feedback;

	private final OpinionEscalation escalation;

	private final OpinionQueries queries;

	private final OpinionTime time;

	DemoDesk(OpinionIntake intake, OpinionTriage triage, DepartmentHandling handling, ConstituentFeedback feedback,
			OpinionEscalation escalation, OpinionQueries queries, OpinionTime time) {
		this.intake = intake;
		this.triage = triage;
		this.handling = handling;
		this.feedback = feedback;
		this.escalation = escalation;
		this.queries = queries;
		this.time = time;
	}

	Optional<Department> routedDepartment(long id, CurrentUser u) {
		return triage.routedDepartment(queries.get(id, u));
	}

	int runOverdueNotices() {
		return escalation.runOverdueNotices();
	}

	/** The steps at {@code clock}'s time. */
	At at(Clock clock) {
		return new At(clock);
	}

	final class At {

		private final Clock clock;

		At(Clock clock) {
			this.clock = clock;
		}

		OpinionIntake.Created submit(Intake in, CurrentUser u) {
			return time.at(clock, () -> intake.submit(in, u, null, List.of()));
		}

		Opinion triage(long id, String category, Tier tier, CurrentUser u) {
			return time.at(clock, () -> triage.triage(id, category, tier, null, u, null));
		}

		Opinion assign(long id, @Nullable Long departmentId, @Nullable String note, CurrentUser u) {
			return time.at(clock, () -> triage.assign(id, departmentId, note, u, null));
		}

		Opinion accept(long id, CurrentUser u) {
			return time.at(clock, () -> handling.accept(id, u, null));
		}

		Opinion progress(long id, String note, CurrentUser u) {
			return time.at(clock, () -> handling.progress(id, note, u, null));
		}

		Opinion reply(long id, String text, Outcome outcome, CurrentUser u) {
			return time.at(clock, () -> handling.reply(id, text, outcome, u, null));
		}

		Opinion escalate(long id, String note, CurrentUser u) {
			return time.at(clock, () -> escalation.escalate(id, note, u, null));
		}

		PublicView feedback(String code, Satisfaction satisfaction) {
			return time.at(clock, () -> feedback.feedback(code, satisfaction, null));
		}

		Opinion close(long id, Outcome outcome, @Nullable String note, @Nullable String reply, CurrentUser u) {
			return time.at(clock, () -> triage.close(id, outcome, note, reply, u, null));
		}

		Opinion merge(long id, long intoId, CurrentUser u) {
			return time.at(clock, () -> triage.merge(id, intoId, u, null));
		}

	}

}
