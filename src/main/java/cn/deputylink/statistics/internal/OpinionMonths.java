package cn.deputylink.statistics.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.deputylink.statistics.Dimension;

/**
 * The opinions' monthly rollups {@code stat_opinion_month} (the nine indicator sums and
 * the converted per month, township, station and deputy, in total and per category,
 * source and department) and {@code stat_handling_month} (the handling-days histogram),
 * which the indicators and breakdowns read for the whole months of a period. A month cell
 * is a {@link Cell} whose day is the month's first. Kept like the daily rollup
 * ({@link Rollups}): when an opinion changes, the month cells it left and entered are
 * recomputed from the projection, each locked first by its total row (dimension
 * {@code ''}, created if missing, {@code for update}) in key order, after the day cells.
 * The cell's opinions are read once, grouped by their keys, and added up into the total
 * and key rows; the total row is updated in place (deleted only when the cell is empty),
 * the key and histogram rows deleted and inserted again (one statement each). Per station
 * and not per township or county: a county-wide row would be locked by every opinion
 * change of the month and serialise the listeners.
 */
@Repository
class OpinionMonths {

	/** The dimensions of the key rows ({@code ''} is the total). */
	private static final String DIMENSIONS = "(values (''), ('CATEGORY'), ('SOURCE'), ('DEPARTMENT')) as dims (dimension)";

	/** A key row's key, as {@link Figures#column(Dimension)} makes it. */
	private static final String KEY = "case dims.dimension when 'CATEGORY' then " + Figures.column(Dimension.CATEGORY)
			+ " when 'SOURCE' then " + Figures.column(Dimension.SOURCE) + " when 'DEPARTMENT' then "
			+ Figures.column(Dimension.DEPARTMENT) + " else '' end";

	/** The ten sums of a row, in the order of its columns. */
	private static final String SUMS = Figures.INDICATOR_SUMS + ", " + Figures.sum("o.converted");

	private static final String COLUMNS = "opinions, closed, resolved, replied, replied_in_time, overdue, rated, satisfied, "
			+ "replied_due, converted";

	private static final String CELL = " where month_start = :m and township_id = :t and station_id = :s and deputy_id = :d";

	private final JdbcClient jdbc;

	OpinionMonths(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The month cells of these day cells. */
	static List<Cell> monthsOf(Collection<Cell> days) {
		return days.stream().map(Cell::month).distinct().toList();
	}

	private static Map<String, Object> params(Cell c) {
		Map<String, Object> p = new HashMap<>();
		p.put("m", c.day());
		p.put("end", YearMonth.from(c.day()).atEndOfMonth());
		p.put("t", c.townshipId());
		p.put("s", c.stationId());
		p.put("d", c.deputyId());
		return p;
	}

	/** The cell's opinions in the projection. */
	private static String opinionsOf(Cell c) {
		return " from stat_opinion o where o.counted and o.received_on >= :m and o.received_on <= :end"
				+ " and o.township_id = :t and o.station_id = :s" + (c.deputyId() == 0 ? ""
						: " and exists (select 1 from stat_opinion_deputy x where x.opinion_id = o.opinion_id and x.deputy_id = :d)");
	}

	void recompute(Collection<Cell> cells) {
		SortedSet<Cell> sorted = new TreeSet<>(cells);
		for (Cell c : sorted) {
			jdbc.sql("insert into stat_opinion_month (month_start, township_id, station_id, deputy_id, dimension, "
					+ "dim_key, " + COLUMNS + ") values (:m, :t, :s, :d, '', '', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0) "
					+ "on conflict do nothing")
				.params(params(c))
				.update();
			jdbc.sql("select opinions from stat_opinion_month" + CELL
					+ " and dimension = '' and dim_key = '' for update")
				.params(params(c))
				.query(Integer.class)
				.list();
		}
		for (Cell c : sorted) {
			// one grouped read of the cell's opinions, added up here into the total and
			// key rows (the sums add)
			Map<List<String>, long[]> rows = new LinkedHashMap<>();
			String keys = Figures.column(Dimension.CATEGORY) + ", " + Figures.column(Dimension.SOURCE) + ", "
					+ Figures.column(Dimension.DEPARTMENT);
			jdbc.sql("select " + keys + ", " + SUMS + opinionsOf(c) + " group by " + keys)
				.params(params(c))
				.query((rs, n) -> {
					long[] v = sums(rs, 4).stream().mapToLong(Long::longValue).toArray();
					add(rows, List.of("", ""), v);
					add(rows, List.of("CATEGORY", rs.getString(1)), v);
					add(rows, List.of("SOURCE", rs.getString(2)), v);
					return add(rows, List.of("DEPARTMENT", rs.getString(3)), v);
				})
				.list();
			jdbc.sql("delete from stat_opinion_month" + CELL + " and dimension <> ''").params(params(c)).update();
			jdbc.sql("delete from stat_handling_month" + CELL).params(params(c)).update();
			long[] total = rows.remove(List.of("", ""));
			if (total == null) {
				jdbc.sql("delete from stat_opinion_month" + CELL).params(params(c)).update();
				continue;
			}
			Map<String, Object> params = params(c);
			put(params, "", total);
			jdbc.sql("update stat_opinion_month set opinions = :v0, closed = :v1, resolved = :v2, replied = :v3, "
					+ "replied_in_time = :v4, overdue = :v5, rated = :v6, satisfied = :v7, replied_due = :v8, "
					+ "converted = :v9" + CELL + " and dimension = ''")
				.params(params)
				.update();
			List<String> values = new ArrayList<>();
			rows.forEach((key, v) -> {
				String row = "r" + values.size();
				params.put(row + "dim", key.get(0));
				params.put(row + "key", key.get(1));
				put(params, row, v);
				values.add("(:m, :t, :s, :d, :" + row + "dim, :" + row + "key, :" + row + "v0, :" + row + "v1, :" + row
						+ "v2, :" + row + "v3, :" + row + "v4, :" + row + "v5, :" + row + "v6, :" + row + "v7, :" + row
						+ "v8, :" + row + "v9)");
			});
			jdbc.sql("insert into stat_opinion_month (month_start, township_id, station_id, deputy_id, dimension, "
					+ "dim_key, " + COLUMNS + ") values " + String.join(", ", values))
				.params(params)
				.update();
			List<String> histogram = new ArrayList<>();
			jdbc.sql("select o.handling_days, count(*)" + opinionsOf(c)
					+ " and o.handling_days is not null group by o.handling_days")
				.params(params(c))
				.query((rs, n) -> {
					String row = "h" + histogram.size();
					params.put(row + "days", rs.getInt(1));
					params.put(row + "n", rs.getLong(2));
					return histogram.add("(:m, :t, :s, :d, :" + row + "days, :" + row + "n)");
				})
				.list();
			if (!histogram.isEmpty()) {
				jdbc.sql("insert into stat_handling_month (month_start, township_id, station_id, deputy_id, "
						+ "handling_days, opinions) values " + String.join(", ", histogram))
					.params(params)
					.update();
			}
		}
	}

	private static long[] add(Map<List<String>, long[]> rows, List<String> key, long[] v) {
		long[] sum = rows.computeIfAbsent(key, k -> new long[v.length]);
		for (int i = 0; i < v.length; i++) {
			sum[i] += v[i];
		}
		return sum;
	}

	private static void put(Map<String, Object> params, String prefix, long[] v) {
		for (int i = 0; i < v.length; i++) {
			params.put(prefix + "v" + i, v[i]);
		}
	}

	/** The projection's opinions, each once for its station and once per deputy. */
	private static final String COUNTED = " from (select p.*, 0 as deputy_key from stat_opinion p where p.counted"
			+ " union all select p.*, x.deputy_id from stat_opinion p join stat_opinion_deputy x"
			+ " on x.opinion_id = p.opinion_id where p.counted) o";

	private static final String MONTH = "cast(date_trunc('month', o.received_on) as date)";

	/**
	 * Every month cell's rows as the projection makes them, recomputed in bulk (the
	 * reconciliation): per cell, its key rows ({@code dimension:key}, the ten sums) and
	 * its histogram rows ({@code days:n}, the opinions).
	 */
	Map<Cell, Map<String, List<Long>>> expected() {
		Map<Cell, Map<String, List<Long>>> cells = new HashMap<>();
		String group = MONTH + ", o.township_id, o.station_id, o.deputy_key";
		jdbc.sql("select " + group + ", dims.dimension, " + KEY + ", " + SUMS + COUNTED + " cross join " + DIMENSIONS
				+ " group by " + group + ", dims.dimension, " + KEY)
			.query((rs, n) -> cells.computeIfAbsent(cell(rs), k -> new HashMap<>())
				.put(rs.getString(5) + ":" + rs.getString(6), sums(rs, 7)))
			.list();
		jdbc.sql("select " + group + ", o.handling_days, count(*)" + COUNTED
				+ " where o.handling_days is not null group by " + group + ", o.handling_days")
			.query((rs, n) -> cells.computeIfAbsent(cell(rs), k -> new HashMap<>())
				.put("days:" + rs.getInt(5), List.of(rs.getLong(6))))
			.list();
		return cells;
	}

	/** Every month cell's rows as stored. */
	Map<Cell, Map<String, List<Long>>> stored() {
		Map<Cell, Map<String, List<Long>>> cells = new HashMap<>();
		jdbc.sql("select month_start, township_id, station_id, deputy_id, dimension, dim_key, " + COLUMNS
				+ " from stat_opinion_month")
			.query((rs, n) -> cells.computeIfAbsent(cell(rs), k -> new HashMap<>())
				.put(rs.getString(5) + ":" + rs.getString(6), sums(rs, 7)))
			.list();
		jdbc.sql("select month_start, township_id, station_id, deputy_id, handling_days, opinions"
				+ " from stat_handling_month")
			.query((rs, n) -> cells.computeIfAbsent(cell(rs), k -> new HashMap<>())
				.put("days:" + rs.getInt(5), List.of(rs.getLong(6))))
			.list();
		return cells;
	}

	private static Cell cell(ResultSet rs) throws SQLException {
		return new Cell(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3), rs.getLong(4));
	}

	private static List<Long> sums(ResultSet rs, int first) throws SQLException {
		List<Long> v = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			v.add(rs.getLong(first + i));
		}
		return v;
	}

}
