package cn.deputylink.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.deputylink.account.Accounts;
import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.UserAccount;
import cn.deputylink.activity.ActivityRecording;
import cn.deputylink.activity.ActivityType;
import cn.deputylink.activity.NewActivity;
import cn.deputylink.support.Api;
import cn.deputylink.support.FormSession;
import cn.deputylink.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * Points through the API: the scheme (county admin only, every item 0–100, a change
 * changes the live scores), a township's table with ranks and ties, its publication as a
 * snapshot that later edits and scheme changes leave alone, publishing twice (409), a
 * deputy's own published rank only, the township admin held to its township.
 */
@IntegrationTest
class PointsIT {

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

	long station;

	long ownTownship;

	CurrentUser countyUser;

	JsonNode defaults;

	@BeforeEach
	void setUp() {
		county = Api.as(port, "county");
		township = Api.as(port, "township");
		station = Api.as(port, "liaison").get("/api/v1/me").json().get("stationId").asLong();
		ownTownship = township.get("/api/v1/me").json().get("townshipId").asLong();
		UserAccount a = accounts.findByUsername("county").orElseThrow();
		countyUser = new CurrentUser(a.id(), a.username(), a.displayName(), a.role(), a.townshipId(), a.stationId(),
				a.deputyId(), a.departmentId(), false, false, null, true, false);
		defaults = county.get("/api/v1/points/scheme").json();
	}

	@AfterEach
	void restoreScheme() {
		assertThat(county.put("/api/v1/points/scheme", defaults.toString()).status()).isEqualTo(200);
	}

	private void record(ActivityType type, String date, List<Long> deputies) {
		recording.record(new NewActivity(type, LocalDate.parse(date), station, deputies, 0, 1, type.name(), null, null),
				countyUser);
	}

	private static Map<Long, JsonNode> rows(JsonNode rows) {
		Map<Long, JsonNode> m = new HashMap<>();
		rows.forEach(r -> m.put(r.get("deputyId").asLong(), r));
		return m;
	}

	private JsonNode table(Api api, int year, int quarter, Long townshipId) {
		Api.Response r = api.get("/api/v1/points?year=" + year + "&quarter=" + quarter
				+ (townshipId == null ? "" : "&townshipId=" + townshipId));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}

	@Test
	void schemeChangesScoresAndPublicationIsASnapshot() throws Exception {
		PerformanceFixtures.Deputy a = PerformanceFixtures.deputy(county, station);
		PerformanceFixtures.Deputy b = PerformanceFixtures.deputy(county, station);
		PerformanceFixtures.Deputy c = PerformanceFixtures.deputy(county, station);
		// 2022: a two visits (Q1, Q2), b one visit (Q1) and a deed (Q2), c one visit
		// (Q1) and an absent duty day (Q1)
		record(ActivityType.VISIT, "2022-02-01", List.of(a.id(), b.id(), c.id()));
		record(ActivityType.VISIT, "2022-05-01", List.of(a.id()));
		record(ActivityType.PRACTICAL_DEED, "2022-05-02", List.of(b.id()));
		PerformanceFixtures.heldDay(Api.as(port, "liaison"), station, "2022-03-09",
				Map.of(c.id(), "ABSENT", a.id(), "PRESENT"), 2, 0);
		// default scheme: VISIT 2, DEED 5, RECEPTION 2, duty 3, absent −2
		JsonNode q1 = table(county, 2022, 1, ownTownship);
		assertThat(q1.get("to").asString()).isEqualTo("2022-03-31");
		Map<Long, JsonNode> r1 = rows(q1.get("live"));
		assertThat(r1.get(a.id()).get("score").asInt()).isEqualTo(2 + 2 + 3);
		assertThat(r1.get(b.id()).get("score").asInt()).isEqualTo(2);
		assertThat(r1.get(c.id()).get("score").asInt()).isEqualTo(0);
		JsonNode q2 = table(county, 2022, 2, ownTownship);
		Map<Long, JsonNode> r2 = rows(q2.get("live"));
		// year to date: Q2 includes Q1
		assertThat(r2.get(a.id()).get("score").asInt()).isEqualTo(2 + 2 + 2 + 3);
		assertThat(r2.get(b.id()).get("score").asInt()).isEqualTo(2 + 5);
		// ties share a rank
		assertThat(r2.get(a.id()).get("rank").asInt()).isLessThan(r2.get(b.id()).get("rank").asInt());

		// a scheme where a visit is worth 10 and the deed nothing: b and c tie below a
		Map<String, Object> scheme = new HashMap<>();
		Map<String, Integer> activity = new HashMap<>();
		for (ActivityType t : ActivityType.values()) {
			activity.put(t.name(), 0);
		}
		activity.put("VISIT", 10);
		scheme.put("activity", activity);
		scheme.put("dutyAttended", 0);
		scheme.put("dutyAbsent", 0);
		scheme.put("proposalLed", 0);
		scheme.put("proposalCoSigned", 0);
		scheme.put("evaluation", Map.of("SATISFIED", 0, "BASICALLY_SATISFIED", 0, "UNSATISFIED", 0));
		scheme.put("opinionReceived", 0);
		Api.Response put = county.put("/api/v1/points/scheme", Api.json(scheme));
		assertThat(put.status()).as(put.body()).isEqualTo(200);
		Map<Long, JsonNode> changed = rows(table(county, 2022, 2, ownTownship).get("live"));
		assertThat(changed.get(a.id()).get("score").asInt()).isEqualTo(20);
		assertThat(changed.get(b.id()).get("score").asInt()).isEqualTo(10);
		assertThat(changed.get(c.id()).get("score").asInt()).isEqualTo(10);
		assertThat(changed.get(b.id()).get("rank").asInt()).isEqualTo(changed.get(c.id()).get("rank").asInt());

		// publish Q2 (the township admin, its own township)
		Api.Response pub = township.post("/api/v1/points/publications",
				Api.json(Map.of("year", 2022, "quarter", 2, "townshipId", ownTownship)));
		assertThat(pub.status()).as(pub.body()).isEqualTo(201);
		Map<Long, JsonNode> snapshot = rows(pub.json().get("rows"));
		assertThat(snapshot.get(a.id()).get("score").asInt()).isEqualTo(20);
		int bRank = snapshot.get(b.id()).get("rank").asInt();
		assertThat(snapshot.get(c.id()).get("rank").asInt()).isEqualTo(bRank);
		// again: refused
		Api.Response again = county.post("/api/v1/points/publications",
				Api.json(Map.of("year", 2022, "quarter", 2, "townshipId", ownTownship)));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.contentType()).startsWith("application/problem+json");

		// later edits change the live table, not the published one
		record(ActivityType.VISIT, "2022-06-01", List.of(c.id()));
		assertThat(county.put("/api/v1/points/scheme", defaults.toString()).status()).isEqualTo(200);
		JsonNode after = table(county, 2022, 2, ownTownship);
		assertThat(rows(after.get("live")).get(c.id()).get("score").asInt()).isEqualTo(2 + 2 - 2);
		Map<Long, JsonNode> kept = rows(after.get("publication").get("rows"));
		assertThat(kept.get(c.id()).get("score").asInt()).isEqualTo(10);
		assertThat(kept.get(a.id()).get("score").asInt()).isEqualTo(20);

		// each deputy sees its own published line only; not the table
		JsonNode mine = c.api(port).get("/api/v1/deputies/" + c.id() + "/points?year=2022").json();
		assertThat(mine.get("published").size()).isEqualTo(1);
		assertThat(mine.get("published").get(0).get("quarter").asInt()).isEqualTo(2);
		assertThat(mine.get("published").get(0).get("score").asInt()).isEqualTo(10);
		assertThat(mine.get("published").get(0).get("rank").asInt()).isEqualTo(bRank);
		assertThat(mine.get("published").get(0).get("of").asInt()).isEqualTo(kept.size());
		assertThat(mine.get("live").isNull()).isTrue();
		assertThat(c.api(port).get("/api/v1/deputies/" + a.id() + "/points?year=2022").status()).isEqualTo(403);
		assertThat(c.api(port).get("/api/v1/points?year=2022&quarter=2").status()).isEqualTo(403);
		// admins see the live scores of each quarter
		JsonNode adminView = county.get("/api/v1/deputies/" + c.id() + "/points?year=2022").json();
		assertThat(adminView.get("live").size()).isEqualTo(4);
		assertThat(adminView.get("live").get(1).get("score").asInt()).isEqualTo(2);
		// the page shows the deputy its rank
		// the page shows the demo deputy (of this township) its own rank
		long demo = Api.as(port, "deputy").get("/api/v1/me").json().get("deputyId").asLong();
		var page = new FormSession(port).login("deputy").get("/points?year=2022");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("第 " + kept.get(demo).get("rank").asInt() + " 名 / 共 " + kept.size() + " 名");
	}

	@Test
	void townshipScopeAndBadInput() {
		long other = county.get("/api/v1/townships?q=T02").json().get("items").get(0).get("id").asLong();
		// a township admin is held to its own township whatever it asks
		JsonNode forced = table(township, 2022, 1, other);
		assertThat(forced.get("townshipId").asLong()).isEqualTo(ownTownship);
		Api.Response pub = township.post("/api/v1/points/publications",
				Api.json(Map.of("year", 2021, "quarter", 1, "townshipId", other)));
		assertThat(pub.status()).as(pub.body()).isEqualTo(201);
		assertThat(pub.json().get("townshipId").asLong()).isEqualTo(ownTownship);
		// the county admin sees any township, and must say which
		assertThat(table(county, 2022, 1, other).get("townshipId").asLong()).isEqualTo(other);
		assertThat(county.get("/api/v1/points?year=2022&quarter=1").status()).isEqualTo(400);
		assertThat(county.get("/api/v1/points?year=2022&quarter=1&townshipId=99999999").status()).isEqualTo(404);
		for (String q : List.of("year=2022&quarter=5", "year=2022&quarter=0", "year=1999&quarter=1",
				"year=abc&quarter=1")) {
			Api.Response r = county.get("/api/v1/points?" + q + "&townshipId=" + other);
			assertThat(r.status()).as(q).isEqualTo(400);
			assertThat(r.contentType()).startsWith("application/problem+json");
		}
		assertThat(county.post("/api/v1/points/publications", Api.json(Map.of("quarter", 1, "townshipId", other)))
			.status()).isEqualTo(400);
		assertThat(county
			.post("/api/v1/points/publications", Api.json(Map.of("year", 2099, "quarter", 1, "townshipId", other)))
			.status()).isEqualTo(400);
		// liaison, departments, deputies do not publish or see tables
		for (String who : List.of("liaison", "department", "deputy")) {
			Api api = Api.as(port, who);
			assertThat(api.get("/api/v1/points?year=2022&quarter=1").status()).as(who).isEqualTo(403);
			assertThat(api
				.post("/api/v1/points/publications",
						Api.json(Map.of("year", 2022, "quarter", 3, "townshipId", ownTownship)))
				.status()).as(who).isEqualTo(403);
		}
		// the scheme: the county admin only, every item, 0–100; a refusal writes nothing
		JsonNode before = county.get("/api/v1/points/scheme").json();
		assertThat(township.put("/api/v1/points/scheme", before.toString()).status()).isEqualTo(403);
		Api.Response bad = county.put("/api/v1/points/scheme", before.toString()
			.replace("\"dutyAttended\":" + before.get("dutyAttended").asInt(), "\"dutyAttended\":101"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("dutyAttended");
		Api.Response missing = county.put("/api/v1/points/scheme", "{\"dutyAttended\": 1}");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(county.get("/api/v1/points/scheme").json()).isEqualTo(before);
		assertThat(Api.as(port, "department").get("/api/v1/points/scheme").status()).isEqualTo(403);
	}

}
