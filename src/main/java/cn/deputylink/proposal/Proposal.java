package cn.deputylink.proposal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A proposal as it stands. {@code number} is the registration number of its year
 * ({@code year}, {@code sequence}: "2026-007"), null until registered. Deadlines:
 * {@code assignBy} (a recess proposal's assignment, 5 working days after submission),
 * {@code replyDue} (3 months after assignment, 6 with an approved extension; 1 month for
 * the second handling after an unsatisfied evaluation). {@code enteredBy} is the user who
 * created it; {@code onBehalf} when a county admin entered it for the deputy (代录入).
 * {@code round} is 1, or 2 once sent back. {@code opinionIds} are the opinions it came
 * from.
 */
public record Proposal(long id, String title, String content, long leadDeputyId, Period period, ProposalStatus status,
		@Nullable Integer year, @Nullable Integer sequence, boolean publicConsent, boolean onBehalf, long enteredBy,
		OffsetDateTime createdAt, @Nullable OffsetDateTime submittedAt, @Nullable LocalDate assignBy,
		@Nullable OffsetDateTime registeredAt, @Nullable String refusalReason, @Nullable Long leadDepartmentId,
		List<Long> coDepartmentIds, @Nullable OffsetDateTime assignedAt, @Nullable LocalDate replyDue,
		boolean extensionRequested, boolean extended, @Nullable String reply, @Nullable String resultClass,
		@Nullable OffsetDateTime repliedAt, @Nullable Evaluation evaluation, @Nullable String evaluationComment,
		@Nullable OffsetDateTime evaluatedAt, int round, boolean keySupervised, @Nullable OffsetDateTime closedAt,
		List<CoSigner> coSigners, List<Long> opinionIds, int version) {

	/** "2026-007", or null before registration. */
	public @Nullable String number() {
		return year == null || sequence == null ? null : year + "-" + String.format("%03d", sequence);
	}

	/** The co-signers who confirmed. */
	public List<Long> confirmedCoSignerIds() {
		return coSigners.stream().filter(c -> c.state() == CoSignerState.CONFIRMED).map(CoSigner::deputyId).toList();
	}

	/** Whether every co-signer has answered (submission waits for that). */
	public boolean coSignersAnswered() {
		return coSigners.stream().noneMatch(c -> c.state() == CoSignerState.PENDING);
	}

	/** A co-signing deputy and their answer. */
	public record CoSigner(long deputyId, CoSignerState state, @Nullable OffsetDateTime answeredAt) {
	}

}
