package cn.deputylink.proposal;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * How a unit handled one proposal, for the year-end evaluation of handling units: its
 * part (lead / co), when it was assigned, the reply's due date and when the reply came
 * (lead unit; a co-unit's input time for a co-unit), the result class and whether it is
 * favourable, and the final evaluation (null while none).
 */
public record UnitHandling(long departmentId, long proposalId, UnitRole role, OffsetDateTime assignedAt,
		@Nullable LocalDate replyDue, @Nullable OffsetDateTime answeredAt, @Nullable String resultClass,
		boolean favourable, @Nullable Evaluation evaluation) {
}
