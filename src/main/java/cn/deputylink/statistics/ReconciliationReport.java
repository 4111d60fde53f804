package cn.deputylink.statistics;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a reconciliation found: how many source records it read, how many of this module's
 * rows differed from them (each difference named), and whether it repaired them.
 */
public record ReconciliationReport(OffsetDateTime at, long opinionsRead, long activitiesRead, long differences,
		List<String> examples, boolean repaired) {

	public boolean clean() {
		return differences == 0;
	}

}
