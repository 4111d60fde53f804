package cn.deputylink.opinion;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One opinion as the county's figures count it (the statistics module's projection, kept
 * from the {@link OpinionEvent}s): where and when it came in, its category and source,
 * where it stands, its department, due date and answer, the constituent's rating, whether
 * it went past a due date with its department, its receiving deputies and whether it
 * became a proposal. Merged duplicates are included (with their status); no personal data
 * and no text.
 */
public record OpinionCount(long opinionId, String trackingCode, OffsetDateTime receivedAt, @Nullable Long townshipId,
		@Nullable Long stationId, @Nullable String categoryCode, Source source, OpinionStatus status,
		@Nullable Outcome outcome, @Nullable Long departmentId, @Nullable LocalDate dueDate,
		@Nullable OffsetDateTime repliedAt, @Nullable Satisfaction satisfaction, boolean overdue, boolean converted,
		List<Long> deputyIds) {
}
