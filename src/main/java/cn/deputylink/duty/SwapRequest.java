package cn.deputylink.duty;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A deputy's request to hand a duty day to another deputy, approved or refused by the
 * liaison officer or township admin; approval puts {@code toDeputyId} on the day in
 * {@code fromDeputyId}'s place.
 */
public record SwapRequest(long id, long dutyDayId, long stationId, LocalDate date, long fromDeputyId, long toDeputyId,
		Status status, @Nullable String note, int version) {

	public enum Status {

		PENDING, APPROVED, REFUSED

	}

}
