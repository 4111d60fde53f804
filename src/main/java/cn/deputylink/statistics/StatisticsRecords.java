package cn.deputylink.statistics;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures for other modules, without a user (they check their own scope): the
 * briefing's headline figures, leading stations and deputies; the township assessment's
 * measured indicators.
 */
@Service
public class StatisticsRecords {

	// SKELETON: filled by wt/stats; signatures are the contract for the other helpers.

	@Transactional(readOnly = true)
	public Summary summary(Period period, Scope scope) {
		throw new UnsupportedOperationException("wt/stats");
	}

	@Transactional(readOnly = true)
	public Indicators indicators(Period period, Scope scope) {
		throw new UnsupportedOperationException("wt/stats");
	}

	/** The six figures per township of the county for the period, by township id. */
	@Transactional(readOnly = true)
	public Map<Long, Summary> byTownship(Period period) {
		throw new UnsupportedOperationException("wt/stats");
	}

	/** The handling indicators per township for the period, by township id. */
	@Transactional(readOnly = true)
	public Map<Long, Indicators> indicatorsByTownship(Period period) {
		throw new UnsupportedOperationException("wt/stats");
	}

	/** The {@code limit} most active stations in the scope and period. */
	@Transactional(readOnly = true)
	public List<Leader> leadingStations(Period period, Scope scope, int limit) {
		throw new UnsupportedOperationException("wt/stats");
	}

	/** The {@code limit} most active deputies in the scope and period. */
	@Transactional(readOnly = true)
	public List<Leader> leadingDeputies(Period period, Scope scope, int limit) {
		throw new UnsupportedOperationException("wt/stats");
	}

	/**
	 * Typical cases for a briefing: up to {@code limit} opinions of the period resolved
	 * or converted, the converted first, newest first.
	 */
	@Transactional(readOnly = true)
	public List<OpinionEntry> typicalCases(Period period, Scope scope, int limit) {
		throw new UnsupportedOperationException("wt/stats");
	}

}
