package cn.deputylink.briefing;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** A briefing in the list. */
public record BriefingSummary(long id, String title, LocalDate from, LocalDate to, @Nullable Long townshipId,
		@Nullable Long stationId, String scopeName, BriefingStatus status, OffsetDateTime createdAt,
		@Nullable OffsetDateTime publishedAt, int version) {
}
