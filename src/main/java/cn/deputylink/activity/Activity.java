package cn.deputylink.activity;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An activity as it stands: its facts, the deputies who took part, where it is in review
 * (the reason of a rejection, who reviewed it and when) and its {@code version} for
 * optimistic locking. {@code createdBy} is the account that recorded or reported it.
 */
public record Activity(long id, ActivityType type, LocalDate date, @Nullable Long stationId, @Nullable Long townshipId,
		String title, @Nullable String note, int constituentsReceived, int householdsVisited,
		@Nullable Long householdId, @Nullable Long dutyDayId, ActivityStatus status, @Nullable String rejectReason,
		@Nullable Long createdBy, OffsetDateTime createdAt, @Nullable Long reviewedBy,
		@Nullable OffsetDateTime reviewedAt, int version, boolean reported, List<Long> deputyIds) {

	/** Whether it counts in the figures and the "三个一". */
	public boolean counts() {
		return status.counts();
	}

}
