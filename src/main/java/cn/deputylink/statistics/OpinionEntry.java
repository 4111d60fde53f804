package cn.deputylink.statistics;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * An opinion behind a figure, as this module counted it (no personal data, no text): the
 * page links it to the opinion's own page, which checks the viewer's scope again.
 */
public record OpinionEntry(long opinionId, String trackingCode, LocalDate receivedOn, @Nullable Long townshipId,
		@Nullable Long stationId, @Nullable String categoryCode, String source, String status, @Nullable String outcome,
		@Nullable Long departmentId, boolean converted, boolean overdue) {
}
