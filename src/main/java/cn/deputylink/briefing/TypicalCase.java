package cn.deputylink.briefing;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A typical case of a briefing: an opinion of the period resolved or turned into a
 * proposal (no personal data), with the text the bulletin prints (editable in a draft).
 */
public record TypicalCase(long opinionId, String trackingCode, LocalDate receivedOn, @Nullable String stationName,
		@Nullable String categoryName, boolean converted, String text) {
}
