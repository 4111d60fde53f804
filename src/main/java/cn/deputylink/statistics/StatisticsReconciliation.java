package cn.deputylink.statistics;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import cn.deputylink.statistics.internal.Reconciler;

/**
 * Recomputes this module's projections and rollups from the owning modules' records and
 * compares: nightly (once per cluster, ShedLock) with repair, and on a county admin's
 * request.
 */
@Service
public class StatisticsReconciliation {

	private final Reconciler reconciler;

	StatisticsReconciliation(Reconciler reconciler) {
		this.reconciler = reconciler;
	}

	/** Compares everything; with {@code repair}, rewrites the rows that differ. */
	public ReconciliationReport reconcile(boolean repair) {
		return reconciler.reconcile(repair);
	}

	/** The last report, or null before the first run. */
	public @Nullable ReconciliationReport last() {
		return reconciler.last();
	}

}
