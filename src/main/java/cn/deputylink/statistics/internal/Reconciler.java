package cn.deputylink.statistics.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.deputylink.activity.Activity;
import cn.deputylink.activity.ActivityRecords;
import cn.deputylink.opinion.OpinionCount;
import cn.deputylink.opinion.OpinionRecords;
import cn.deputylink.statistics.ReconciliationReport;
import cn.deputylink.statistics.Summary;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

/**
 * The reconciliation: reads every opinion and activity from its owning module a batch at
 * a time, compares each with this module's projection row, then recomputes every rollup
 * cell (daily, and the opinions' monthly ones) from the projections in bulk and compares
 * with the stored cells. Each difference is counted (the first few named); with repair,
 * the record is recounted and the cell recomputed, each in a transaction of its own.
 * Nightly on one node of the cluster.
 */
@Component
public class Reconciler {

	private static final Logger log = LoggerFactory.getLogger(Reconciler.class);

	private static final int BATCH = 500;

	private static final int EXAMPLES = 20;

	private final OpinionRecords opinions;

	private final ActivityRecords activities;

	private final Projections projections;

	private final Rollups rollups;

	private final OpinionMonths months;

	private final Counting counting;

	private final TransactionTemplate tx;

	private final JdbcClient jdbc;

	private final Clock clock;

	Reconciler(OpinionRecords opinions, ActivityRecords activities, Projections projections, Rollups rollups,
			OpinionMonths months, Counting counting, TransactionTemplate tx, JdbcClient jdbc, Clock clock) {
		this.opinions = opinions;
		this.activities = activities;
		this.projections = projections;
		this.rollups = rollups;
		this.months = months;
		this.counting = counting;
		this.tx = tx;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Scheduled(cron = "${deputylink.statistics.reconciliation-cron:0 41 2 * * *}")
	@SchedulerLock(name = "statistics-reconciliation", lockAtMostFor = "PT2H")
	void nightly() {
		ReconciliationReport report = reconcile(true);
		if (!report.clean()) {
			log.warn("Statistics reconciliation repaired {} differences, e.g. {}", report.differences(),
					report.examples());
		}
	}

	public ReconciliationReport reconcile(boolean repair) {
		List<String> examples = new ArrayList<>();
		long[] differences = { 0 };
		long opinionsRead = 0;
		long after = 0;
		while (true) {
			List<OpinionCount> batch = opinions.counted(after, BATCH);
			if (batch.isEmpty()) {
				break;
			}
			opinionsRead += batch.size();
			long last = batch.get(batch.size() - 1).opinionId();
			Set<Long> seen = new HashSet<>();
			for (OpinionCount c : batch) {
				seen.add(c.opinionId());
				Optional<Projections.OpinionRow> stored = projections.opinion(c.opinionId());
				if (stored.isEmpty() || !stored.get().equals(projections.of(c))) {
					note(examples, differences, "opinion " + c.opinionId());
					if (repair) {
						counting.opinion(c.opinionId());
					}
				}
			}
			for (long stale : projections.opinionIds(after, last)) {
				if (!seen.contains(stale)) {
					note(examples, differences, "opinion " + stale + " (gone)");
					if (repair) {
						counting.opinion(stale);
					}
				}
			}
			after = last;
		}
		long activitiesRead = 0;
		after = 0;
		while (true) {
			List<Activity> batch = activities.all(after, BATCH);
			if (batch.isEmpty()) {
				break;
			}
			activitiesRead += batch.size();
			long last = batch.get(batch.size() - 1).id();
			Set<Long> seen = new HashSet<>();
			for (Activity a : batch) {
				seen.add(a.id());
				Optional<Projections.ActivityRow> stored = projections.activity(a.id());
				if (stored.isEmpty() || !stored.get().equals(Projections.of(a))) {
					note(examples, differences, "activity " + a.id());
					if (repair) {
						counting.activity(a.id());
					}
				}
			}
			for (long stale : projections.activityIds(after, last)) {
				if (!seen.contains(stale)) {
					note(examples, differences, "activity " + stale + " (gone)");
					if (repair) {
						counting.activity(stale);
					}
				}
			}
			after = last;
		}
		Map<Cell, Summary> expected = rollups.expected();
		Map<Cell, Summary> stored = rollups.stored();
		Set<Cell> cells = new HashSet<>(expected.keySet());
		cells.addAll(stored.keySet());
		for (Cell c : cells) {
			Summary want = expected.getOrDefault(c, Summary.ZERO);
			Summary have = stored.getOrDefault(c, Summary.ZERO);
			if (!want.equals(have)) {
				note(examples, differences, "cell " + c);
				if (repair) {
					tx.executeWithoutResult(s -> rollups.recompute(List.of(c)));
				}
			}
		}
		// the six figures' month cells: the sums of the day cells (a repaired day cell
		// recomputed its month already)
		Map<Cell, Summary> expectedSix = Rollups.months(expected);
		Map<Cell, Summary> storedSix = rollups.storedMonths();
		Set<Cell> sixCells = new HashSet<>(expectedSix.keySet());
		sixCells.addAll(storedSix.keySet());
		for (Cell c : sixCells) {
			if (!expectedSix.getOrDefault(c, Summary.ZERO).equals(storedSix.getOrDefault(c, Summary.ZERO))) {
				note(examples, differences, "month " + c);
				if (repair) {
					tx.executeWithoutResult(s -> rollups.recomputeMonths(List.of(c)));
				}
			}
		}
		Map<Cell, Map<String, List<Long>>> expectedMonths = months.expected();
		Map<Cell, Map<String, List<Long>>> storedMonths = months.stored();
		Set<Cell> monthCells = new HashSet<>(expectedMonths.keySet());
		monthCells.addAll(storedMonths.keySet());
		for (Cell c : monthCells) {
			if (!expectedMonths.getOrDefault(c, Map.of()).equals(storedMonths.getOrDefault(c, Map.of()))) {
				note(examples, differences, "opinion month " + c);
				if (repair) {
					tx.executeWithoutResult(s -> months.recompute(List.of(c)));
				}
			}
		}
		ReconciliationReport report = new ReconciliationReport(OffsetDateTime.now(clock), opinionsRead, activitiesRead,
				differences[0], List.copyOf(examples), repair && differences[0] > 0);
		jdbc.sql(
				"""
						insert into stat_reconciliation (run_at, opinions_read, activities_read, differences, examples, repaired)
						values (:at, :o, :a, :d, :e, :r)
						""")
			.param("at", report.at())
			.param("o", report.opinionsRead())
			.param("a", report.activitiesRead())
			.param("d", report.differences())
			.param("e", truncate(String.join("; ", examples)))
			.param("r", report.repaired())
			.update();
		return report;
	}

	private static String truncate(String s) {
		return s.length() <= 3900 ? s : s.substring(0, 3900);
	}

	private static void note(List<String> examples, long[] differences, String what) {
		differences[0]++;
		if (examples.size() < EXAMPLES) {
			examples.add(what);
		}
	}

	public @Nullable ReconciliationReport last() {
		return jdbc.sql("select * from stat_reconciliation order by id desc limit 1")
			.query((rs, n) -> new ReconciliationReport(rs.getObject("run_at", OffsetDateTime.class),
					rs.getLong("opinions_read"), rs.getLong("activities_read"), rs.getLong("differences"),
					rs.getString("examples").isEmpty() ? List.of() : List.of(rs.getString("examples").split("; ")),
					rs.getBoolean("repaired")))
			.optional()
			.orElse(null);
	}

}
