package cn.deputylink.statistics.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.statistics.ActivityEntry;
import cn.deputylink.statistics.BreakdownRow;
import cn.deputylink.statistics.Dimension;
import cn.deputylink.statistics.Drill;
import cn.deputylink.statistics.Figure;
import cn.deputylink.statistics.Indicators;
import cn.deputylink.statistics.Leader;
import cn.deputylink.statistics.MonthFigures;
import cn.deputylink.statistics.OpinionEntry;
import cn.deputylink.statistics.Period;
import cn.deputylink.statistics.Scope;
import cn.deputylink.statistics.Summary;

/**
 * Reading the figures: the six from the daily rollup; the indicators and breakdowns from
 * the monthly rollups ({@link OpinionMonths}) for the whole months of the period and from
 * the projection for the days at its edges, so they read a row per station, month and
 * key, not per opinion; the records behind a figure from the projections, with the same
 * conditions, so a drill-down lists exactly what its figure counts.
 */
@Component
public class Figures {

	private static final String SUMS = "coalesce(sum(activities), 0), coalesce(sum(constituents), 0), "
			+ "coalesce(sum(households), 0), coalesce(sum(opinions), 0), coalesce(sum(resolved), 0), "
			+ "coalesce(sum(converted), 0)";

	private final JdbcClient jdbc;

	Figures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static Summary summaryRow(ResultSet rs, int first) throws SQLException {
		return new Summary(rs.getLong(first), rs.getLong(first + 1), rs.getLong(first + 2), rs.getLong(first + 3),
				rs.getLong(first + 4), rs.getLong(first + 5));
	}

	/**
	 * The six figures' rows of the period in the scope: the whole months from the monthly
	 * rollup {@code stat_month}, the days of a partial month at either end from the daily
	 * {@code stat_day}, as one {@code union all}. {@code columns} and {@code groupBy} may
	 * name the row's date as {@code {date}} (the month's first day, or the day);
	 * {@code allDeputies} reads each deputy's rows instead of the scope's.
	 */
	private void sixRows(Period p, Scope s, boolean allDeputies, String extra, String columns, String groupBy,
			RowCallbackHandler row) {
		Split split = Split.of(p);
		Map<String, Object> params = new HashMap<>();
		StringBuilder scope = new StringBuilder(allDeputies ? "deputy_id <> 0" : "deputy_id = :deputy");
		params.put("deputy", s.deputyId() == null ? 0L : s.deputyId());
		if (s.townshipId() != null) {
			scope.append(" and township_id = :township");
			params.put("township", s.townshipId());
		}
		if (s.stationId() != null) {
			scope.append(" and station_id = :station");
			params.put("station", s.stationId());
		}
		scope.append(extra);
		List<String> parts = new ArrayList<>();
		if (split.months()) {
			StringBuilder w = new StringBuilder(scope);
			if (split.firstMonth() != null) {
				w.append(" and month_start >= :firstMonth");
				params.put("firstMonth", split.firstMonth());
			}
			if (split.lastMonth() != null) {
				w.append(" and month_start <= :lastMonth");
				params.put("lastMonth", split.lastMonth());
			}
			parts.add(sixQuery("stat_month", "month_start", w, columns, groupBy));
		}
		if (!split.edges().isEmpty()) {
			StringBuilder w = new StringBuilder(scope).append(" and (");
			for (int i = 0; i < split.edges().size(); i++) {
				w.append(i == 0 ? "" : " or ").append("stat_day between :edgeFrom" + i + " and :edgeTo" + i);
				params.put("edgeFrom" + i, split.edges().get(i).first());
				params.put("edgeTo" + i, split.edges().get(i).last());
			}
			parts.add(sixQuery("stat_day", "stat_day", w.append(")"), columns, groupBy));
		}
		jdbc.sql(String.join(" union all ", parts)).params(params).query(row);
	}

	private static String sixQuery(String table, String date, CharSequence where, String columns, String groupBy) {
		return "select " + columns.replace("{date}", date) + " from " + table + " where " + where
				+ (groupBy.isEmpty() ? "" : " group by " + groupBy.replace("{date}", date));
	}

	public Summary summary(Period p, Scope s) {
		Summary[] sum = { Summary.ZERO };
		sixRows(p, s, false, "", SUMS, "", rs -> {
			sum[0] = sum[0].plus(summaryRow(rs, 1));
		});
		return sum[0];
	}

	public List<MonthFigures> months(Period p, Scope s) {
		TreeMap<YearMonth, Summary> months = new TreeMap<>();
		sixRows(p, s, false, "", "{date}, " + SUMS, "{date}", rs -> {
			Summary sum = summaryRow(rs, 2);
			if (!sum.equals(Summary.ZERO)) {
				months.merge(YearMonth.from(rs.getObject(1, LocalDate.class)), sum, Summary::plus);
			}
		});
		if (!months.isEmpty()) {
			// every month of the period shown, the empty ones as zero
			YearMonth first = p.from() != null ? YearMonth.from(p.from()) : months.firstKey();
			YearMonth last = p.to() != null ? YearMonth.from(p.to()) : months.lastKey();
			for (YearMonth m = first; !m.isAfter(last) && months.size() < 1200; m = m.plusMonths(1)) {
				months.putIfAbsent(m, Summary.ZERO);
			}
		}
		List<MonthFigures> out = new ArrayList<>();
		months.forEach((m, sum) -> out.add(new MonthFigures(m, sum)));
		return out;
	}

	/**
	 * The rows grouped by station or deputy (all stations' rows, or each deputy's), most
	 * activities first, then most opinions, most resolved, the lower id.
	 */
	public List<Leader> leaders(Period p, Scope s, boolean deputies, int limit) {
		String key = deputies ? "deputy_id" : "station_id";
		Map<Long, Summary> sums = new HashMap<>();
		sixRows(p, deputies ? new Scope(s.townshipId(), s.stationId(), null) : s, deputies,
				deputies ? "" : " and station_id <> 0", key + ", " + SUMS, key,
				rs -> sums.merge(rs.getLong(1), summaryRow(rs, 2), Summary::plus));
		return sums.entrySet()
			.stream()
			.map(e -> new Leader(e.getKey(), e.getValue()))
			.sorted(Comparator.comparingLong((Leader l) -> -l.summary().activities())
				.thenComparingLong(l -> -l.summary().opinions())
				.thenComparingLong(l -> -l.summary().opinionsResolved())
				.thenComparingLong(Leader::id))
			.limit(Math.max(1, Math.min(limit, 100)))
			.toList();
	}

	/** Per township, from the station rows. */
	public Map<Long, Summary> byTownship(Period p) {
		TreeMap<Long, Summary> sums = new TreeMap<>();
		sixRows(p, Scope.county(), false, " and township_id <> 0", "township_id, " + SUMS, "township_id",
				rs -> sums.merge(rs.getLong(1), summaryRow(rs, 2), Summary::plus));
		Map<Long, Summary> out = new LinkedHashMap<>();
		sums.forEach((township, sum) -> {
			if (!sum.equals(Summary.ZERO)) {
				out.put(township, sum);
			}
		});
		return out;
	}

	// --- the projections

	private static String opinionWhere(Period p, Scope s, Map<String, Object> params) {
		StringBuilder w = new StringBuilder(" where o.counted");
		if (p.from() != null) {
			w.append(" and o.received_on >= :from");
			params.put("from", p.from());
		}
		if (p.to() != null) {
			w.append(" and o.received_on <= :to");
			params.put("to", p.to());
		}
		return w.append(opinionScope(s, params)).toString();
	}

	private static String opinionScope(Scope s, Map<String, Object> params) {
		StringBuilder w = new StringBuilder();
		if (s.townshipId() != null) {
			w.append(" and o.township_id = :township");
			params.put("township", s.townshipId());
		}
		if (s.stationId() != null) {
			w.append(" and o.station_id = :station");
			params.put("station", s.stationId());
		}
		if (s.deputyId() != null) {
			w.append(" and exists (select 1 from stat_opinion_deputy x where x.opinion_id = o.opinion_id"
					+ " and x.deputy_id = :deputy)");
			params.put("deputy", s.deputyId());
		}
		return w.toString();
	}

	private static final String RESOLVED = "o.status = 'CLOSED' and o.outcome = 'RESOLVED'";

	private static final String IN_TIME = "o.replied_on is not null and o.due_date is not null and o.replied_on <= o.due_date";

	private static final String SATISFIED = "o.satisfaction in ('SATISFIED', 'BASICALLY_SATISFIED')";

	/** The condition an opinion figure counts by. */
	static String condition(Figure f) {
		return switch (f) {
			case OPINIONS -> "1 = 1";
			case RESOLVED -> RESOLVED;
			case CONVERTED -> "o.converted";
			case CLOSED -> "o.status = 'CLOSED'";
			case REPLIED -> "o.replied_on is not null";
			case REPLIED_IN_TIME -> IN_TIME;
			case OVERDUE -> "o.overdue";
			case RATED -> "o.satisfaction is not null";
			case SATISFIED -> SATISFIED;
			case ACTIVITIES, CONSTITUENTS_RECEIVED, HOUSEHOLDS_VISITED ->
				throw new InvalidInputException("figure", "statistics.figure.notOpinion");
		};
	}

	/** An opinion's key in a breakdown. */
	static String column(Dimension d) {
		return switch (d) {
			case CATEGORY -> "coalesce(o.category_code, '')";
			case SOURCE -> "o.source";
			case DEPARTMENT -> "coalesce(cast(o.department_id as varchar(20)), '')";
			case TOWNSHIP -> idKey("o.township_id");
			case STATION -> idKey("o.station_id");
		};
	}

	private static String idKey(String column) {
		return "case when " + column + " = 0 then '' else cast(" + column + " as varchar(20)) end";
	}

	static String sum(String condition) {
		return "coalesce(sum(case when " + condition + " then 1 else 0 end), 0)";
	}

	/**
	 * A period as the monthly rollups read it: the whole calendar months from
	 * {@code firstMonth} to {@code lastMonth} (their first days; null: open), if
	 * {@code months}, and the other days of the period ({@code edges}, at most a month
	 * each), read from the projection.
	 */
	record Split(boolean months, @Nullable LocalDate firstMonth, @Nullable LocalDate lastMonth, List<Days> edges) {

		/** The days [first, last]. */
		record Days(LocalDate first, LocalDate last) {
		}

		static Split of(Period p) {
			LocalDate from = p.from();
			LocalDate to = p.to();
			LocalDate first = from == null || from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
			LocalDate last = to == null ? null : to.equals(YearMonth.from(to).atEndOfMonth()) ? to.withDayOfMonth(1)
					: to.withDayOfMonth(1).minusMonths(1);
			if (from != null && to != null && first != null && last != null && first.isAfter(last)) {
				return new Split(false, null, null, List.of(new Days(from, to)));
			}
			List<Days> edges = new ArrayList<>();
			if (from != null && first != null && !from.equals(first)) {
				edges.add(new Days(from, first.minusDays(1)));
			}
			if (to != null && last != null && !to.equals(YearMonth.from(last).atEndOfMonth())) {
				edges.add(new Days(to.withDayOfMonth(1), to));
			}
			return new Split(true, first, last, List.copyOf(edges));
		}

	}

	/** The monthly rollup rows of the split's whole months in the scope. */
	private static String monthWhere(Split split, Scope s, Map<String, Object> params) {
		StringBuilder w = new StringBuilder(" where m.deputy_id = :deputy");
		params.put("deputy", s.deputyId() == null ? 0L : s.deputyId());
		if (split.firstMonth() != null) {
			w.append(" and m.month_start >= :firstMonth");
			params.put("firstMonth", split.firstMonth());
		}
		if (split.lastMonth() != null) {
			w.append(" and m.month_start <= :lastMonth");
			params.put("lastMonth", split.lastMonth());
		}
		if (s.townshipId() != null) {
			w.append(" and m.township_id = :township");
			params.put("township", s.townshipId());
		}
		if (s.stationId() != null) {
			w.append(" and m.station_id = :station");
			params.put("station", s.stationId());
		}
		return w.toString();
	}

	/** The projection's opinions on the split's edge days in the scope. */
	private static String edgeWhere(Split split, Scope s, Map<String, Object> params) {
		StringBuilder w = new StringBuilder(" where o.counted and (");
		for (int i = 0; i < split.edges().size(); i++) {
			w.append(i == 0 ? "" : " or ").append("o.received_on between :edgeFrom" + i + " and :edgeTo" + i);
			params.put("edgeFrom" + i, split.edges().get(i).first());
			params.put("edgeTo" + i, split.edges().get(i).last());
		}
		return w.append(")").append(opinionScope(s, params)).toString();
	}

	/**
	 * The queries for the split, joined by {@code union all}: {@code months} on the
	 * monthly rollup ({@code m}) followed by its where clause, {@code edges} on the
	 * projection ({@code o}).
	 */
	private static String split(Split split, Scope s, Map<String, Object> params, String months, String monthsTail,
			String edges, String edgesTail) {
		List<String> parts = new ArrayList<>();
		if (split.months()) {
			parts.add(months + monthWhere(split, s, params) + monthsTail);
		}
		if (!split.edges().isEmpty()) {
			parts.add(edges + edgeWhere(split, s, params) + edgesTail);
		}
		return String.join(" union all ", parts);
	}

	private static final String MONTH_SUMS = "coalesce(sum(m.opinions), 0), coalesce(sum(m.closed), 0), "
			+ "coalesce(sum(m.resolved), 0), coalesce(sum(m.replied), 0), coalesce(sum(m.replied_in_time), 0), "
			+ "coalesce(sum(m.overdue), 0), coalesce(sum(m.rated), 0), coalesce(sum(m.satisfied), 0), "
			+ "coalesce(sum(m.replied_due), 0)";

	/**
	 * The handling indicators: the whole months of the period from the monthly rollups,
	 * the days at its edges from the projection; the sums and the handling-days
	 * histograms (so the percentile is exact) added up.
	 */
	public Indicators indicators(Period p, Scope s) {
		Split split = Split.of(p);
		Map<String, Object> params = new HashMap<>();
		long[] v = new long[9];
		jdbc.sql(split(split, s, params, "select " + MONTH_SUMS + " from stat_opinion_month m", " and m.dimension = ''",
				"select " + INDICATOR_SUMS + " from stat_opinion o", ""))
			.params(params)
			.query((rs, n) -> add(v, sums(rs, 1)))
			.list();
		TreeMap<Integer, Long> histogram = new TreeMap<>();
		jdbc.sql(split(split, s, params, "select m.handling_days, sum(m.opinions) from stat_handling_month m",
				" group by m.handling_days", "select o.handling_days, count(*) from stat_opinion o",
				" and o.handling_days is not null group by o.handling_days"))
			.params(params)
			.query((rs, n) -> histogram.merge(rs.getInt(1), rs.getLong(2), Long::sum))
			.list();
		return indicators(v, histogram);
	}

	private static long[] add(long[] sum, long[] v) {
		for (int i = 0; i < sum.length; i++) {
			sum[i] += v[i];
		}
		return sum;
	}

	/**
	 * The indicators of every township with opinions in the period: two grouped queries
	 * for all townships, not two per township.
	 */
	public Map<Long, Indicators> indicatorsByTownship(Period p) {
		Split split = Split.of(p);
		Map<String, Object> params = new HashMap<>();
		Map<Long, long[]> sums = new TreeMap<>();
		jdbc.sql(split(split, Scope.county(), params,
				"select m.township_id, " + MONTH_SUMS + " from stat_opinion_month m",
				" and m.dimension = '' and m.township_id > 0 group by m.township_id",
				"select o.township_id, " + INDICATOR_SUMS + " from stat_opinion o",
				" and o.township_id > 0 group by o.township_id"))
			.params(params)
			.query((rs, n) -> sums.merge(rs.getLong(1), sums(rs, 2), Figures::add))
			.list();
		Map<Long, TreeMap<Integer, Long>> histograms = new HashMap<>();
		jdbc.sql(split(split, Scope.county(), params,
				"select m.township_id, m.handling_days, sum(m.opinions) from stat_handling_month m",
				" and m.township_id > 0 group by m.township_id, m.handling_days",
				"select o.township_id, o.handling_days, count(*) from stat_opinion o",
				" and o.township_id > 0 and o.handling_days is not null group by o.township_id, o.handling_days"))
			.params(params)
			.query((rs, n) -> histograms.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>())
				.merge(rs.getInt(2), rs.getLong(3), Long::sum))
			.list();
		Map<Long, Indicators> out = new LinkedHashMap<>();
		sums.forEach((township, v) -> {
			if (v[0] > 0) {
				out.put(township, indicators(v, histograms.getOrDefault(township, new TreeMap<>())));
			}
		});
		return out;
	}

	static final String INDICATOR_SUMS = "count(*), " + sum("o.status = 'CLOSED'") + ", " + sum(RESOLVED) + ", "
			+ sum("o.replied_on is not null") + ", " + sum(IN_TIME) + ", " + sum("o.overdue") + ", "
			+ sum("o.satisfaction is not null") + ", " + sum(SATISFIED) + ", "
			+ sum("o.replied_on is not null and o.due_date is not null");

	private static long[] sums(ResultSet rs, int first) throws SQLException {
		long[] v = new long[9];
		for (int i = 0; i < v.length; i++) {
			v[i] = rs.getLong(first + i);
		}
		return v;
	}

	private static Indicators indicators(long[] v, TreeMap<Integer, Long> histogram) {
		long answered = histogram.values().stream().mapToLong(Long::longValue).sum();
		BigDecimal average = null;
		Integer p90 = null;
		if (answered > 0) {
			long total = 0;
			for (Map.Entry<Integer, Long> e : histogram.entrySet()) {
				total += (long) e.getKey() * e.getValue();
			}
			average = BigDecimal.valueOf(total).divide(BigDecimal.valueOf(answered), 1, RoundingMode.HALF_UP);
			long rank = (long) Math.ceil(answered * 0.9); // nearest rank
			long seen = 0;
			for (Map.Entry<Integer, Long> e : histogram.entrySet()) {
				seen += e.getValue();
				if (seen >= rank) {
					p90 = e.getKey();
					break;
				}
			}
		}
		return new Indicators(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], rate(v[2], v[0]), rate(v[4], v[8]),
				rate(v[7], v[6]), average, p90);
	}

	private static @Nullable BigDecimal rate(long part, long whole) {
		return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
	}

	/**
	 * A breakdown: the whole months from the monthly rollups' key rows (by township or
	 * station: their total rows), the edge days from the projection, added up by key.
	 */
	public List<BreakdownRow> breakdown(Period p, Scope s, Dimension d) {
		Split split = Split.of(p);
		Map<String, Object> params = new HashMap<>();
		String monthKey = switch (d) {
			case CATEGORY, SOURCE, DEPARTMENT -> "m.dim_key";
			case TOWNSHIP -> idKey("m.township_id");
			case STATION -> idKey("m.station_id");
		};
		params.put("dimension", switch (d) {
			case CATEGORY, SOURCE, DEPARTMENT -> d.name();
			case TOWNSHIP, STATION -> "";
		});
		String key = column(d);
		String rows = split(split, s, params,
				"select " + monthKey + " as k, sum(m.opinions) as opinions, sum(m.resolved) as resolved, "
						+ "sum(m.converted) as converted, sum(m.replied_in_time) as in_time, sum(m.overdue) as overdue "
						+ "from stat_opinion_month m",
				" and m.dimension = :dimension group by " + monthKey,
				"select " + key + " as k, count(*) as opinions, " + sum(RESOLVED) + " as resolved, "
						+ sum("o.converted") + " as converted, " + sum(IN_TIME) + " as in_time, " + sum("o.overdue")
						+ " as overdue from stat_opinion o",
				" group by " + key);
		return jdbc
			.sql("select r.k, sum(r.opinions), sum(r.resolved), sum(r.converted), sum(r.in_time), sum(r.overdue) from ("
					+ rows + ") r group by r.k order by 2 desc, 1")
			.params(params)
			.query((rs, n) -> new BreakdownRow(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
					rs.getLong(5), rs.getLong(6)))
			.list();
	}

	public List<OpinionEntry> opinions(Period p, Scope s, Drill drill, long before, int limit) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder where = new StringBuilder(opinionWhere(p, s, params));
		where.append(" and ").append(condition(drill.figure()));
		if (drill.dimension() != null) {
			where.append(" and ").append(column(drill.dimension())).append(" = :key");
			params.put("key", drill.key() == null ? "" : drill.key());
		}
		if (drill.month() != null) {
			where.append(" and o.received_on >= :monthFrom and o.received_on <= :monthTo");
			params.put("monthFrom", drill.month().atDay(1));
			params.put("monthTo", drill.month().atEndOfMonth());
		}
		if (before > 0) {
			where.append(" and o.opinion_id < :before");
			params.put("before", before);
		}
		return jdbc.sql("select o.* from stat_opinion o" + where + " order by o.opinion_id desc limit :limit")
			.params(params)
			.param("limit", limit)
			.query((rs, n) -> new OpinionEntry(rs.getLong("opinion_id"), rs.getString("tracking_code"),
					rs.getObject("received_on", LocalDate.class), zeroToNull(rs.getLong("township_id")),
					zeroToNull(rs.getLong("station_id")), rs.getString("category_code"), rs.getString("source"),
					rs.getString("status"), rs.getString("outcome"),
					rs.getObject("department_id") == null ? null : rs.getLong("department_id"),
					rs.getBoolean("converted"), rs.getBoolean("overdue")))
			.list();
	}

	public List<ActivityEntry> activities(Period p, Scope s, Drill drill, long before, int limit) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder where = new StringBuilder(" where a.counted");
		if (p.from() != null) {
			where.append(" and a.activity_date >= :from");
			params.put("from", p.from());
		}
		if (p.to() != null) {
			where.append(" and a.activity_date <= :to");
			params.put("to", p.to());
		}
		if (s.townshipId() != null) {
			where.append(" and a.township_id = :township");
			params.put("township", s.townshipId());
		}
		if (s.stationId() != null) {
			where.append(" and a.station_id = :station");
			params.put("station", s.stationId());
		}
		if (s.deputyId() != null) {
			where.append(" and exists (select 1 from stat_activity_deputy x where x.activity_id = a.activity_id"
					+ " and x.deputy_id = :deputy)");
			params.put("deputy", s.deputyId());
		}
		switch (drill.figure()) {
			case ACTIVITIES -> {
			}
			case CONSTITUENTS_RECEIVED -> where.append(" and a.constituents > 0");
			case HOUSEHOLDS_VISITED -> where.append(" and a.households > 0");
			default -> throw new InvalidInputException("figure", "statistics.figure.notActivity");
		}
		if (drill.month() != null) {
			where.append(" and a.activity_date >= :monthFrom and a.activity_date <= :monthTo");
			params.put("monthFrom", drill.month().atDay(1));
			params.put("monthTo", drill.month().atEndOfMonth());
		}
		if (before > 0) {
			where.append(" and a.activity_id < :before");
			params.put("before", before);
		}
		List<ActivityEntry> rows = jdbc
			.sql("select a.* from stat_activity a" + where + " order by a.activity_id desc limit :limit")
			.params(params)
			.param("limit", limit)
			.query((rs, n) -> new ActivityEntry(rs.getLong("activity_id"), rs.getString("activity_type"),
					rs.getObject("activity_date", LocalDate.class), zeroToNull(rs.getLong("township_id")),
					zeroToNull(rs.getLong("station_id")), List.of(), rs.getInt("constituents"),
					rs.getInt("households")))
			.list();
		if (rows.isEmpty()) {
			return rows;
		}
		Map<Long, List<Long>> deputies = new HashMap<>();
		jdbc.sql(
				"select activity_id, deputy_id from stat_activity_deputy where activity_id in (:ids) order by deputy_id")
			.param("ids", rows.stream().map(ActivityEntry::activityId).toList())
			.query((rs, n) -> deputies.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)))
			.list();
		return rows.stream()
			.map(a -> new ActivityEntry(a.activityId(), a.type(), a.date(), a.townshipId(), a.stationId(),
					List.copyOf(deputies.getOrDefault(a.activityId(), List.of())), a.constituentsReceived(),
					a.householdsVisited()))
			.toList();
	}

	private static @Nullable Long zeroToNull(long id) {
		return id == 0 ? null : id;
	}

}
