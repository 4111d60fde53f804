package cn.deputylink.statistics;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Recomputes this module's projections and rollups from the owning modules' records and
 * compares: nightly (once per cluster, ShedLock) with repair, and on a county admin's
 * request.
 */
@Service
public class StatisticsReconciliation {

	// SKELETON: filled by wt/stats.

	/** Compares everything; with {@code repair}, rewrites the rows that differ. */
	public ReconciliationReport reconcile(boolean repair) {
		throw new UnsupportedOperationException("wt/stats");
	}

	/** The last report, or null before the first run. */
	public @Nullable ReconciliationReport last() {
		throw new UnsupportedOperationException("wt/stats");
	}

}
