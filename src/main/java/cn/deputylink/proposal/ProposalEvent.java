package cn.deputylink.proposal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.deputylink.opinion.ProposalLink;

/**
 * What happened to a proposal, published in the transaction of the step: the module's own
 * notices listen in that transaction; other modules after the commit through the event
 * publication registry. Every event carries the proposal's id, its status after the step,
 * the lead deputy, the acting user and the time.
 */
public sealed interface ProposalEvent {

	long proposalId();

	ProposalStatus status();

	long leadDeputyId();

	@Nullable Long actorId();

	OffsetDateTime at();

	record Drafted(long proposalId, ProposalStatus status, long leadDeputyId, @Nullable Long actorId, OffsetDateTime at,
			List<Long> coSignerIds, boolean onBehalf) implements ProposalEvent {
	}

	record CoSignAnswered(long proposalId, ProposalStatus status, long leadDeputyId, @Nullable Long actorId,
			OffsetDateTime at, long deputyId, CoSignerState state) implements ProposalEvent {
	}

	/** Submitted; the opinion module hears it as a {@link ProposalLink}. */
	record Submitted(long proposalId, ProposalStatus status, long leadDeputyId, @Nullable Long actorId,
			OffsetDateTime at, Period period, @Nullable LocalDate assignBy,
			List<Long> opinionIds) implements ProposalEvent, ProposalLink {
	}

	record Withdrawn(long proposalId, ProposalStatus status, long leadDeputyId, @Nullable Long actorId,
			OffsetDateTime at) implements ProposalEvent {
	}

	record Registered(long proposalId, ProposalStatus status, long leadDeputyId, @Nullable Long actorId,
			OffsetDateTime at, int year, int sequence) implements ProposalEvent {
	}

	record Refused(long proposalId, ProposalStatus status, long leadDeputyId, @Nullable Long actorId,
			OffsetDateTime at) implements ProposalEvent {
	}

	record Assigned(long proposalId, ProposalStatus status, long leadDeputyId, @Nullable Long actorId,
			OffsetDateTime at, long leadDepartmentId, List<Long> coDepartmentIds,
			LocalDate replyDue) implements ProposalEvent {
	}

	record Supervised(long proposalId, ProposalStatus status, long leadDeputyId, @Nullable Long actorId,
			OffsetDateTime at, boolean keySupervised) implements ProposalEvent {
	}

	record CoUnitInput(long proposalId, ProposalStatus status, long leadDeputyId, @Nullable Long actorId,
			OffsetDateTime at, long departmentId) implements ProposalEvent {
	}

	record ExtensionRequested(long proposalId, ProposalStatus status, long leadDeputyId, @Nullable Long actorId,
			OffsetDateTime at, long departmentId) implements ProposalEvent {
	}

	/** The county decided on an extension; {@code replyDue} is the due date after it. */
	record ExtensionDecided(long proposalId, ProposalStatus status, long leadDeputyId, @Nullable Long actorId,
			OffsetDateTime at, boolean approved, LocalDate replyDue) implements ProposalEvent {
	}

	record Replied(long proposalId, ProposalStatus status, long leadDeputyId, @Nullable Long actorId, OffsetDateTime at,
			long departmentId, String resultClass, int round) implements ProposalEvent {
	}

	/**
	 * The lead deputy's evaluation; {@code sentBack} when it returned the proposal to its
	 * units for a second handling, due {@code replyDue}.
	 */
	record Evaluated(long proposalId, ProposalStatus status, long leadDeputyId, @Nullable Long actorId,
			OffsetDateTime at, Evaluation evaluation, boolean sentBack,
			@Nullable LocalDate replyDue) implements ProposalEvent {
	}

	record Closed(long proposalId, ProposalStatus status, long leadDeputyId, @Nullable Long actorId,
			OffsetDateTime at) implements ProposalEvent {
	}

}
