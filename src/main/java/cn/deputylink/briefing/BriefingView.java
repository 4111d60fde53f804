package cn.deputylink.briefing;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** A briefing with its snapshot, as the API and the pages show it. */
public record BriefingView(long id, String title, LocalDate from, LocalDate to, @Nullable Long townshipId,
		@Nullable Long stationId, String scopeName, BriefingStatus status, String intro, String body,
		HeadlineFigures figures, List<LeaderRow> leadingStations, List<LeaderRow> leadingDeputies,
		List<TypicalCase> typicalCases, String createdBy, OffsetDateTime createdAt, @Nullable String publishedBy,
		@Nullable OffsetDateTime publishedAt, int version) {

	public boolean draft() {
		return status == BriefingStatus.DRAFT;
	}

}
