package cn.deputylink.briefing;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * What to generate: the period (both ends required, at most five years) and the scope (no
 * township and no station: the county); a title, or the default one.
 */
public record NewBriefing(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable Long townshipId,
		@Nullable Long stationId, @Nullable String title) {
}
