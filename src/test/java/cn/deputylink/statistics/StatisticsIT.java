package cn.deputylink.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.deputylink.support.Api;
import cn.deputylink.support.EventPublications;
import cn.deputylink.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The figures against counts made independently from the source tables (as {@code api.md}
 * defines them) for random periods and scopes of the demo county, every breakdown summing
 * to its figure and every drill-down listing as many records as its figure; the
 * reconciliation clean on the listeners' work and repairing a corrupted rollup; scope by
 * role; bad input.
 */
@IntegrationTest
class StatisticsIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StatisticsReconciliation reconciliation;

	@Autowired
	StatisticsRecords records;

	@BeforeEach
	void eventsDone() throws InterruptedException {
		assertThat(EventPublications.drained(jdbc, Duration.ofMinutes(1))).as("event publications heard").isTrue();
	}

	private long count(String sql, Object... params) {
		JdbcClient.StatementSpec spec = jdbc.sql(sql);
		for (Object p : params) {
			spec = spec.param(p);
		}
		Long n = spec.query(Long.class).single();
		return n == null ? 0 : n;
	}

	/** The six figures straight from the opinion and activity tables. */
	private long[] expected(LocalDate from, LocalDate to, Long township, Long station, Long deputy) {
		String aWhere = " from activity a where a.status in ('RECORDED', 'APPROVED') and a.activity_date between ? and ?"
				+ (township == null ? "" : " and a.township_id = " + township)
				+ (station == null ? "" : " and a.station_id = " + station)
				+ (deputy == null ? ""
						: " and exists (select 1 from activity_deputy d where d.activity_id = a.id and d.deputy_id = "
								+ deputy + ")");
		// the opinion's day in the county's zone: compared in Java to stay portable
		String oWhere = " from opinion o where o.status <> 'MERGED'"
				+ (township == null ? "" : " and o.township_id = " + township)
				+ (station == null ? "" : " and o.station_id = " + station)
				+ (deputy == null ? ""
						: " and exists (select 1 from opinion_deputy d where d.opinion_id = o.id and d.deputy_id = "
								+ deputy + ")");
		long[] o = new long[3];
		jdbc.sql("select o.received_at, o.status, o.outcome, "
				+ "(select count(*) from opinion_proposal_link l where l.opinion_id = o.id) as links" + oWhere)
			.query((rs, n) -> {
				LocalDate day = rs.getObject(1, OffsetDateTime.class)
					.atZoneSameInstant(ZoneId.of("Asia/Shanghai"))
					.toLocalDate();
				if (!day.isBefore(from) && !day.isAfter(to)) {
					o[0]++;
					if ("CLOSED".equals(rs.getString(2)) && "RESOLVED".equals(rs.getString(3))) {
						o[1]++;
					}
					if (rs.getLong(4) > 0) {
						o[2]++;
					}
				}
				return day;
			})
			.list();
		return new long[] { count("select count(*)" + aWhere, from, to),
				count("select coalesce(sum(a.constituents_received), 0)" + aWhere, from, to),
				count("select coalesce(sum(a.households_visited), 0)" + aWhere, from, to), o[0], o[1], o[2] };
	}

	private static long[] figures(JsonNode s) {
		return new long[] { s.get("activities").asLong(), s.get("constituentsReceived").asLong(),
				s.get("householdsVisited").asLong(), s.get("opinions").asLong(), s.get("opinionsResolved").asLong(),
				s.get("opinionsConverted").asLong() };
	}

	@Test
	void theSummaryIsTheSourceCountForRandomPeriodsAndScopes() {
		Api county = Api.as(port, "county");
		List<Long> townships = jdbc.sql("select id from township").query(Long.class).list();
		List<Long> stations = jdbc.sql("select id from station").query(Long.class).list();
		List<Long> deputies = jdbc.sql("select distinct deputy_id from activity_deputy").query(Long.class).list();
		long seed = System.nanoTime();
		Random random = new Random(seed);
		LocalDate today = LocalDate.now();
		for (int i = 0; i < 40; i++) {
			LocalDate from = today.minusDays(random.nextInt(1200));
			LocalDate to = from.plusDays(random.nextInt(600));
			Long township = null;
			Long station = null;
			Long deputy = null;
			switch (i % 4) {
				case 1 -> township = townships.get(random.nextInt(townships.size()));
				case 2 -> station = stations.get(random.nextInt(stations.size()));
				case 3 -> deputy = deputies.get(random.nextInt(deputies.size()));
				default -> {
				}
			}
			String query = "from=" + from + "&to=" + to + (township == null ? "" : "&townshipId=" + township)
					+ (station == null ? "" : "&stationId=" + station) + (deputy == null ? "" : "&deputyId=" + deputy);
			Api.Response r = county.get("/api/v1/statistics/summary?" + query);
			assertThat(r.status()).as(query).isEqualTo(200);
			assertThat(figures(r.json())).as("seed %d: %s", seed, query)
				.containsExactly(expected(from, to, township, station, deputy));
			// every breakdown adds up to the opinions, and a drill-down lists what its
			// figure counts
			long opinions = r.json().get("opinions").asLong();
			for (String dimension : new String[] { "CATEGORY", "SOURCE", "DEPARTMENT" }) {
				long sum = 0;
				for (JsonNode row : county.get("/api/v1/statistics/breakdown?dimension=" + dimension + "&" + query)
					.json()) {
					sum += row.get("opinions").asLong();
				}
				assertThat(sum).as(dimension + " " + query).isEqualTo(opinions);
			}
			assertThat(drilled(county, "opinions", "RESOLVED", query))
				.isEqualTo(r.json().get("opinionsResolved").asLong());
			assertThat(drilled(county, "activities", "ACTIVITIES", query))
				.isEqualTo(r.json().get("activities").asLong());
		}
		// all time is the whole of the source
		assertThat(figures(county.get("/api/v1/statistics/summary").json()))
			.containsExactly(expected(LocalDate.of(1900, 1, 1), LocalDate.of(2999, 1, 1), null, null, null));
	}

	private static long drilled(Api api, String list, String figure, String query) {
		long n = 0;
		String cursor = null;
		do {
			JsonNode page = api
				.get("/api/v1/statistics/" + list + "?figure=" + figure + "&limit=500&" + query
						+ (cursor == null ? "" : "&cursor=" + cursor))
				.json();
			n += page.get("items").size();
			cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
		}
		while (cursor != null);
		return n;
	}

	@Test
	void theIndicatorsOfAllTownshipsAtOnceAreEachTownshipsOwn() {
		List<Long> townships = jdbc.sql("select id from township").query(Long.class).list();
		Random random = new Random(System.nanoTime());
		LocalDate today = LocalDate.now();
		List<Period> periods = new ArrayList<>(List.of(Period.allTime(), Period.year(today.getYear() - 1)));
		for (int i = 0; i < 5; i++) {
			LocalDate from = today.minusDays(random.nextInt(1200));
			periods.add(new Period(from, from.plusDays(random.nextInt(600))));
		}
		for (Period p : periods) {
			var all = records.indicatorsByTownship(p);
			long withOpinions = 0;
			for (long t : townships) {
				Indicators own = records.indicators(p, Scope.township(t));
				if (own.opinions() > 0) {
					withOpinions++;
					assertThat(all.get(t)).as(p + " township " + t).isEqualTo(own);
				}
				else {
					assertThat(all).doesNotContainKey(t);
				}
			}
			assertThat(all).hasSize((int) withOpinions);
		}
	}

	@Test
	void theCategoryBreakdownIsTheSourceCount() {
		Api county = Api.as(port, "county");
		List<Long> expected = new ArrayList<>();
		List<Long> actual = new ArrayList<>();
		for (JsonNode row : county.get("/api/v1/statistics/breakdown?dimension=CATEGORY").json()) {
			String key = row.get("key").asString();
			actual.add(row.get("opinions").asLong());
			expected.add(key.isEmpty()
					? count("select count(*) from opinion where status <> 'MERGED' and category_code is null")
					: count("select count(*) from opinion where status <> 'MERGED' and category_code = ?", key));
		}
		assertThat(actual).isNotEmpty().isEqualTo(expected);
	}

	@Test
	void theReconciliationFindsTheListenersWorkCleanAndRepairsACorruptedCell() {
		ReconciliationReport first = reconciliation.reconcile(true);
		assertThat(first.opinionsRead()).isPositive();
		assertThat(reconciliation.reconcile(false).differences()).as("after a repair").isZero();
		jdbc.sql("update stat_day set activities = activities + 7 where deputy_id = 0 and stat_day = "
				+ "(select max(stat_day) from stat_day where activities > 0)")
			.update();
		ReconciliationReport found = reconciliation.reconcile(false);
		assertThat(found.differences()).isPositive();
		assertThat(found.examples()).anyMatch(e -> e.startsWith("cell"));
		assertThat(reconciliation.reconcile(true).repaired()).isTrue();
		assertThat(reconciliation.reconcile(false).clean()).isTrue();
		// the API: county admins only
		assertThat(
				Api.as(port, "county").post("/api/v1/statistics/reconciliation", "").json().get("differences").asLong())
			.isZero();
		assertThat(Api.as(port, "township").post("/api/v1/statistics/reconciliation", "").status()).isEqualTo(403);
	}

	@Test
	void theMonthRowsAreTheSumsOfTheDayRowsAndACorruptedOneIsFoundAndRepaired() {
		reconciliation.reconcile(true);
		String days = "select cast(date_trunc('month', stat_day) as date) as m, township_id, station_id, deputy_id,"
				+ " sum(activities) as a, sum(constituents) as c, sum(households) as h, sum(opinions) as o,"
				+ " sum(resolved) as r, sum(converted) as v"
				+ " from stat_day group by cast(date_trunc('month', stat_day) as date), township_id, station_id, deputy_id";
		String months = "select month_start, township_id, station_id, deputy_id, activities, constituents, households,"
				+ " opinions, resolved, converted from stat_month";
		assertThat(count("select count(*) from stat_month")).isPositive();
		assertThat(count("select count(*) from (" + days + " except " + months + ") x"))
			.as("sums of days without their month row")
			.isZero();
		assertThat(count("select count(*) from (" + months + " except " + days + ") x"))
			.as("month rows that are not the sums of their days")
			.isZero();
		// a whole month of a station, read from its month row, against its days
		LocalDate month = jdbc
			.sql("select max(month_start) from stat_month where deputy_id = 0 and station_id <> 0 and activities > 0")
			.query(LocalDate.class)
			.single();
		long station = count(
				"select min(station_id) from stat_month where deputy_id = 0 and station_id <> 0 and activities > 0"
						+ " and month_start = ?",
				month);
		Period whole = new Period(month, YearMonth.from(month).atEndOfMonth());
		Scope scope = new Scope(null, station, null);
		Summary right = records.summary(whole, scope);
		assertThat(right.activities()).isEqualTo(count(
				"select sum(activities) from stat_day where deputy_id = 0 and station_id = ? and stat_day >= ? and stat_day <= ?",
				station, whole.from(), whole.to()));
		jdbc.sql("update stat_month set activities = activities + 5 where deputy_id = 0 and station_id = ?"
				+ " and month_start = ?")
			.params(station, month)
			.update();
		assertThat(records.summary(whole, scope).activities()).as("read from the month row")
			.isEqualTo(right.activities() + 5);
		ReconciliationReport found = reconciliation.reconcile(false);
		assertThat(found.examples()).anyMatch(e -> e.startsWith("month "));
		assertThat(reconciliation.reconcile(true).repaired()).isTrue();
		assertThat(reconciliation.reconcile(false).clean()).isTrue();
		assertThat(records.summary(whole, scope)).isEqualTo(right);
	}

	@Test
	void eachRoleGetsItsScope() {
		Api county = Api.as(port, "county");
		long own = Api.as(port, "township").get("/api/v1/me").json().get("townshipId").asLong();
		long other = jdbc.sql("select min(id) from township where id <> ?").param(own).query(Long.class).single();
		JsonNode ownFigures = county.get("/api/v1/statistics/summary?townshipId=" + own).json();
		// a township admin and a liaison get their township whatever they ask
		assertThat(Api.as(port, "township").get("/api/v1/statistics/summary?townshipId=" + other).json())
			.isEqualTo(ownFigures);
		assertThat(Api.as(port, "liaison").get("/api/v1/statistics/summary").json()).isEqualTo(ownFigures);
		long foreignStation = jdbc.sql("select min(id) from station where township_id = ?")
			.param(other)
			.query(Long.class)
			.single();
		assertThat(Api.as(port, "township").get("/api/v1/statistics/summary?stationId=" + foreignStation).status())
			.isEqualTo(403);
		// a deputy its own figures
		long deputy = Api.as(port, "deputy").get("/api/v1/me").json().get("deputyId").asLong();
		assertThat(Api.as(port, "deputy").get("/api/v1/statistics/summary").json())
			.isEqualTo(county.get("/api/v1/statistics/summary?deputyId=" + deputy).json());
		long someoneElse = jdbc.sql("select min(id) from deputy where id <> ?")
			.param(deputy)
			.query(Long.class)
			.single();
		assertThat(Api.as(port, "deputy").get("/api/v1/statistics/summary?deputyId=" + someoneElse).status())
			.isEqualTo(403);
		assertThat(Api.as(port, "department").get("/api/v1/statistics/summary").status()).isEqualTo(403);
		assertThat(Api.anonymous(port).get("/api/v1/statistics/summary").status()).isEqualTo(401);
	}

	@Test
	void badInputIsAProblem() {
		Api county = Api.as(port, "county");
		for (String q : new String[] { "from=2026-13-01", "from=2026-05-01&to=2026-04-01", "townshipId=abc",
				"stationId=99999999", "deputyId=-5" }) {
			Api.Response r = county.get("/api/v1/statistics/summary?" + q);
			assertThat(r.status()).as(q).isIn(400, 404);
			assertThat(r.contentType()).as(q).contains("application/problem+json");
		}
		assertThat(county.get("/api/v1/statistics/breakdown?dimension=NOPE").status()).isEqualTo(400);
		assertThat(county.get("/api/v1/statistics/opinions?figure=ACTIVITIES").status()).isEqualTo(400);
		assertThat(county.get("/api/v1/statistics/opinions?figure=OPINIONS&month=2026-99").status()).isEqualTo(400);
		assertThat(county.get("/api/v1/statistics/activities?figure=RESOLVED").status()).isEqualTo(400);
	}

}
