package cn.deputylink.performance;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A published points table of a township and quarter: the scores and ranks as they were
 * when published, never recomputed; published once (a second publication of the same
 * quarter and township is refused, 409).
 */
public record Publication(long id, int year, int quarter, long townshipId, OffsetDateTime publishedAt, long publishedBy,
		List<PointsRow> rows) {
}
