package cn.deputylink.activity;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A deputy paired with a household from {@code startDate}, until {@code endDate} if it
 * ended.
 */
public record HouseholdPairing(long id, long householdId, long deputyId, String deputyName, LocalDate startDate,
		@Nullable LocalDate endDate, int version) {

	public boolean active() {
		return endDate == null;
	}

}
