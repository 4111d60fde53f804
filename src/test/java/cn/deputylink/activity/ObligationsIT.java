package cn.deputylink.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.deputylink.account.Accounts;
import cn.deputylink.account.CurrentUser;
import cn.deputylink.support.Api;
import cn.deputylink.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/deputies/{id}/obligations} across quarter and year boundaries, only
 * counting activities counting, with its scope (403), unknown deputy (404) and bad year
 * (400); the compliance report and its scope; the demo deputy's story.
 */
@IntegrationTest
class ObligationsIT {

	@LocalServerPort
	int port;

	@Autowired
	ActivityRecording recording;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	Api county;

	Api township;

	long ownStation;

	long otherStation;

	long ownVillage;

	int year;

	CurrentUser countyUser;

	@BeforeEach
	void setUp() {
		county = Api.as(port, "county");
		township = Api.as(port, "township");
		ownStation = Api.as(port, "liaison").get("/api/v1/me").json().get("stationId").asLong();
		long other = county.get("/api/v1/townships?q=T02").json().get("items").get(0).get("id").asLong();
		otherStation = PairingFixtures.first(county.get("/api/v1/stations?townshipId=" + other));
		long own = township.get("/api/v1/me").json().get("townshipId").asLong();
		ownVillage = PairingFixtures.first(county.get("/api/v1/villages?townshipId=" + own));
		year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
		countyUser = PairingFixtures.user(accounts, "county");
	}

	private long record(ActivityType type, String date, long deputy) {
		return recording.record(new NewActivity(type, LocalDate.parse(date), ownStation, List.of(deputy), 0, 1,
				type.name(), null, null), countyUser);
	}

	private JsonNode obligations(Api api, long deputy, int y) {
		Api.Response r = api.get("/api/v1/deputies/" + deputy + "/obligations?year=" + y);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}

	private static List<Integer> visits(JsonNode o) {
		return o.get("quarterlyVisits").valueStream().map(q -> q.get("count").asInt()).toList();
	}

	@Test
	void visitsCountInTheQuarterOfTheirDateAcrossQuarterAndYearBoundaries() {
		long d = PairingFixtures.deputy(county, ownStation, null);
		int last = year - 1;
		record(ActivityType.VISIT, last + "-03-31", d);
		record(ActivityType.VISIT, last + "-04-01", d);
		record(ActivityType.VISIT, last + "-12-31", d);
		record(ActivityType.VISIT, year + "-01-01", d);
		record(ActivityType.PRACTICAL_DEED, last + "-12-31", d);
		// a study session and a rejected visit count for nothing
		record(ActivityType.STUDY, last + "-08-01", d);
		long rejected = record(ActivityType.VISIT, last + "-08-02", d);
		jdbc.sql("update activity set status = 'REJECTED' where id = ?").param(rejected).update();

		JsonNode lastYear = obligations(county, d, last);
		assertThat(lastYear.get("year").asInt()).isEqualTo(last);
		assertThat(visits(lastYear)).containsExactly(1, 1, 0, 1);
		assertThat(lastYear.get("quarterlyVisits").get(2).get("met").asBoolean()).isFalse();
		assertThat(lastYear.get("quarterlyVisits").get(0).get("quarter").asInt()).isEqualTo(1);
		assertThat(lastYear.get("practicalDeeds").get("count").asInt()).isEqualTo(1);
		assertThat(lastYear.get("practicalDeeds").get("met").asBoolean()).isTrue();
		assertThat(lastYear.get("povertyAidHouseholds").get("met").asBoolean()).isFalse();
		assertThat(lastYear.get("allMet").asBoolean()).isFalse();
		// exactly the fields of docs/api.md
		assertThat(lastYear.propertyNames()).containsExactlyInAnyOrder("year", "quarterlyVisits", "practicalDeeds",
				"povertyAidHouseholds", "allMet");

		JsonNode thisYear = obligations(county, d, year);
		assertThat(visits(thisYear).get(0)).isEqualTo(1);
		assertThat(thisYear.get("practicalDeeds").get("count").asInt()).isZero();
		// no year: the county's current one
		assertThat(county.get("/api/v1/deputies/" + d + "/obligations").json().get("year").asInt()).isEqualTo(year);

		// the missing quarter and a paired, helped household make the year complete
		record(ActivityType.VISIT, last + "-09-30", d);
		long h = PairingFixtures.household(township, ownVillage, "结对户");
		PairingFixtures.pair(township, h, d, last + "-12-01");
		PairingFixtures.help(township, h, d, last + "-12-31");
		// help of a household it is not paired with does not count
		long unpaired = PairingFixtures.household(township, ownVillage, "未结对户");
		PairingFixtures.help(township, unpaired, d, last + "-11-30");
		JsonNode done = obligations(county, d, last);
		assertThat(done.get("povertyAidHouseholds").get("count").asInt()).isEqualTo(1);
		assertThat(done.get("allMet").asBoolean()).isTrue();
		// the pairing ran into this year, but the help was last year's
		assertThat(obligations(county, d, year).get("povertyAidHouseholds").get("count").asInt()).isZero();
	}

	@Test
	void scopeUnknownDeputyAndBadYear() {
		Api deputy = Api.as(port, "deputy");
		long me = deputy.get("/api/v1/me").json().get("deputyId").asLong();
		long colleague = PairingFixtures.deputy(county, ownStation, null);
		long stranger = PairingFixtures.deputy(county, otherStation, null);
		assertThat(deputy.get("/api/v1/deputies/" + me + "/obligations").status()).isEqualTo(200);
		assertThat(deputy.get("/api/v1/deputies/" + colleague + "/obligations").status()).isEqualTo(403);
		assertThat(township.get("/api/v1/deputies/" + colleague + "/obligations").status()).isEqualTo(200);
		assertThat(Api.as(port, "liaison").get("/api/v1/deputies/" + colleague + "/obligations").status())
			.isEqualTo(200);
		assertThat(township.get("/api/v1/deputies/" + stranger + "/obligations").status()).isEqualTo(403);
		assertThat(county.get("/api/v1/deputies/" + stranger + "/obligations").status()).isEqualTo(200);
		assertThat(Api.as(port, "department").get("/api/v1/deputies/" + me + "/obligations").status()).isEqualTo(403);
		Api.Response unknown = county.get("/api/v1/deputies/99999999/obligations");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
		for (String bad : List.of("abc", "1999", "2101", "20261")) {
			Api.Response r = county.get("/api/v1/deputies/" + me + "/obligations?year=" + bad);
			assertThat(r.status()).as(bad).isEqualTo(400);
			assertThat(r.contentType()).startsWith("application/problem+json");
		}
		// the limits as years, not numbers with a thousands separator
		assertThat(county.get("/api/v1/deputies/" + me + "/obligations?year=1999").body()).contains("2000 到 2100")
			.doesNotContain("2,000");
	}

	@Test
	void theComplianceReportCoversTheScopeAndSaysWhoIsBehindOnWhat() {
		Api.Response all = county.get("/api/v1/obligations/compliance");
		assertThat(all.status()).as(all.body()).isEqualTo(200);
		JsonNode report = all.json();
		assertThat(report.get("year").asInt()).isEqualTo(year);
		assertThat(report.get("total").asInt()).isGreaterThan(150);
		int behind = report.get("behindCount").asInt();
		assertThat(behind).isPositive().isLessThan(report.get("total").asInt());
		assertThat(report.get("items").valueStream().filter(i -> i.get("behind").asBoolean()).count())
			.isEqualTo(behind);

		// the township's staff get their township whatever they ask; another one is 403
		long own = township.get("/api/v1/me").json().get("townshipId").asLong();
		JsonNode mine = township.get("/api/v1/obligations/compliance").json();
		assertThat(mine.get("townshipId").asLong()).isEqualTo(own);
		assertThat(mine.get("total").asInt()).isPositive().isLessThan(report.get("total").asInt());
		long other = county.get("/api/v1/townships?q=T02").json().get("items").get(0).get("id").asLong();
		assertThat(township.get("/api/v1/obligations/compliance?townshipId=" + other).status()).isEqualTo(403);
		assertThat(township.get("/api/v1/obligations/compliance?stationId=" + otherStation).status()).isEqualTo(403);
		JsonNode station = township.get("/api/v1/obligations/compliance?stationId=" + ownStation).json();
		assertThat(station.get("items")
			.valueStream()
			.allMatch(i -> i.get("stationIds").toString().contains(String.valueOf(ownStation)))).isTrue();
		assertThat(
				county.get("/api/v1/obligations/compliance?townshipId=" + other + "&stationId=" + ownStation).status())
			.isEqualTo(400);
		assertThat(county.get("/api/v1/obligations/compliance?year=abc").status()).isEqualTo(400);
		assertThat(Api.as(port, "deputy").get("/api/v1/obligations/compliance").status()).isEqualTo(403);
		assertThat(Api.as(port, "department").get("/api/v1/obligations/compliance").status()).isEqualTo(403);
	}

	@Test
	void theDemoDeputyIsPartlyCompliant() {
		Api deputy = Api.as(port, "deputy");
		long me = deputy.get("/api/v1/me").json().get("deputyId").asLong();
		JsonNode o = obligations(deputy, me, year);
		int quarter = (LocalDate.now(ZoneId.of("Asia/Shanghai")).getMonthValue() - 1) / 3 + 1;
		List<Boolean> met = o.get("quarterlyVisits").valueStream().map(q -> q.get("met").asBoolean()).toList();
		for (int q = 1; q <= 4; q++) {
			// every ended quarter but the last one done; the last ended one and the
			// current one not
			assertThat(met.get(q - 1)).as("Q" + q).isEqualTo(q < quarter - 1);
		}
		assertThat(o.get("practicalDeeds").get("met").asBoolean()).isTrue();
		assertThat(o.get("povertyAidHouseholds").get("met").asBoolean()).isFalse();
		// it is paired all the same, with a household a colleague helped this year
		JsonNode households = deputy.get("/api/v1/poverty-households").json().get("items");
		assertThat(households.size()).isGreaterThanOrEqualTo(1);
		// and some demo deputies are fully compliant so far
		JsonNode report = county.get("/api/v1/obligations/compliance").json();
		assertThat(report.get("items").valueStream().filter(i -> !i.get("behind").asBoolean()).count()).isPositive();
		assertThat(county.get("/api/v1/poverty-households?limit=500").json().get("items").size())
			.isGreaterThanOrEqualTo(20);
		assertThat(jdbc
			.sql("select count(distinct household_id) from activity where type = 'POVERTY_AID' "
					+ "and activity_date >= ?")
			.param(LocalDate.of(year, 1, 1))
			.query(Integer.class)
			.single()).isGreaterThanOrEqualTo(15);
	}

}
