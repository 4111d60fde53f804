package cn.deputylink.duty;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A date range a deputy cannot take duty: leave, illness or another reason. */
public record Unavailability(long id, long deputyId, LocalDate from, LocalDate to, Reason reason,
		@Nullable String note) {

	public enum Reason {

		LEAVE, ILLNESS, OTHER

	}

}
