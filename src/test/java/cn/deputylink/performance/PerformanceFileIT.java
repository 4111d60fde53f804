package cn.deputylink.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * A deputy's performance file from fixtures made through the other modules: held duty
 * days (attended, absent, replaced, stood in), counting activities only, opinions
 * received and their outcomes, proposals led and co-signed with the evaluation, the
 * "三个一", the points; and who may read it (the deputy itself, its township's admin, the
 * county; not the liaison officer or a department: 403), unknown deputy 404, bad year
 * 400.
 */
@IntegrationTest
class PerformanceFileIT {

	@LocalServerPort
	int port;

	@Autowired
	ActivityRecording recording;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	Api county;

	Api liaison;

	long station;

	CurrentUser countyUser;

	@BeforeEach
	void setUp() {
		county = Api.as(port, "county");
		liaison = Api.as(port, "liaison");
		station = liaison.get("/api/v1/me").json().get("stationId").asLong();
		UserAccount a = accounts.findByUsername("county").orElseThrow();
		countyUser = new CurrentUser(a.id(), a.username(), a.displayName(), a.role(), a.townshipId(), a.stationId(),
				a.deputyId(), a.departmentId(), false, false, null, true, false);
	}

	private long record(ActivityType type, String date, long deputy, int received, int visited) {
		return recording.record(new NewActivity(type, LocalDate.parse(date), station, List.of(deputy), received,
				visited, type.name(), null, null), countyUser);
	}

	private JsonNode file(Api api, long deputy, int year) {
		Api.Response r = api.get("/api/v1/deputies/" + deputy + "/performance?year=" + year);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}

	private static Map<String, Integer> byType(JsonNode file) {
		Map<String, Integer> m = new LinkedHashMap<>();
		file.get("activities").get("byType").forEach(t -> m.put(t.get("type").asString(), t.get("count").asInt()));
		return m;
	}

	@Test
	void figuresOfAYearFromTheOtherModules() {
		PerformanceFixtures.Deputy d = PerformanceFixtures.deputy(county, station);
		PerformanceFixtures.Deputy colleague = PerformanceFixtures.deputy(county, station);
		PerformanceFixtures.Deputy sub = PerformanceFixtures.deputy(county, station);
		// four held days in 2023: present (with 2 opinions answered on the spot), absent,
		// replaced by sub, present
		PerformanceFixtures.heldDay(liaison, station, "2023-03-08",
				Map.of(d.id(), "PRESENT", colleague.id(), "PRESENT"), 7, 2);
		PerformanceFixtures.heldDay(liaison, station, "2023-05-10", Map.of(d.id(), "ABSENT", colleague.id(), "PRESENT"),
				3, 0);
		PerformanceFixtures.heldDay(liaison, station, "2023-07-12",
				Map.of(d.id(), "SUBSTITUTE:" + sub.id(), colleague.id(), "PRESENT"), 4, 0);
		PerformanceFixtures.heldDay(liaison, station, "2023-08-09", Map.of(d.id(), "PRESENT"), 5, 0);
		// activities: a visit in Q2, a deed; a rejected study and next year's visit do
		// not
		// count
		record(ActivityType.VISIT, "2023-04-03", d.id(), 0, 6);
		record(ActivityType.PRACTICAL_DEED, "2023-06-01", d.id(), 0, 0);
		long rejected = record(ActivityType.STUDY, "2023-06-02", d.id(), 0, 0);
		jdbc.sql("update activity set status = 'REJECTED' where id = ?").param(rejected).update();
		record(ActivityType.VISIT, "2024-01-02", d.id(), 0, 1);
		// an opinion registered for the deputy, still waiting
		PerformanceFixtures.opinion(liaison, station, List.of(d.id()), "2023-09-01T10:00:00+08:00");

		JsonNode f = file(county, d.id(), 2023);
		assertThat(f.get("deputyName").asString()).isEqualTo(d.name());
		assertThat(f.get("year").asInt()).isEqualTo(2023);
		JsonNode duty = f.get("duty");
		assertThat(duty.get("attended").asInt()).isEqualTo(2);
		assertThat(duty.get("absent").asInt()).isEqualTo(1);
		assertThat(duty.get("substituted").asInt()).isEqualTo(1);
		assertThat(duty.get("stoodIn").asInt()).isZero();
		assertThat(duty.get("upcoming").asInt()).isZero();
		// the receptions are the days it was present
		assertThat(byType(f)).containsEntry("RECEPTION", 2)
			.containsEntry("VISIT", 1)
			.containsEntry("PRACTICAL_DEED", 1)
			.containsEntry("STUDY", 0)
			.hasSize(7);
		assertThat(f.get("activities").get("total").asInt()).isEqualTo(4);
		assertThat(f.get("activities").get("constituentsReceived").asInt()).isEqualTo(7 + 5);
		assertThat(f.get("activities").get("householdsVisited").asInt()).isEqualTo(6);
		JsonNode op = f.get("opinions");
		assertThat(op.get("received").asInt()).isEqualTo(3);
		assertThat(op.get("byStatus").get("CLOSED").asInt()).isEqualTo(2);
		assertThat(op.get("byStatus").get("SUBMITTED").asInt()).isEqualTo(1);
		assertThat(op.get("byOutcome").get("EXPLAINED").asInt()).isEqualTo(2);
		assertThat(op.get("converted").asInt()).isZero();
		assertThat(f.get("proposals").get("led").asInt()).isZero();
		JsonNode ob = f.get("obligations");
		assertThat(ob.get("quarterlyVisits").get(1).get("count").asInt()).isEqualTo(1);
		assertThat(ob.get("quarterlyVisits").get(0).get("met").asBoolean()).isFalse();
		assertThat(ob.get("practicalDeeds").get("met").asBoolean()).isTrue();
		assertThat(ob.get("allMet").asBoolean()).isFalse();
		// default scheme: receptions 2×2, visit 2, deed 5, duty 2×3, absent −2, opinions
		// 3×1
		assertThat(f.get("points").asInt()).isEqualTo(4 + 2 + 5 + 6 - 2 + 3);
		// the calendar marks: 4 duty days (2 attended, 1 absent, 1 replaced) and 4
		// activities
		assertThat(f.get("days").valueStream().map(m -> m.get("mark").asString()).toList()).containsExactly(
				"DUTY_ATTENDED", "ACTIVITY", "ACTIVITY", "DUTY_ABSENT", "ACTIVITY", "DUTY_SUBSTITUTED", "DUTY_ATTENDED",
				"ACTIVITY");

		// the substitute stood in: attended, and stood in
		JsonNode s = file(county, sub.id(), 2023);
		assertThat(s.get("duty").get("attended").asInt()).isEqualTo(1);
		assertThat(s.get("duty").get("stoodIn").asInt()).isEqualTo(1);
		assertThat(byType(s)).containsEntry("RECEPTION", 1);

		// the deputy sees the same file
		JsonNode own = file(d.api(port), d.id(), 2023);
		for (String part : List.of("duty", "activities", "opinions", "proposals", "obligations", "points", "days")) {
			assertThat(own.get(part)).as(part).isEqualTo(f.get(part));
		}
	}

	@Test
	void proposalsLedAndCoSignedWithTheEvaluation() {
		int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
		PerformanceFixtures.Deputy lead = PerformanceFixtures.deputy(county, station);
		PerformanceFixtures.Deputy co = PerformanceFixtures.deputy(county, station);
		PerformanceFixtures.proposal(port, county, lead, co, "SATISFIED");
		PerformanceFixtures.proposal(port, county, lead, null, null);
		JsonNode f = file(county, lead.id(), year);
		assertThat(f.get("proposals").get("led").asInt()).isEqualTo(2);
		assertThat(f.get("proposals").get("coSigned").asInt()).isZero();
		assertThat(f.get("proposals").get("evaluations").get("SATISFIED").asInt()).isEqualTo(1);
		assertThat(f.get("proposals").get("items").size()).isEqualTo(2);
		// led 2×5, satisfied 3
		assertThat(f.get("points").asInt()).isEqualTo(13);
		JsonNode c = file(county, co.id(), year);
		assertThat(c.get("proposals").get("led").asInt()).isZero();
		assertThat(c.get("proposals").get("coSigned").asInt()).isEqualTo(1);
		// the lead's evaluation is not the co-signer's
		assertThat(c.get("proposals").get("evaluations").size()).isZero();
		assertThat(c.get("points").asInt()).isEqualTo(2);
	}

	@Test
	void whoMayReadAFile() throws Exception {
		PerformanceFixtures.Deputy d = PerformanceFixtures.deputy(county, station);
		Api deputy = Api.as(port, "deputy");
		long own = deputy.get("/api/v1/me").json().get("deputyId").asLong();
		long other = county.get("/api/v1/townships?q=T02").json().get("items").get(0).get("id").asLong();
		long otherStation = PerformanceFixtures.first(county.get("/api/v1/stations?townshipId=" + other));
		PerformanceFixtures.Deputy stranger = PerformanceFixtures.deputy(county, otherStation);
		String path = "/api/v1/deputies/%d/performance";
		assertThat(deputy.get(path.formatted(own)).status()).isEqualTo(200);
		assertThat(deputy.get(path.formatted(d.id())).status()).isEqualTo(403);
		assertThat(d.api(port).get(path.formatted(d.id())).status()).isEqualTo(200);
		Api township = Api.as(port, "township");
		assertThat(township.get(path.formatted(d.id())).status()).isEqualTo(200);
		assertThat(township.get(path.formatted(stranger.id())).status()).isEqualTo(403);
		assertThat(county.get(path.formatted(stranger.id())).status()).isEqualTo(200);
		assertThat(liaison.get(path.formatted(d.id())).status()).isEqualTo(403);
		assertThat(Api.as(port, "department").get(path.formatted(own)).status()).isEqualTo(403);
		Api.Response unknown = county.get(path.formatted(99999999L));
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
		for (String bad : List.of("abc", "1999", "2101")) {
			Api.Response r = county.get(path.formatted(own) + "?year=" + bad);
			assertThat(r.status()).as(bad).isEqualTo(400);
			assertThat(r.contentType()).startsWith("application/problem+json");
		}
		// no year: the current one
		assertThat(county.get(path.formatted(own)).json().get("year").asInt())
			.isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear());
		// the pages agree
		FormSession deputyPages = new FormSession(port).login("deputy");
		assertThat(deputyPages.get("/performance").statusCode()).isEqualTo(200);
		assertThat(deputyPages.get("/deputies/" + d.id() + "/performance").statusCode()).isEqualTo(403);
		FormSession townshipPages = new FormSession(port).login("township");
		assertThat(townshipPages.get("/deputies/" + d.id() + "/performance?year=2023").statusCode()).isEqualTo(200);
		assertThat(townshipPages.get("/performance").statusCode()).isEqualTo(403);
		assertThat(new FormSession(port).login("liaison").get("/deputies/" + d.id() + "/performance").statusCode())
			.isEqualTo(403);
	}

}
