package cn.deputylink.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.statistics.internal.Figures;

/**
 * The figures for other modules, without a user (they check their own scope): the
 * briefing's headline figures, leading stations and deputies; the township assessment's
 * measured indicators.
 */
@Service
public class StatisticsRecords {

	private final Figures figures;

	StatisticsRecords(Figures figures) {
		this.figures = figures;
	}

	@Transactional(readOnly = true)
	public Summary summary(Period period, Scope scope) {
		return figures.summary(period, scope);
	}

	@Transactional(readOnly = true)
	public Indicators indicators(Period period, Scope scope) {
		return figures.indicators(period, scope);
	}

	/** The six figures per township of the county for the period, by township id. */
	@Transactional(readOnly = true)
	public Map<Long, Summary> byTownship(Period period) {
		return figures.byTownship(period);
	}

	/** The handling indicators per township for the period, by township id. */
	@Transactional(readOnly = true)
	public Map<Long, Indicators> indicatorsByTownship(Period period) {
		return figures.indicatorsByTownship(period);
	}

	/** The {@code limit} most active stations in the scope and period. */
	@Transactional(readOnly = true)
	public List<Leader> leadingStations(Period period, Scope scope, int limit) {
		return figures.leaders(period, scope, false, limit);
	}

	/** The {@code limit} most active deputies in the scope and period. */
	@Transactional(readOnly = true)
	public List<Leader> leadingDeputies(Period period, Scope scope, int limit) {
		return figures.leaders(period, scope, true, limit);
	}

	/**
	 * Typical cases for a briefing: up to {@code limit} opinions of the period resolved
	 * or converted, the converted first, newest first.
	 */
	@Transactional(readOnly = true)
	public List<OpinionEntry> typicalCases(Period period, Scope scope, int limit) {
		int n = Math.max(1, Math.min(limit, 50));
		List<OpinionEntry> cases = new ArrayList<>(figures.opinions(period, scope, Drill.of(Figure.CONVERTED), 0, n));
		for (OpinionEntry e : figures.opinions(period, scope, Drill.of(Figure.RESOLVED), 0, n)) {
			if (cases.size() < n && cases.stream().noneMatch(c -> c.opinionId() == e.opinionId())) {
				cases.add(e);
			}
		}
		return cases;
	}

}
