package cn.deputylink.activity;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Help given to a household, as staff record it: recorded as a {@code POVERTY_AID}
 * activity linked to the household.
 */
public record HouseholdHelpForm(@Nullable LocalDate date, @Nullable List<Long> deputyIds, @Nullable String title,
		@Nullable String note) {
}
