/**
 * Deputies' performance files (履职档案) and points (积分): a deputy's year — duty days
 * attended, absent or substituted, counting activities by type with their counters,
 * opinions received and what became of them, proposals led or co-signed with their
 * evaluations, the "三个一" — as a page with a calendar, as JSON and as a PDF with an
 * embedded CJK font; and the county's points scheme with the yearly score of each deputy
 * up to the end of a quarter, published per township and quarter as a snapshot. Reads the
 * other modules only through their facades ({@code duty.DutyQueries},
 * {@code activity.ActivityRecords}, {@code activity.ObligationTracker},
 * {@code opinion.OpinionRecords}, {@code proposal.ProposalRecords},
 * {@code organisation.RegistryLookup}). The API:
 * {@link cn.deputylink.performance.PerformanceFiles},
 * {@link cn.deputylink.performance.PointsSchemes},
 * {@link cn.deputylink.performance.Points}.
 */
@ApplicationModule(allowedDependencies = { "account", "activity", "audit", "duty", "opinion", "organisation",
		"proposal", "shared", "shared :: pdf", "shared :: web", "shell" })
@NullMarked
package cn.deputylink.performance;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
