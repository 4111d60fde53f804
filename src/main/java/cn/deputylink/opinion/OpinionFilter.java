package cn.deputylink.opinion;

import org.jspecify.annotations.Nullable;

/**
 * Filters of the opinion list; every field optional. {@code q} matches words of the
 * content or the code.
 */
public record OpinionFilter(@Nullable OpinionStatus status, @Nullable Long townshipId, @Nullable Long stationId,
		@Nullable Long departmentId, @Nullable String categoryCode, @Nullable DeadlineColour colour,
		@Nullable Boolean overdue, @Nullable Boolean escalated, @Nullable String q) {

	public static OpinionFilter none() {
		return new OpinionFilter(null, null, null, null, null, null, null, null, null);
	}

	public OpinionFilter withStatus(@Nullable OpinionStatus s) {
		return new OpinionFilter(s, townshipId, stationId, departmentId, categoryCode, colour, overdue, escalated, q);
	}

	public OpinionFilter withOverdue(@Nullable Boolean o) {
		return new OpinionFilter(status, townshipId, stationId, departmentId, categoryCode, colour, o, escalated, q);
	}
}
