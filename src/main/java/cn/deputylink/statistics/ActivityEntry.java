package cn.deputylink.statistics;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A counting activity behind a figure, as this module counted it. */
public record ActivityEntry(long activityId, String type, LocalDate date, @Nullable Long townshipId,
		@Nullable Long stationId, List<Long> deputyIds, int constituentsReceived, int householdsVisited) {
}
