package cn.deputylink.assessment;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One unit's row with the items behind it: each proposal it handled (its part, the due
 * date, when it answered, how that stands, the class and the evaluation) and each opinion
 * assigned to it (due date, reply, how that stands, status, outcome, rating).
 */
public record UnitBreakdown(int year, LocalDate asOf, AssessmentFormula formula, UnitScore row,
		List<ProposalItem> proposals, List<OpinionItem> opinions) {

	public record ProposalItem(long proposalId, String role, LocalDate assignedOn, @Nullable LocalDate due,
			@Nullable LocalDate answeredOn, Timeliness timeliness, @Nullable String resultClass, boolean favourable,
			@Nullable String evaluation) {
	}

	public record OpinionItem(long opinionId, LocalDate assignedOn, @Nullable LocalDate due,
			@Nullable LocalDate repliedOn, Timeliness timeliness, String status, @Nullable String outcome,
			@Nullable String satisfaction, boolean reopened) {
	}

}
