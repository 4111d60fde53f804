package cn.deputylink.proposal;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * One step of a proposal: who (display name), when, from which status to which, a note.
 */
public record ProposalTimelineEntry(long id, ProposalAction action, @Nullable ProposalStatus fromStatus,
		ProposalStatus toStatus, String actor, @Nullable Long departmentId, OffsetDateTime at, @Nullable String note) {
}
