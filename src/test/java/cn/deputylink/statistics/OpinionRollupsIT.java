package cn.deputylink.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.deputylink.statistics.internal.Counting;
import cn.deputylink.statistics.internal.Figures;
import cn.deputylink.support.EventPublications;
import cn.deputylink.support.IntegrationTest;

/**
 * The indicators and breakdowns, read from the opinions' monthly rollups for the whole
 * months of a period and from the projection for its edge days, against the same figures
 * counted here in Java from the projection's rows, for random periods (whole months,
 * partial months at either end or both, within one month, open ends) and scopes (county,
 * township, station, deputy, a deputy at a station); the monthly rows the listeners keep
 * against the same rows counted here, also after an opinion moves to another month and
 * station; the migration's rows for the opinions counted before it the same; the
 * reconciliation naming and repairing a corrupted monthly row.
 */
@IntegrationTest
class OpinionRollupsIT {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StatisticsRecords records;

	@Autowired
	Figures figures;

	@Autowired
	StatisticsReconciliation reconciliation;

	@Autowired
	Counting counting;

	@BeforeEach
	void eventsDone() throws InterruptedException {
		assertThat(EventPublications.drained(jdbc, Duration.ofMinutes(1))).as("event publications heard").isTrue();
	}

	/** One counted opinion of the projection with its deputies. */
	record Row(long id, LocalDate received, long township, long station, @Nullable String category, String source,
			String status, @Nullable String outcome, @Nullable Long department, @Nullable LocalDate due,
			@Nullable LocalDate replied, @Nullable Integer days, @Nullable String satisfaction, boolean overdue,
			boolean converted, List<Long> deputies) {

		boolean closed() {
			return "CLOSED".equals(status);
		}

		boolean resolved() {
			return closed() && "RESOLVED".equals(outcome);
		}

		boolean inTime() {
			return replied != null && due != null && !replied.isAfter(due);
		}

		boolean satisfied() {
			return "SATISFIED".equals(satisfaction) || "BASICALLY_SATISFIED".equals(satisfaction);
		}

		/** The ten sums of a monthly row, in the order of its columns. */
		long[] sums() {
			return new long[] { 1, closed() ? 1 : 0, resolved() ? 1 : 0, replied != null ? 1 : 0, inTime() ? 1 : 0,
					overdue ? 1 : 0, satisfaction != null ? 1 : 0, satisfied() ? 1 : 0,
					replied != null && due != null ? 1 : 0, converted ? 1 : 0 };
		}

		String key(Dimension d) {
			return switch (d) {
				case CATEGORY -> category == null ? "" : category;
				case SOURCE -> source;
				case DEPARTMENT -> department == null ? "" : department.toString();
				case TOWNSHIP -> township == 0 ? "" : Long.toString(township);
				case STATION -> station == 0 ? "" : Long.toString(station);
			};
		}

		boolean in(Period p, Scope s) {
			return p.contains(received) && (s.townshipId() == null || s.townshipId() == township)
					&& (s.stationId() == null || s.stationId() == station)
					&& (s.deputyId() == null || deputies.contains(s.deputyId()));
		}

	}

	private List<Row> rows() {
		Map<Long, List<Long>> deputies = new HashMap<>();
		jdbc.sql("select opinion_id, deputy_id from stat_opinion_deputy")
			.query((rs, n) -> deputies.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)))
			.list();
		return jdbc.sql("select * from stat_opinion where counted")
			.query((rs, n) -> new Row(rs.getLong("opinion_id"), rs.getObject("received_on", LocalDate.class),
					rs.getLong("township_id"), rs.getLong("station_id"), rs.getString("category_code"),
					rs.getString("source"), rs.getString("status"), rs.getString("outcome"),
					rs.getObject("department_id") == null ? null : rs.getLong("department_id"),
					rs.getObject("due_date", LocalDate.class), rs.getObject("replied_on", LocalDate.class),
					rs.getObject("handling_days") == null ? null : rs.getInt("handling_days"),
					rs.getString("satisfaction"), rs.getBoolean("overdue"), rs.getBoolean("converted"),
					List.copyOf(deputies.getOrDefault(rs.getLong("opinion_id"), List.of()))))
			.list();
	}

	private static @Nullable BigDecimal rate(long part, long whole) {
		return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
	}

	/**
	 * The indicators as {@code Indicators} defines them, counted one opinion at a time.
	 */
	static Indicators indicators(List<Row> rows) {
		long[] v = new long[10];
		List<Integer> days = new ArrayList<>();
		for (Row r : rows) {
			long[] s = r.sums();
			for (int i = 0; i < v.length; i++) {
				v[i] += s[i];
			}
			if (r.days() != null) {
				days.add(r.days());
			}
		}
		days.sort(null);
		BigDecimal average = days.isEmpty() ? null
				: BigDecimal.valueOf(days.stream().mapToLong(Integer::longValue).sum())
					.divide(BigDecimal.valueOf(days.size()), 1, RoundingMode.HALF_UP);
		// nearest rank: the smallest value with at least 90 % of the values at or below
		// it
		Integer p90 = days.isEmpty() ? null : days.get((int) Math.ceil(days.size() * 0.9) - 1);
		return new Indicators(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], rate(v[2], v[0]), rate(v[4], v[8]),
				rate(v[7], v[6]), average, p90);
	}

	/** A breakdown by key: opinions, resolved, converted, replied in time, overdue. */
	static Map<String, List<Long>> breakdown(List<Row> rows, Dimension d) {
		Map<String, List<Long>> out = new HashMap<>();
		for (Row r : rows) {
			long[] s = r.sums();
			List<Long> add = List.of(1L, s[2], s[9], s[4], s[5]);
			out.merge(r.key(d), add, (a, b) -> {
				List<Long> sum = new ArrayList<>();
				for (int i = 0; i < a.size(); i++) {
					sum.add(a.get(i) + b.get(i));
				}
				return sum;
			});
		}
		return out;
	}

	private static Map<String, List<Long>> asMap(List<BreakdownRow> rows) {
		Map<String, List<Long>> out = new LinkedHashMap<>();
		for (BreakdownRow r : rows) {
			assertThat(out.put(r.key(),
					List.of(r.opinions(), r.resolved(), r.converted(), r.repliedInTime(), r.overdue())))
				.as("key %s once", r.key())
				.isNull();
		}
		return out;
	}

	/** A random day of the history, the first or last of its month half the time. */
	private static LocalDate day(Random random, LocalDate first, LocalDate last, boolean start) {
		LocalDate d = first.plusDays(random.nextInt((int) (last.toEpochDay() - first.toEpochDay()) + 1));
		return switch (random.nextInt(4)) {
			case 0 -> start ? d.withDayOfMonth(1) : YearMonth.from(d).atEndOfMonth();
			case 1 -> start ? YearMonth.from(d).atEndOfMonth() : d.withDayOfMonth(1);
			default -> d;
		};
	}

	private List<Period> periods(Random random, List<Row> rows) {
		LocalDate first = rows.stream().map(Row::received).min(LocalDate::compareTo).orElseThrow().minusDays(40);
		LocalDate last = rows.stream().map(Row::received).max(LocalDate::compareTo).orElseThrow().plusDays(40);
		List<Period> periods = new ArrayList<>(List.of(Period.allTime(), new Period(first.plusDays(200), null),
				new Period(null, last.minusDays(200)), Period.year(last.getYear() - 1)));
		LocalDate mid = first.plusDays(random.nextInt(300) + 60);
		// within one month, across two partial months, whole months only
		periods.add(new Period(mid.withDayOfMonth(2), mid.withDayOfMonth(20)));
		periods.add(new Period(mid.withDayOfMonth(10), YearMonth.from(mid).plusMonths(1).atDay(5)));
		periods.add(new Period(mid.withDayOfMonth(1), YearMonth.from(mid).plusMonths(3).atEndOfMonth()));
		for (int i = 0; i < 16; i++) {
			LocalDate from = day(random, first, last, true);
			LocalDate to = day(random, from, from.plusDays(random.nextInt(500)), false);
			if (to.isBefore(from)) {
				to = from;
			}
			periods.add(new Period(random.nextInt(8) == 0 ? null : from, random.nextInt(8) == 0 ? null : to));
		}
		return periods;
	}

	private <T> T pick(Random random, List<T> from) {
		return from.get(random.nextInt(from.size()));
	}

	@Test
	void theIndicatorsAndBreakdownsAreTheOpinionsCountedOneByOneForRandomPeriodsAndScopes() {
		List<Row> rows = rows();
		assertThat(rows).hasSizeGreaterThan(500);
		long seed = System.nanoTime();
		Random random = new Random(seed);
		List<Long> townships = rows.stream().map(Row::township).filter(t -> t != 0).distinct().toList();
		List<Row> atStations = rows.stream().filter(r -> r.station() != 0 && !r.deputies().isEmpty()).toList();
		List<Long> deputies = rows.stream().flatMap(r -> r.deputies().stream()).distinct().toList();
		int checked = 0;
		for (Period p : periods(random, rows)) {
			Row some = pick(random, atStations);
			List<Scope> scopes = List.of(Scope.county(), Scope.township(pick(random, townships)),
					Scope.station(some.station()), Scope.deputy(pick(random, deputies)),
					new Scope(null, some.station(), pick(random, some.deputies())), new Scope(0L, null, null));
			for (Scope s : scopes) {
				List<Row> in = rows.stream().filter(r -> r.in(p, s)).toList();
				String what = "seed " + seed + ": " + p + " " + s;
				assertThat(records.indicators(p, s)).as(what).isEqualTo(indicators(in));
				for (Dimension d : Dimension.values()) {
					List<BreakdownRow> actual = figures.breakdown(p, s, d);
					assertThat(asMap(actual)).as(what + " " + d).isEqualTo(breakdown(in, d));
					assertThat(actual).as(what + " " + d + " largest first")
						.isSortedAccordingTo((a, b) -> Long.compare(b.opinions(), a.opinions()));
				}
				checked += in.size();
			}
			// per township (township 0, opinions of no township, left out)
			Map<Long, Indicators> expected = new TreeMap<>();
			groupBy(rows.stream().filter(r -> r.in(p, Scope.county()) && r.township() != 0).toList(), Row::township)
				.forEach((t, of) -> expected.put(t, indicators(of)));
			assertThat(records.indicatorsByTownship(p)).as("seed %d: %s by township", seed, p)
				.containsExactlyEntriesOf(expected);
		}
		assertThat(checked).as("opinions in the periods checked").isPositive();
	}

	private static <K> Map<K, List<Row>> groupBy(List<Row> rows, Function<Row, K> key) {
		Map<K, List<Row>> out = new LinkedHashMap<>();
		for (Row r : rows) {
			out.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r);
		}
		return out;
	}

	/**
	 * The monthly rows as counted here: {@code cell|dimension|key} or {@code cell|days} →
	 * sums.
	 */
	private static Map<String, List<Long>> expectedMonthRows(List<Row> rows) {
		Map<String, List<Long>> out = new TreeMap<>();
		for (Row r : rows) {
			List<Long> cellDeputies = new ArrayList<>(List.of(0L));
			cellDeputies.addAll(r.deputies());
			for (long d : cellDeputies) {
				String cell = r.received().withDayOfMonth(1) + "/" + r.township() + "/" + r.station() + "/" + d;
				add(out, cell + "||", r.sums());
				add(out, cell + "|CATEGORY|" + r.key(Dimension.CATEGORY), r.sums());
				add(out, cell + "|SOURCE|" + r.key(Dimension.SOURCE), r.sums());
				add(out, cell + "|DEPARTMENT|" + r.key(Dimension.DEPARTMENT), r.sums());
				if (r.days() != null) {
					add(out, cell + "|" + r.days(), new long[] { 1 });
				}
			}
		}
		return out;
	}

	private static void add(Map<String, List<Long>> to, String key, long[] v) {
		List<Long> sum = new ArrayList<>(to.getOrDefault(key, Arrays.stream(new long[v.length]).boxed().toList()));
		for (int i = 0; i < v.length; i++) {
			sum.set(i, sum.get(i) + v[i]);
		}
		to.put(key, sum);
	}

	private Map<String, List<Long>> storedMonthRows() {
		Map<String, List<Long>> out = new TreeMap<>();
		jdbc.sql("select * from stat_opinion_month").query((rs, n) -> {
			String cell = rs.getObject("month_start", LocalDate.class) + "/" + rs.getLong("township_id") + "/"
					+ rs.getLong("station_id") + "/" + rs.getLong("deputy_id");
			List<Long> v = new ArrayList<>();
			for (String c : new String[] { "opinions", "closed", "resolved", "replied", "replied_in_time", "overdue",
					"rated", "satisfied", "replied_due", "converted" }) {
				v.add(rs.getLong(c));
			}
			return out.put(cell + "|" + rs.getString("dimension") + "|" + rs.getString("dim_key"), v);
		}).list();
		jdbc.sql("select * from stat_handling_month").query((rs, n) -> {
			String cell = rs.getObject("month_start", LocalDate.class) + "/" + rs.getLong("township_id") + "/"
					+ rs.getLong("station_id") + "/" + rs.getLong("deputy_id");
			return out.put(cell + "|" + rs.getInt("handling_days"), List.of(rs.getLong("opinions")));
		}).list();
		return out;
	}

	@Test
	void theListenersKeepTheMonthlyRowsAlsoWhenAnOpinionMovesMonthAndStation() {
		assertThat(storedMonthRows()).as("as the listeners left them").isEqualTo(expectedMonthRows(rows()));
		// an opinion with deputies moves to another station (of another township) and
		// month, and back
		Row moved = rows().stream()
			.filter(r -> r.station() != 0 && !r.deputies().isEmpty() && r.days() != null)
			.findFirst()
			.orElseThrow();
		Map<String, Object> before = jdbc.sql("select township_id, station_id, received_at from opinion where id = ?")
			.param(moved.id())
			.query()
			.singleRow();
		Map<String, Object> other = jdbc
			.sql("select id, township_id from station where township_id <> ? order by id limit 1")
			.param(moved.township())
			.query()
			.singleRow();
		try {
			jdbc.sql("update opinion set township_id = ?, station_id = ?, received_at = received_at - interval '45' day"
					+ " where id = ?")
				.param(other.get("township_id"))
				.param(other.get("id"))
				.param(moved.id())
				.update();
			counting.opinion(moved.id());
			Row now = rows().stream().filter(r -> r.id() == moved.id()).findFirst().orElseThrow();
			assertThat(now.station()).isEqualTo(((Number) other.get("id")).longValue());
			assertThat(YearMonth.from(now.received())).isNotEqualTo(YearMonth.from(moved.received()));
			assertThat(storedMonthRows()).as("after the move").isEqualTo(expectedMonthRows(rows()));
			// its handling days now count in the station's month (whole, or from its day)
			List<Row> all = rows();
			for (Period p : List.of(Period.allTime(),
					new Period(now.received().withDayOfMonth(1), YearMonth.from(now.received()).atEndOfMonth()),
					new Period(now.received(), null), new Period(null, now.received()))) {
				for (Scope s : List.of(Scope.county(), Scope.station(now.station()),
						Scope.deputy(now.deputies().get(0)))) {
					assertThat(records.indicators(p, s)).as(p + " " + s)
						.isEqualTo(indicators(all.stream().filter(r -> r.in(p, s)).toList()));
				}
			}
		}
		finally {
			jdbc.sql("update opinion set township_id = ?, station_id = ?, received_at = ? where id = ?")
				.param(before.get("township_id"))
				.param(before.get("station_id"))
				.param(before.get("received_at"))
				.param(moved.id())
				.update();
			counting.opinion(moved.id());
		}
		assertThat(storedMonthRows()).as("moved back").isEqualTo(expectedMonthRows(rows()));
		assertThat(rows()).contains(moved);
	}

	@Test
	void theMigrationCountsTheOpinionsCountedBeforeItAsTheListenersDo() throws Exception {
		String script;
		try (InputStream in = getClass().getResourceAsStream("/db/migration/V27__statistics_opinion_rollups.sql")) {
			script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		String[] backfill = script.substring(script.indexOf("-- the opinions counted so far")).split(";");
		Map<String, List<Long>> kept = storedMonthRows();
		assertThat(kept).isEqualTo(expectedMonthRows(rows()));
		try {
			jdbc.sql("delete from stat_opinion_month").update();
			jdbc.sql("delete from stat_handling_month").update();
			for (String statement : backfill) {
				if (!statement.isBlank()) {
					jdbc.sql(statement).update();
				}
			}
			assertThat(storedMonthRows()).isEqualTo(kept);
		}
		finally {
			reconciliation.reconcile(true);
		}
	}

	@Test
	void theReconciliationNamesAndRepairsACorruptedMonthlyRow() {
		reconciliation.reconcile(true);
		Predicate<String> month = e -> e.startsWith("opinion month");
		assertThat(reconciliation.reconcile(false).examples()).noneMatch(month);
		Map<String, Object> row = jdbc
			.sql("select month_start, station_id from stat_opinion_month where deputy_id = 0 and dimension = ''"
					+ " and resolved > 0 order by month_start, station_id limit 1")
			.query()
			.singleRow();
		LocalDate start = LocalDate.parse(row.get("month_start").toString());
		Period whole = new Period(start, YearMonth.from(start).atEndOfMonth());
		Scope station = Scope.station(((Number) row.get("station_id")).longValue());
		Indicators right = records.indicators(whole, station);
		jdbc.sql("update stat_opinion_month set resolved = resolved + 5 where deputy_id = 0 and dimension = ''"
				+ " and month_start = ? and station_id = ?")
			.param(start)
			.param(station.stationId())
			.update();
		jdbc.sql("delete from stat_handling_month where deputy_id = 0 and month_start = ? and station_id = ?")
			.param(start)
			.param(station.stationId())
			.update();
		// the figures of a whole month read the monthly row
		assertThat(records.indicators(whole, station).resolved()).isEqualTo(right.resolved() + 5);
		ReconciliationReport found = reconciliation.reconcile(false);
		assertThat(found.differences()).isPositive();
		assertThat(found.examples()).anyMatch(month);
		assertThat(reconciliation.reconcile(true).repaired()).isTrue();
		ReconciliationReport after = reconciliation.reconcile(false);
		assertThat(after.examples()).noneMatch(month);
		assertThat(records.indicators(whole, station)).isEqualTo(right);
		assertThat(storedMonthRows()).isEqualTo(expectedMonthRows(rows()));
	}

}
