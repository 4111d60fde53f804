package cn.deputylink.activity;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A poverty-aid activity that helped a household: its date, title, deputies and status.
 */
public record HouseholdHelp(long activityId, LocalDate date, String title, @Nullable String note,
		List<String> deputyNames, ActivityStatus status) {
}
