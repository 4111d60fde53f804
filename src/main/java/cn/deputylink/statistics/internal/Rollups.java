package cn.deputylink.statistics.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.deputylink.statistics.Summary;

/**
 * The daily rollup {@code stat_day}: a cell's six figures recomputed from this module's
 * projections whenever a record in it changes. The cell row is created if missing and
 * locked ({@code for update}) before it is recomputed, so two listeners changing records
 * of one cell never lose each other's change: the second waits for the first's commit and
 * then reads it (read committed). Cells are locked in key order, so two listeners never
 * deadlock.
 */
@Repository
class Rollups {

	/** A rollup of the six figures: its table and the column of its cells' day. */
	private record Table(String name, String dayColumn) {

		String cell() {
			return " where " + dayColumn + " = :day and township_id = :t and station_id = :s and deputy_id = :d";
		}

	}

	private static final Table DAYS = new Table("stat_day", "stat_day");

	private static final Table MONTHS = new Table("stat_month", "month_start");

	private final JdbcClient jdbc;

	Rollups(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The cells a record at this place and day counts in: the station's and each
	 * deputy's.
	 */
	static List<Cell> cellsOf(LocalDate day, long townshipId, long stationId, Collection<Long> deputyIds) {
		List<Cell> cells = new ArrayList<>();
		cells.add(new Cell(day, townshipId, stationId, 0));
		for (long d : deputyIds) {
			cells.add(new Cell(day, townshipId, stationId, d));
		}
		return cells;
	}

	void recompute(Collection<Cell> cells) {
		recomputeDays(cells);
		recomputeMonths(OpinionMonths.monthsOf(cells));
	}

	private void recomputeDays(Collection<Cell> cells) {
		SortedSet<Cell> sorted = lock(DAYS, cells);
		for (Cell c : sorted) {
			write(DAYS, c, compute(c));
		}
	}

	/**
	 * The monthly rollup {@code stat_month}: a month cell (its day the month's first) is
	 * the sum of its day cells, recomputed after them, each locked first in key order (a
	 * listener locks its day cells before its month cells, so two never wait for each
	 * other in a circle; the last to hold a month cell sums every day committed before it
	 * and its own).
	 */
	void recomputeMonths(Collection<Cell> monthCells) {
		SortedSet<Cell> sorted = lock(MONTHS, monthCells);
		for (Cell c : sorted) {
			Summary s = jdbc
				.sql("""
						select coalesce(sum(activities), 0), coalesce(sum(constituents), 0), coalesce(sum(households), 0),
						       coalesce(sum(opinions), 0), coalesce(sum(resolved), 0), coalesce(sum(converted), 0)
						from stat_day
						where stat_day >= :day and stat_day <= :end and township_id = :t and station_id = :s and deputy_id = :d
						""")
				.params(params(c))
				.param("end", YearMonth.from(c.day()).atEndOfMonth())
				.query((rs, n) -> new Summary(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
						rs.getLong(6)))
				.single();
			write(MONTHS, c, s);
		}
	}

	/** Creates the cells' rows where missing and locks them, in key order. */
	private SortedSet<Cell> lock(Table table, Collection<Cell> cells) {
		SortedSet<Cell> sorted = new TreeSet<>(cells);
		for (Cell c : sorted) {
			jdbc.sql("insert into " + table.name() + " (" + table.dayColumn()
					+ ", township_id, station_id, deputy_id, activities, constituents, households, opinions, resolved,"
					+ " converted) values (:day, :t, :s, :d, 0, 0, 0, 0, 0, 0) on conflict do nothing")
				.params(params(c))
				.update();
			jdbc.sql("select activities from " + table.name() + table.cell() + " for update")
				.params(params(c))
				.query(Integer.class)
				.list();
		}
		return sorted;
	}

	/** Stores a locked cell's figures; an empty cell is deleted. */
	private void write(Table table, Cell c, Summary s) {
		if (s.equals(Summary.ZERO)) {
			jdbc.sql("delete from " + table.name() + table.cell()).params(params(c)).update();
			return;
		}
		jdbc.sql("update " + table.name() + " set activities = :a, constituents = :cr, households = :hv, opinions = :o,"
				+ " resolved = :r, converted = :cv" + table.cell())
			.params(params(c))
			.param("a", s.activities())
			.param("cr", s.constituentsReceived())
			.param("hv", s.householdsVisited())
			.param("o", s.opinions())
			.param("r", s.opinionsResolved())
			.param("cv", s.opinionsConverted())
			.update();
	}

	/** The month cells of these day cells, summed (from {@link #expected()}). */
	static Map<Cell, Summary> months(Map<Cell, Summary> days) {
		Map<Cell, Summary> months = new HashMap<>();
		days.forEach((c, s) -> months.merge(c.month(), s, Summary::plus));
		months.values().removeIf(Summary.ZERO::equals);
		return months;
	}

	/** Every month cell as stored. */
	Map<Cell, Summary> storedMonths() {
		Map<Cell, Summary> cells = new HashMap<>();
		jdbc.sql("select * from stat_month").query((rs, n) -> {
			Cell c = new Cell(rs.getObject("month_start", LocalDate.class), rs.getLong("township_id"),
					rs.getLong("station_id"), rs.getLong("deputy_id"));
			cells.put(c, new Summary(rs.getLong("activities"), rs.getLong("constituents"), rs.getLong("households"),
					rs.getLong("opinions"), rs.getLong("resolved"), rs.getLong("converted")));
			return c;
		}).list();
		return cells;
	}

	private static Map<String, Object> params(Cell c) {
		Map<String, Object> p = new HashMap<>();
		p.put("day", c.day());
		p.put("t", c.townshipId());
		p.put("s", c.stationId());
		p.put("d", c.deputyId());
		return p;
	}

	/** A cell's figures from the projections. */
	Summary compute(Cell c) {
		String deputyOpinion = c.deputyId() == 0 ? ""
				: " and exists (select 1 from stat_opinion_deputy x where x.opinion_id = o.opinion_id and x.deputy_id = :d)";
		String deputyActivity = c.deputyId() == 0 ? ""
				: " and exists (select 1 from stat_activity_deputy x where x.activity_id = a.activity_id and x.deputy_id = :d)";
		long[] o = jdbc.sql("""
				select count(*),
				       coalesce(sum(case when o.status = 'CLOSED' and o.outcome = 'RESOLVED' then 1 else 0 end), 0),
				       coalesce(sum(case when o.converted then 1 else 0 end), 0)
				from stat_opinion o
				where o.counted and o.received_on = :day and o.township_id = :t and o.station_id = :s
				""" + deputyOpinion)
			.params(params(c))
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
			.single();
		long[] a = jdbc.sql("""
				select count(*), coalesce(sum(a.constituents), 0), coalesce(sum(a.households), 0)
				from stat_activity a
				where a.counted and a.activity_date = :day and a.township_id = :t and a.station_id = :s
				""" + deputyActivity)
			.params(params(c))
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
			.single();
		return new Summary(a[0], a[1], a[2], o[0], o[1], o[2]);
	}

	/** Every cell the projections make, recomputed in bulk (the reconciliation). */
	Map<Cell, Summary> expected() {
		Map<Cell, Summary> cells = new HashMap<>();
		jdbc.sql("""
				select o.received_on, o.township_id, o.station_id, 0 as deputy_id, count(*),
				       sum(case when o.status = 'CLOSED' and o.outcome = 'RESOLVED' then 1 else 0 end),
				       sum(case when o.converted then 1 else 0 end)
				from stat_opinion o where o.counted group by o.received_on, o.township_id, o.station_id
				union all
				select o.received_on, o.township_id, o.station_id, x.deputy_id, count(*),
				       sum(case when o.status = 'CLOSED' and o.outcome = 'RESOLVED' then 1 else 0 end),
				       sum(case when o.converted then 1 else 0 end)
				from stat_opinion o join stat_opinion_deputy x on x.opinion_id = o.opinion_id
				where o.counted group by o.received_on, o.township_id, o.station_id, x.deputy_id
				""").query((rs, n) -> {
			Cell c = new Cell(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3), rs.getLong(4));
			cells.merge(c, new Summary(0, 0, 0, rs.getLong(5), rs.getLong(6), rs.getLong(7)), Summary::plus);
			return c;
		}).list();
		jdbc.sql("""
				select a.activity_date, a.township_id, a.station_id, 0 as deputy_id, count(*), sum(a.constituents),
				       sum(a.households)
				from stat_activity a where a.counted group by a.activity_date, a.township_id, a.station_id
				union all
				select a.activity_date, a.township_id, a.station_id, x.deputy_id, count(*), sum(a.constituents),
				       sum(a.households)
				from stat_activity a join stat_activity_deputy x on x.activity_id = a.activity_id
				where a.counted group by a.activity_date, a.township_id, a.station_id, x.deputy_id
				""").query((rs, n) -> {
			Cell c = new Cell(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3), rs.getLong(4));
			cells.merge(c, new Summary(rs.getLong(5), rs.getLong(6), rs.getLong(7), 0, 0, 0), Summary::plus);
			return c;
		}).list();
		return cells;
	}

	/** Every cell as stored. */
	Map<Cell, Summary> stored() {
		Map<Cell, Summary> cells = new HashMap<>();
		jdbc.sql("select * from stat_day").query((rs, n) -> {
			Cell c = new Cell(rs.getObject("stat_day", LocalDate.class), rs.getLong("township_id"),
					rs.getLong("station_id"), rs.getLong("deputy_id"));
			cells.put(c, new Summary(rs.getLong("activities"), rs.getLong("constituents"), rs.getLong("households"),
					rs.getLong("opinions"), rs.getLong("resolved"), rs.getLong("converted")));
			return c;
		}).list();
		return cells;
	}

}
