package cn.deputylink.activity.internal;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.deputylink.activity.ActivityType;

/**
 * An activity that passed the checks: every part present and in range, the station's
 * township resolved.
 */
record Checked(ActivityType type, LocalDate date, @Nullable Long stationId, @Nullable Long townshipId,
		List<Long> deputyIds, int constituentsReceived, int householdsVisited, String title, @Nullable String note,
		@Nullable Long householdId) {
}
