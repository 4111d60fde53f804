package cn.deputylink.duty;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What happened to a duty day, published in the step's own transaction: ids, the station
 * and township, the date, the deputies on duty (ids), the iCalendar sequence, the actor
 * and the time; no personal data.
 */
public sealed interface DutyEvent {

	long dutyDayId();

	long stationId();

	long townshipId();

	LocalDate date();

	List<Long> deputyIds();

	int sequence();

	long actorId();

	OffsetDateTime at();

	/** New days of a plan; {@code published} when planned and published at once. */
	record Planned(long dutyDayId, long stationId, long townshipId, LocalDate date, List<Long> deputyIds, int sequence,
			long actorId, OffsetDateTime at, boolean published) implements DutyEvent {
	}

	record Published(long dutyDayId, long stationId, long townshipId, LocalDate date, List<Long> deputyIds,
			int sequence, long actorId, OffsetDateTime at) implements DutyEvent {
	}

	/**
	 * The date or the deputies changed; {@code published} when the day was published (its
	 * sequence grew and its deputies, before and after, are told).
	 */
	record Changed(long dutyDayId, long stationId, long townshipId, LocalDate date, List<Long> deputyIds, int sequence,
			long actorId, OffsetDateTime at, LocalDate previousDate, List<Long> previousDeputyIds,
			boolean published) implements DutyEvent {
	}

	/**
	 * Cancelled; {@code published} when the day was published (its deputies are told).
	 */
	record Cancelled(long dutyDayId, long stationId, long townshipId, LocalDate date, List<Long> deputyIds,
			int sequence, long actorId, OffsetDateTime at, boolean published) implements DutyEvent {
	}

	/** The reception recorded: who was there (substitutes included) and how many came. */
	record Held(long dutyDayId, long stationId, long townshipId, LocalDate date, List<Long> deputyIds, int sequence,
			long actorId, OffsetDateTime at, List<Long> presentDeputyIds,
			int constituentsReceived) implements DutyEvent {
	}

}
