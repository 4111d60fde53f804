package cn.deputylink.opinion;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** One line of an opinion's timeline: who did what, when, with which note. */
public record TimelineEntry(long id, Action action, @Nullable OpinionStatus fromStatus, OpinionStatus toStatus,
		String actor, @Nullable Long departmentId, OffsetDateTime at, @Nullable String note,
		@Nullable Satisfaction satisfaction) {
}
