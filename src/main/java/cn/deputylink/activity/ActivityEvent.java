package cn.deputylink.activity;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What happened to an activity, published in the transaction that made it happen; other
 * modules (statistics, performance files) listen with {@code @ApplicationModuleListener}
 * through the event publication registry. Each event carries the activity's facts as they
 * count: type, date, station and township, deputies and counters, the acting user and the
 * time. {@link Recorded} and {@link Approved} start an activity counting,
 * {@link Withdrawn} stops it.
 */
public sealed interface ActivityEvent {

	long activityId();

	ActivityType type();

	LocalDate date();

	@Nullable Long stationId();

	@Nullable Long townshipId();

	List<Long> deputyIds();

	int constituentsReceived();

	int householdsVisited();

	@Nullable Long actorId();

	OffsetDateTime at();

	/** Recorded by staff: counts at once. */
	record Recorded(long activityId, ActivityType type, LocalDate date, @Nullable Long stationId,
			@Nullable Long townshipId, List<Long> deputyIds, int constituentsReceived, int householdsVisited,
			@Nullable Long actorId, OffsetDateTime at) implements ActivityEvent {
	}

	/** A deputy's report approved: counts from now. */
	record Approved(long activityId, ActivityType type, LocalDate date, @Nullable Long stationId,
			@Nullable Long townshipId, List<Long> deputyIds, int constituentsReceived, int householdsVisited,
			@Nullable Long actorId, OffsetDateTime at) implements ActivityEvent {
	}

	/**
	 * A counted activity withdrawn (or replaced by a corrected one): it counts no more,
	 * with the facts it counted with.
	 */
	record Withdrawn(long activityId, ActivityType type, LocalDate date, @Nullable Long stationId,
			@Nullable Long townshipId, List<Long> deputyIds, int constituentsReceived, int householdsVisited,
			@Nullable Long actorId, OffsetDateTime at) implements ActivityEvent {
	}

}
