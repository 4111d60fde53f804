package cn.deputylink.performance;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A township's points of a year up to the end of a quarter: the live table (as the
 * records stand now) and, once published, the published snapshot.
 */
public record PointsTable(int year, int quarter, long townshipId, String townshipName, LocalDate from, LocalDate to,
		List<PointsRow> live, @Nullable Publication publication) {
}
