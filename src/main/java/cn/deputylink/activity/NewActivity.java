package cn.deputylink.activity;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An activity as staff record it or a deputy reports it: its type, date, station
 * (optional for a visit), the deputies who took part, its counters and title. A
 * {@code householdId} links poverty-aid work to the paired household.
 */
public record NewActivity(@Nullable ActivityType type, @Nullable LocalDate date, @Nullable Long stationId,
		@Nullable List<Long> deputyIds, @Nullable Integer constituentsReceived, @Nullable Integer householdsVisited,
		@Nullable String title, @Nullable String note, @Nullable Long householdId) {
}
