/**
 * The county's figures (统计): the six headline figures of {@code domain.md} rule 5 for any
 * period and scope (county, township, station, deputy), their monthly trend, the opinions
 * broken down by category, source and department, the handling indicators, and the
 * records behind every figure. Counted from events, not scans: this module's listeners
 * hear the {@code opinion.OpinionEvent}s and {@code activity.ActivityEvent}s through the
 * event publication registry and keep this module's own projections and rollups, which a
 * summary reads; a reconciliation job recomputes them from the owning modules' records
 * ({@code opinion.OpinionRecords}, {@code activity.ActivityRecords}) and reports and
 * repairs any difference. Reads no other module's tables and changes nothing outside its
 * own. The API: {@link cn.deputylink.statistics.Statistics} (for a signed-in user, in its
 * data scope), {@link cn.deputylink.statistics.StatisticsRecords} (for other modules,
 * without a user) and {@link cn.deputylink.statistics.StatisticsReconciliation}.
 */
@ApplicationModule(allowedDependencies = { "account", "activity", "audit", "opinion", "organisation", "shared",
		"shared :: web", "shared :: excel", "shell" })
@NullMarked
package cn.deputylink.statistics;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
