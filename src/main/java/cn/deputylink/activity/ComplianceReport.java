package cn.deputylink.activity;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The "三个一" of every deputy in a scope (the county, a township or a station) for a year,
 * as of {@code asOf} (the county's today): the rows in name order, and how many are
 * behind.
 */
public record ComplianceReport(int year, LocalDate asOf, @Nullable Long townshipId, @Nullable Long stationId, int total,
		int behindCount, int allMetCount, List<ComplianceRow> items) {
}
