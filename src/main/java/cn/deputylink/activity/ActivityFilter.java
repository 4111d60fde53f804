package cn.deputylink.activity;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * The list's filters, any may be null; always narrowed to the viewer's scope (a township
 * admin or liaison officer its township whatever it asks, a deputy the activities it took
 * part in).
 */
public record ActivityFilter(@Nullable ActivityType type, @Nullable ActivityStatus status, @Nullable Long townshipId,
		@Nullable Long stationId, @Nullable Long deputyId, @Nullable LocalDate from, @Nullable LocalDate to) {

	public static ActivityFilter none() {
		return new ActivityFilter(null, null, null, null, null, null, null);
	}

	public ActivityFilter withStatus(@Nullable ActivityStatus s) {
		return new ActivityFilter(type, s, townshipId, stationId, deputyId, from, to);
	}

}
