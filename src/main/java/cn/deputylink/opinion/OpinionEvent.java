package cn.deputylink.opinion;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

import cn.deputylink.organisation.Tier;

/**
 * What happened to an opinion, published in the transaction of the step that made it
 * happen: the opinion's own notices listen in that transaction; other modules
 * (statistics, proposals) listen with {@code @ApplicationModuleListener}, after the
 * commit, through the event publication registry. Every event carries the opinion's ids,
 * its status after the step, its township and department, the acting user (null: the
 * constituent or the system) and the time; never personal data (no name, phone or text
 * the constituent wrote).
 */
public sealed interface OpinionEvent {

	long opinionId();

	String trackingCode();

	OpinionStatus status();

	@Nullable Long townshipId();

	@Nullable Long departmentId();

	@Nullable Long actorId();

	OffsetDateTime at();

	record Submitted(long opinionId, String trackingCode, OpinionStatus status, @Nullable Long townshipId,
			@Nullable Long departmentId, @Nullable Long actorId, OffsetDateTime at, Source source,
			@Nullable Long stationId, @Nullable String categoryCode) implements OpinionEvent {
	}

	record Triaged(long opinionId, String trackingCode, OpinionStatus status, @Nullable Long townshipId,
			@Nullable Long departmentId, @Nullable Long actorId, OffsetDateTime at, String categoryCode,
			Tier tier) implements OpinionEvent {
	}

	record Assigned(long opinionId, String trackingCode, OpinionStatus status, @Nullable Long townshipId,
			@Nullable Long departmentId, @Nullable Long actorId, OffsetDateTime at,
			LocalDate dueDate) implements OpinionEvent {
	}

	/**
	 * The department sent the case back to triage; {@code fromDepartmentId} is the one
	 * that had it.
	 */
	record Returned(long opinionId, String trackingCode, OpinionStatus status, @Nullable Long townshipId,
			@Nullable Long departmentId, @Nullable Long actorId, OffsetDateTime at,
			@Nullable Long fromDepartmentId) implements OpinionEvent {
	}

	record Accepted(long opinionId, String trackingCode, OpinionStatus status, @Nullable Long townshipId,
			@Nullable Long departmentId, @Nullable Long actorId, OffsetDateTime at) implements OpinionEvent {
	}

	record Progressed(long opinionId, String trackingCode, OpinionStatus status, @Nullable Long townshipId,
			@Nullable Long departmentId, @Nullable Long actorId, OffsetDateTime at) implements OpinionEvent {
	}

	record Replied(long opinionId, String trackingCode, OpinionStatus status, @Nullable Long townshipId,
			@Nullable Long departmentId, @Nullable Long actorId, OffsetDateTime at,
			Outcome outcome) implements OpinionEvent {
	}

	/**
	 * The constituent's rating (or one recorded from a follow-up call): {@code reopened}
	 * when it sent the case back to the department, with its new {@code dueDate};
	 * otherwise the case is closed.
	 */
	record Rated(long opinionId, String trackingCode, OpinionStatus status, @Nullable Long townshipId,
			@Nullable Long departmentId, @Nullable Long actorId, OffsetDateTime at, Satisfaction satisfaction,
			boolean reopened, @Nullable LocalDate dueDate) implements OpinionEvent {
	}

	/**
	 * Closed; {@code answeredNow} when closing was the answer (on the spot, or not
	 * accepted).
	 */
	record Closed(long opinionId, String trackingCode, OpinionStatus status, @Nullable Long townshipId,
			@Nullable Long departmentId, @Nullable Long actorId, OffsetDateTime at, @Nullable Outcome outcome,
			boolean answeredNow) implements OpinionEvent {
	}

	record Merged(long opinionId, String trackingCode, OpinionStatus status, @Nullable Long townshipId,
			@Nullable Long departmentId, @Nullable Long actorId, OffsetDateTime at,
			long intoId) implements OpinionEvent {
	}

	record Escalated(long opinionId, String trackingCode, OpinionStatus status, @Nullable Long townshipId,
			@Nullable Long departmentId, @Nullable Long actorId, OffsetDateTime at) implements OpinionEvent {
	}

	/** The case went past its due date with its department (told once per due date). */
	record Overdue(long opinionId, String trackingCode, OpinionStatus status, @Nullable Long townshipId,
			@Nullable Long departmentId, @Nullable Long actorId, OffsetDateTime at,
			LocalDate dueDate) implements OpinionEvent {
	}

	/**
	 * The opinion became (part of) the deputy's proposal {@code proposalId} (told once
	 * per opinion and proposal); its status does not change.
	 */
	record Converted(long opinionId, String trackingCode, OpinionStatus status, @Nullable Long townshipId,
			@Nullable Long departmentId, @Nullable Long actorId, OffsetDateTime at,
			long proposalId) implements OpinionEvent {
	}

	record Attached(long opinionId, String trackingCode, OpinionStatus status, @Nullable Long townshipId,
			@Nullable Long departmentId, @Nullable Long actorId, OffsetDateTime at, int files) implements OpinionEvent {
	}

}
