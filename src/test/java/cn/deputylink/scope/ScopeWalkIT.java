package cn.deputylink.scope;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.deputylink.support.Api;
import cn.deputylink.support.IntegrationTest;

import tools.jackson.databind.JsonNode;
import java.util.stream.IntStream;

/**
 * Walks every API endpoint of the registry, accounts, opinions, activities, pairings,
 * "三个一", duty days, proposals, calendar and inbox with every role, on the caller's own
 * township and on another one, and checks the answer: allowed where the role and data
 * scope allow, 403 everywhere else. Changing an id in a URL must never reach another
 * township's data.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopeWalkIT {

	private static final List<String> ROLES = List.of("county", "township", "liaison", "deputy", "department");

	private static final AtomicInteger SEQ = new AtomicInteger();

	@LocalServerPort
	int port;

	private final Map<String, Api> api = new LinkedHashMap<>();

	private long own;

	private long other;

	private long ownStation;

	private long otherStation;

	private long otherVillage;

	private long ownDeputy;

	private long otherDeputy;

	private long ownDepartment;

	private long otherDepartment;

	private long ownOpinion;

	private long otherOpinion;

	private long ownAssigned;

	private long ownByTownship;

	private long ownReplied;

	private long ownReport;

	private long otherActivity;

	private long ownRecorded;

	private long ownHousehold;

	private long otherHousehold;

	private long ownPairing;

	private long ownDay;

	private long otherDay;

	private long ownDraftProposal;

	private long ownAssignedProposal;

	private long otherProposal;

	@BeforeAll
	void signIn() {
		ROLES.forEach(r -> api.put(r, Api.as(port, r)));
		Api county = api.get("county");
		own = api.get("township").get("/api/v1/me").json().get("townshipId").asLong();
		other = county.get("/api/v1/townships?q=T02").json().get("items").get(0).get("id").asLong();
		ownStation = api.get("liaison").get("/api/v1/me").json().get("stationId").asLong();
		otherStation = first(county.get("/api/v1/stations?townshipId=" + other));
		otherVillage = first(county.get("/api/v1/villages?townshipId=" + other));
		ownDeputy = api.get("deputy").get("/api/v1/me").json().get("deputyId").asLong();
		otherDeputy = first(county.get("/api/v1/deputies?townshipId=" + other));
		ownDepartment = api.get("department").get("/api/v1/me").json().get("departmentId").asLong();
		otherDepartment = county.get("/api/v1/departments?tier=TOWNSHIP&limit=500")
			.json()
			.get("items")
			.valueStream()
			.filter(d -> d.get("townshipId").asLong() == other)
			.findFirst()
			.orElseThrow()
			.get("id")
			.asLong();
		ownOpinion = api.get("liaison")
			.post("/api/v1/opinions",
					Api.json(Map.of("source", "RECEPTION", "stationId", ownStation, "content", "范围测试", "constituent",
							Map.of("name", "某人", "phone", "13900001111", "anonymous", false))))
			.id();
		otherOpinion = county
			.post("/api/v1/opinions", Api.json(Map.of("source", "PHONE", "stationId", otherStation, "content", "他乡意见",
					"constituent", Map.of("phone", "13900002222", "anonymous", false))))
			.id();
		ownAssigned = api.get("liaison")
			.post("/api/v1/opinions", Api.json(Map.of("source", "VISIT", "stationId", ownStation, "content", "已交办")))
			.id();
		Api township = api.get("township");
		township.post("/api/v1/opinions/" + ownAssigned + "/triage",
				Api.json(Map.of("categoryCode", "OTHER", "tier", "TOWNSHIP")));
		township.post("/api/v1/opinions/" + ownAssigned + "/assign",
				Api.json(Map.of("departmentId", ownDepartment, "note", "范围测试")));
		// registered by the township admin, not by the liaison officer: not the liaison's
		// to close on the spot
		ownByTownship = township
			.post("/api/v1/opinions",
					Api.json(Map.of("source", "RECEPTION", "stationId", ownStation, "content", "镇里登记")))
			.id();
		ownReplied = api.get("liaison")
			.post("/api/v1/opinions", Api.json(Map.of("source", "VISIT", "stationId", ownStation, "content", "已答复")))
			.id();
		township.post("/api/v1/opinions/" + ownReplied + "/triage",
				Api.json(Map.of("categoryCode", "OTHER", "tier", "TOWNSHIP")));
		township.post("/api/v1/opinions/" + ownReplied + "/assign",
				Api.json(Map.of("departmentId", ownDepartment, "note", "范围测试")));
		api.get("department").post("/api/v1/opinions/" + ownReplied + "/accept", "");
		assertThat(api.get("department")
			.post("/api/v1/opinions/" + ownReplied + "/reply",
					Api.json(Map.of("content", "已答复", "outcome", "RESOLVED")))
			.status()).isEqualTo(200);
		households(county);
		ownDay = dutyDay(county, ownStation);
		otherDay = dutyDay(county, otherStation);
		proposals();
	}

	/**
	 * A household in the own township paired with the demo deputy, and one in another.
	 */
	private void households(Api county) {
		long ownVillage = first(county.get("/api/v1/villages?townshipId=" + own));
		ownHousehold = county
			.post("/api/v1/poverty-households", Api.json(Map.of("name", "范围户", "villageId", ownVillage)))
			.id();
		otherHousehold = county
			.post("/api/v1/poverty-households", Api.json(Map.of("name", "他乡户", "villageId", otherVillage)))
			.id();
		ownPairing = county
			.post("/api/v1/poverty-households/" + ownHousehold + "/pairings",
					Api.json(Map.of("deputyIds", List.of(ownDeputy))))
			.json()
			.get(0)
			.get("id")
			.asLong();
	}

	/** A deputy's report at the own station, a staff record elsewhere, one at home. */
	@BeforeAll
	void activities() {
		String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
		ownReport = api.get("deputy")
			.post("/api/v1/activities",
					Api.json(Map.of("type", "VISIT", "date", today, "stationId", ownStation, "deputyIds", List.of(),
							"title", "范围测试报告")))
			.id();
		otherActivity = api.get("county")
			.post("/api/v1/activities",
					Api.json(Map.of("type", "STUDY", "date", today, "stationId", otherStation, "deputyIds",
							List.of(otherDeputy), "title", "他乡学习")))
			.id();
		ownRecorded = api.get("liaison")
			.post("/api/v1/activities",
					Api.json(Map.of("type", "STUDY", "date", today, "stationId", ownStation, "deputyIds",
							List.of(ownDeputy), "title", "本镇学习")))
			.id();
	}

	/**
	 * Proposals: the demo deputy's draft, its proposal assigned to the own department,
	 * and a draft the county entered for a deputy of another township.
	 */
	private void proposals() {
		Api deputy = api.get("deputy");
		Api county = api.get("county");
		ownDraftProposal = deputy
			.post("/api/v1/proposals",
					Api.json(Map.of("title", "范围草稿", "content", "内容", "leadDeputyId", ownDeputy, "period", "SESSION")))
			.id();
		ownAssignedProposal = deputy
			.post("/api/v1/proposals",
					Api.json(Map.of("title", "范围交办", "content", "内容", "leadDeputyId", ownDeputy, "period", "RECESS")))
			.id();
		assertThat(deputy.post("/api/v1/proposals/" + ownAssignedProposal + "/submit", "{}").status()).isEqualTo(200);
		assertThat(county.post("/api/v1/proposals/" + ownAssignedProposal + "/register", "{}").status()).isEqualTo(200);
		Api.Response a = county.post("/api/v1/proposals/" + ownAssignedProposal + "/assign",
				Api.json(Map.of("leadDepartmentId", ownDepartment, "coDepartmentIds", List.of())));
		assertThat(a.status()).as(a.body()).isEqualTo(200);
		otherProposal = county
			.post("/api/v1/proposals",
					Api.json(
							Map.of("title", "他乡建议", "content", "内容", "leadDeputyId", otherDeputy, "period", "SESSION")))
			.id();
	}

	private static long dutyDay(Api county, long station) {
		Api.Response r = county.post("/api/v1/stations/" + station + "/duty-plan",
				Api.json(Map.of("year", 2034, "month", 3, "days", List.of("2034-03-08"))));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("items").get(0).get("id").asLong();
	}

	private static long first(Api.Response r) {
		return r.json().get("items").get(0).get("id").asLong();
	}

	/** One endpoint and the status each role must get (in ROLES order). */
	private record Case(String method, String path, String body, int... expected) {
	}

	private static String n(String prefix) {
		return prefix + System.nanoTime() % 100_000_000 + "_" + SEQ.incrementAndGet();
	}

	private List<Case> cases() {
		List<Case> c = new ArrayList<>();
		// reads: county | township | liaison | deputy | department
		c.add(new Case("GET", "/api/v1/me", null, 200, 200, 200, 200, 200));
		c.add(new Case("GET", "/api/v1/categories", null, 200, 200, 200, 200, 200));
		c.add(new Case("GET", "/api/v1/townships", null, 200, 200, 200, 403, 403));
		c.add(new Case("GET", "/api/v1/townships/" + own, null, 200, 200, 200, 403, 403));
		c.add(new Case("GET", "/api/v1/townships/" + other, null, 200, 403, 403, 403, 403));
		c.add(new Case("GET", "/api/v1/villages/" + otherVillage, null, 200, 403, 403, 403, 403));
		c.add(new Case("GET", "/api/v1/stations", null, 200, 200, 200, 403, 403));
		c.add(new Case("GET", "/api/v1/stations/" + ownStation, null, 200, 200, 200, 403, 403));
		c.add(new Case("GET", "/api/v1/stations/" + otherStation, null, 200, 403, 403, 403, 403));
		c.add(new Case("GET", "/api/v1/deputies/" + ownDeputy, null, 200, 200, 200, 200, 403));
		c.add(new Case("GET", "/api/v1/deputies/" + otherDeputy, null, 200, 403, 403, 403, 403));
		c.add(new Case("GET", "/api/v1/deputies/" + ownDeputy + "/phone", null, 200, 200, 403, 403, 403));
		c.add(new Case("GET", "/api/v1/deputies/" + otherDeputy + "/phone", null, 200, 403, 403, 403, 403));
		c.add(new Case("GET", "/api/v1/departments/" + ownDepartment, null, 200, 200, 200, 403, 200));
		c.add(new Case("GET", "/api/v1/departments/" + otherDepartment, null, 200, 403, 403, 403, 403));
		c.add(new Case("GET", "/api/v1/users", null, 200, 200, 403, 403, 403));
		c.add(new Case("GET", "/api/v1/audit", null, 200, 403, 403, 403, 403));
		c.add(new Case("GET", "/api/v1/stations/export.xlsx", null, 200, 200, 200, 403, 403));
		// writes
		c.add(new Case("POST", "/api/v1/townships", Api.json(Map.of("name", n("镇"), "code", n("S"))), 201, 403, 403,
				403, 403));
		c.add(new Case("POST", "/api/v1/villages", Api.json(Map.of("townshipId", own, "name", "%s")), 201, 201, 403,
				403, 403));
		c.add(new Case("POST", "/api/v1/villages", Api.json(Map.of("townshipId", other, "name", "%s")), 201, 403, 403,
				403, 403));
		c.add(new Case("POST", "/api/v1/stations", Api.json(Map.of("townshipId", own, "name", "%s", "address", "某地")),
				201, 201, 403, 403, 403));
		c.add(new Case("POST", "/api/v1/stations", Api.json(Map.of("townshipId", other, "name", "%s", "address", "某地")),
				201, 403, 403, 403, 403));
		// a stale version: allowed roles reach the version check (409); the others are
		// stopped before it
		c.add(new Case("PUT", "/api/v1/stations/" + otherStation,
				Api.json(Map.of("townshipId", other, "name", "改名", "address", "某地", "version", 9999)), 409, 403, 403,
				403, 403));
		c.add(new Case("PUT", "/api/v1/townships/" + other,
				Api.json(Map.of("name", "改名", "code", "ZZ", "version", 9999)), 409, 403, 403, 403, 403));
		c.add(new Case("POST", "/api/v1/deputies",
				Api.json(Map.of("name", "%s", "levels", List.of("TOWNSHIP"), "stationIds", List.of(ownStation))), 201,
				201, 403, 403, 403));
		c.add(new Case("POST", "/api/v1/deputies",
				Api.json(Map.of("name", "%s", "levels", List.of("TOWNSHIP"), "stationIds", List.of(otherStation))), 201,
				403, 403, 403, 403));
		c.add(new Case("POST", "/api/v1/departments",
				Api.json(Map.of("name", "%s", "tier", "VILLAGE", "townshipId", other)), 201, 403, 403, 403, 403));
		c.add(new Case("POST", "/api/v1/departments",
				Api.json(Map.of("name", "%s", "tier", "VILLAGE", "townshipId", own)), 201, 201, 403, 403, 403));
		c.add(new Case("POST", "/api/v1/departments", Api.json(Map.of("name", "%s", "tier", "COUNTY")), 201, 403, 403,
				403, 403));
		c.add(new Case("POST", "/api/v1/categories",
				Api.json(Map.of("code", "%S", "nameZh", "新类", "nameEn", "New", "dueWorkingDays", 15)), 201, 403, 403,
				403, 403));
		c.add(new Case("POST", "/api/v1/users", Api.json(Map.of("username", "%s", "password", "Start#2026xy",
				"displayName", "某", "role", "TOWNSHIP_ADMIN", "townshipId", other)), 201, 403, 403, 403, 403));
		c.add(new Case("POST", "/api/v1/users", Api.json(Map.of("username", "%s", "password", "Start#2026xy",
				"displayName", "某", "role", "TOWNSHIP_ADMIN", "townshipId", own)), 201, 201, 403, 403, 403));
		// opinions: scope by township, by department, by deputy
		c.add(new Case("GET", "/api/v1/opinions", null, 200, 200, 200, 200, 200));
		c.add(new Case("GET", "/api/v1/opinions/export.xlsx", null, 200, 200, 200, 200, 200));
		c.add(new Case("GET", "/api/v1/opinions/" + ownOpinion, null, 200, 200, 200, 403, 403));
		c.add(new Case("GET", "/api/v1/opinions/" + otherOpinion, null, 200, 403, 403, 403, 403));
		c.add(new Case("GET", "/api/v1/opinions/" + ownAssigned, null, 200, 200, 200, 403, 200));
		c.add(new Case("GET", "/api/v1/opinions/" + ownOpinion + "/phone", null, 200, 200, 200, 403, 403));
		c.add(new Case("GET", "/api/v1/opinions/" + otherOpinion + "/phone", null, 200, 403, 403, 403, 403));
		c.add(new Case("GET", "/api/v1/opinions/" + ownOpinion + "/duplicates", null, 200, 200, 200, 403, 403));
		c.add(new Case("GET", "/api/v1/routing-rules", null, 200, 200, 403, 403, 403));
		// an action in the wrong status: who may see the opinion learns 409, the others
		// are stopped at 403
		c.add(new Case("POST", "/api/v1/opinions/" + ownOpinion + "/accept", "{}", 409, 409, 409, 403, 403));
		c.add(new Case("POST", "/api/v1/opinions/" + otherOpinion + "/escalate", Api.json(Map.of("note", "督办")), 409,
				403, 403, 403, 403));
		c.add(new Case("POST", "/api/v1/opinions",
				Api.json(Map.of("source", "RECEPTION", "stationId", ownStation, "content", "%s")), 201, 201, 201, 201,
				403));
		// a deputy registers at its own stations' townships only
		c.add(new Case("POST", "/api/v1/opinions",
				Api.json(Map.of("source", "RECEPTION", "stationId", otherStation, "content", "%s")), 201, 403, 403, 403,
				403));
		c.add(new Case("POST", "/api/v1/opinions",
				Api.json(Map.of("source", "RECEPTION", "villageId", otherVillage, "content", "%s")), 201, 403, 403, 403,
				403));
		// on the spot (现场答复) is for whoever registered it: allowed roles reach the
		// missing answer (400)
		c.add(new Case("POST", "/api/v1/opinions/" + ownByTownship + "/close", Api.json(Map.of("outcome", "RESOLVED")),
				400, 400, 403, 403, 403));
		// a follow-up rating (回访) is the township's or the county's: allowed roles reach
		// the missing rating (400)
		c.add(new Case("POST", "/api/v1/opinions/" + ownReplied + "/feedback", "{}", 400, 400, 403, 403, 403));
		c.add(new Case("POST", "/api/v1/routing-rules",
				Api.json(Map.of("categoryCode", "OTHER", "tier", "COUNTY", "departmentId", 99_999_999)), 400, 403, 403,
				403, 403));
		// activities: staff in their township, a deputy its own, department handlers none
		String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
		c.add(new Case("GET", "/api/v1/activities", null, 200, 200, 200, 200, 403));
		c.add(new Case("GET", "/api/v1/activities/" + ownReport, null, 200, 200, 200, 200, 403));
		c.add(new Case("GET", "/api/v1/activities/" + ownRecorded, null, 200, 200, 200, 200, 403));
		c.add(new Case("GET", "/api/v1/activities/" + otherActivity, null, 200, 403, 403, 403, 403));
		c.add(new Case("POST", "/api/v1/activities", Api.json(Map.of("type", "STUDY", "date", today, "stationId",
				ownStation, "deputyIds", List.of(ownDeputy), "title", "%s")), 201, 201, 201, 201, 403));
		c.add(new Case("POST", "/api/v1/activities", Api.json(Map.of("type", "STUDY", "date", today, "stationId",
				otherStation, "deputyIds", List.of(otherDeputy), "title", "%s")), 201, 403, 403, 201, 403));
		// a review with a stale version: reviewers in scope reach the version check
		// (409),
		// the deputy (its own report) and the others are stopped before it
		c.add(new Case("POST", "/api/v1/activities/" + ownReport + "/approve", Api.json(Map.of("version", 9999)), 409,
				409, 409, 403, 403));
		c.add(new Case("POST", "/api/v1/activities/" + ownReport + "/reject",
				Api.json(Map.of("reason", "范围", "version", 9999)), 409, 409, 409, 403, 403));
		// the county recorded it itself: nobody reviews what they created
		c.add(new Case("POST", "/api/v1/activities/" + otherActivity + "/approve", "{}", 403, 403, 403, 403, 403));
		c.add(new Case("POST", "/api/v1/activities/" + otherActivity + "/withdraw", Api.json(Map.of("version", 9999)),
				409, 403, 403, 403, 403));
		c.add(new Case("POST", "/api/v1/activities/" + ownRecorded + "/withdraw", Api.json(Map.of("version", 9999)),
				409, 409, 409, 403, 403));
		c.add(new Case("PUT", "/api/v1/activities/" + ownReport,
				Api.json(Map.of("type", "VISIT", "date", today, "title", "改", "version", 9999)), 403, 403, 403, 409,
				403));
		c.add(new Case("POST", "/api/v1/activities/approve", Api.json(Map.of("ids", List.of(otherActivity))), 200, 200,
				200, 403, 403));
		// calendar and notifications
		c.add(new Case("GET", "/api/v1/calendar/2026", null, 200, 200, 200, 200, 200));
		c.add(new Case("PUT", "/api/v1/calendar/days/2031-05-06", Api.json(Map.of("kind", "HOLIDAY", "name", "范围测试")),
				200, 403, 403, 403, 403));
		c.add(new Case("GET", "/api/v1/inbox", null, 200, 200, 200, 200, 200));
		c.add(new Case("GET", "/api/v1/admin/outbox", null, 200, 403, 403, 403, 403));
		// poverty-aid pairings and the "三个一"
		c.add(new Case("GET", "/api/v1/poverty-households", null, 200, 200, 200, 200, 403));
		c.add(new Case("GET", "/api/v1/poverty-households/" + ownHousehold, null, 200, 200, 200, 200, 403));
		c.add(new Case("GET", "/api/v1/poverty-households/" + otherHousehold, null, 200, 403, 403, 403, 403));
		c.add(new Case("POST", "/api/v1/poverty-households", Api.json(
				Map.of("name", "%s", "villageId", first(api.get("county").get("/api/v1/villages?townshipId=" + own)))),
				201, 201, 201, 403, 403));
		c.add(new Case("POST", "/api/v1/poverty-households", Api.json(Map.of("name", "%s", "villageId", otherVillage)),
				201, 403, 403, 403, 403));
		// a stale version: allowed roles reach the version check (409)
		c.add(new Case("PUT", "/api/v1/poverty-households/" + ownHousehold,
				Api.json(Map.of("name", "范围户", "version", 9999)), 409, 409, 409, 403, 403));
		c.add(new Case("PUT", "/api/v1/poverty-households/" + otherHousehold,
				Api.json(Map.of("name", "他乡户", "version", 9999)), 409, 403, 403, 403, 403));
		// the deputy is paired already: allowed roles reach the duplicate (409)
		c.add(new Case("POST", "/api/v1/poverty-households/" + ownHousehold + "/pairings",
				Api.json(Map.of("deputyIds", List.of(ownDeputy))), 409, 409, 409, 403, 403));
		c.add(new Case("POST", "/api/v1/poverty-households/" + otherHousehold + "/pairings",
				Api.json(Map.of("deputyIds", List.of(otherDeputy))), 201, 403, 403, 403, 403));
		c.add(new Case("POST", "/api/v1/poverty-households/" + ownHousehold + "/pairings/" + ownPairing + "/end",
				Api.json(Map.of("version", 9999)), 409, 409, 409, 403, 403));
		// help without a title: allowed roles reach the check (400)
		c.add(new Case("POST", "/api/v1/poverty-households/" + ownHousehold + "/help",
				Api.json(Map.of("deputyIds", List.of(ownDeputy))), 400, 400, 400, 403, 403));
		c.add(new Case("POST", "/api/v1/poverty-households/" + otherHousehold + "/help",
				Api.json(Map.of("deputyIds", List.of(otherDeputy))), 400, 403, 403, 403, 403));
		c.add(new Case("GET", "/api/v1/deputies/" + ownDeputy + "/obligations", null, 200, 200, 200, 200, 403));
		c.add(new Case("GET", "/api/v1/deputies/" + otherDeputy + "/obligations", null, 200, 403, 403, 403, 403));
		// performance files and points: the deputy its own, the township admin its
		// township's deputies, the county all; liaison officers and departments nothing
		c.add(new Case("GET", "/api/v1/deputies/" + ownDeputy + "/performance", null, 200, 200, 403, 200, 403));
		c.add(new Case("GET", "/api/v1/deputies/" + otherDeputy + "/performance", null, 200, 403, 403, 403, 403));
		c.add(new Case("GET", "/api/v1/deputies/" + ownDeputy + "/performance.pdf", null, 200, 200, 403, 200, 403));
		c.add(new Case("GET", "/api/v1/deputies/" + otherDeputy + "/performance.pdf", null, 200, 403, 403, 403, 403));
		c.add(new Case("GET", "/api/v1/deputies/" + ownDeputy + "/points", null, 200, 200, 403, 200, 403));
		c.add(new Case("GET", "/api/v1/deputies/" + otherDeputy + "/points", null, 200, 403, 403, 403, 403));
		c.add(new Case("GET", "/api/v1/points/scheme", null, 200, 200, 403, 200, 403));
		c.add(new Case("PUT", "/api/v1/points/scheme", "{}", 400, 403, 403, 403, 403));
		// a township admin gets its own township's table whatever it asks
		c.add(new Case("GET", "/api/v1/points?townshipId=" + other, null, 200, 200, 403, 403, 403));
		// a quarter not begun: allowed roles reach the 400, nothing is written
		c.add(new Case("POST", "/api/v1/points/publications",
				"{\"year\":2099,\"quarter\":1,\"townshipId\":" + other + "}", 400, 400, 403, 403, 403));
		c.add(new Case("GET", "/api/v1/obligations/compliance", null, 200, 200, 200, 403, 403));
		c.add(new Case("GET", "/api/v1/obligations/compliance?townshipId=" + other, null, 200, 403, 403, 403, 403));
		c.add(new Case("GET", "/api/v1/obligations/compliance?stationId=" + otherStation, null, 200, 403, 403, 403,
				403));
		// duty days: staff of the station's township; deputies read their stations' days
		// and their own record; allowed roles reach the bad month (400), the stale
		// version
		// or the day not yet come (409)
		c.add(new Case("GET", "/api/v1/stations/" + ownStation + "/duty-days", null, 200, 200, 200, 200, 403));
		c.add(new Case("GET", "/api/v1/stations/" + otherStation + "/duty-days", null, 200, 403, 403, 403, 403));
		c.add(new Case("GET", "/api/v1/stations/" + ownStation + "/duty-settings", null, 200, 200, 200, 200, 403));
		c.add(new Case("PUT", "/api/v1/stations/" + otherStation + "/duty-settings", "{\"daysPerMonth\":0}", 400, 403,
				403, 403, 403));
		c.add(new Case("POST", "/api/v1/stations/" + ownStation + "/duty-plan", "{\"year\":2034,\"month\":13}", 400,
				400, 400, 403, 403));
		c.add(new Case("POST", "/api/v1/stations/" + otherStation + "/duty-plan", "{\"year\":2034,\"month\":13}", 400,
				403, 403, 403, 403));
		c.add(new Case("GET", "/api/v1/duty-days/" + ownDay, null, 200, 200, 200, 200, 403));
		c.add(new Case("GET", "/api/v1/duty-days/" + otherDay, null, 200, 403, 403, 403, 403));
		c.add(new Case("PUT", "/api/v1/duty-days/" + ownDay, "{\"deputyIds\":[],\"version\":9999}", 409, 409, 409, 403,
				403));
		c.add(new Case("PUT", "/api/v1/duty-days/" + otherDay, "{\"deputyIds\":[],\"version\":9999}", 409, 403, 403,
				403, 403));
		c.add(new Case("POST", "/api/v1/duty-days/" + otherDay + "/publish", "{\"version\":9999}", 409, 403, 403, 403,
				403));
		c.add(new Case("POST", "/api/v1/duty-days/" + otherDay + "/cancel", "{\"version\":9999}", 409, 403, 403, 403,
				403));
		c.add(new Case("POST", "/api/v1/duty-days/" + ownDay + "/reception", "{\"version\":9999}", 409, 409, 409, 403,
				403));
		c.add(new Case("POST", "/api/v1/duty-days/" + otherDay + "/reception", "{\"version\":9999}", 409, 403, 403, 403,
				403));
		c.add(new Case("POST", "/api/v1/duty-days/" + otherDay + "/swaps", "{\"toDeputyId\":1}", 400, 403, 403, 403,
				403));
		c.add(new Case("GET", "/api/v1/duty-swaps", null, 200, 200, 200, 200, 403));
		c.add(new Case("GET", "/api/v1/deputies/" + ownDeputy + "/duty-days", null, 200, 200, 200, 200, 403));
		c.add(new Case("GET", "/api/v1/deputies/" + otherDeputy + "/duty-days", null, 200, 403, 403, 403, 403));
		c.add(new Case("GET", "/api/v1/deputies/" + otherDeputy + "/unavailability", null, 200, 403, 403, 403, 403));
		c.add(new Case("POST", "/api/v1/deputies/" + ownDeputy + "/unavailability", "{}", 400, 400, 400, 400, 403));
		c.add(new Case("POST", "/api/v1/deputies/" + otherDeputy + "/unavailability", "{}", 400, 403, 403, 403, 403));
		c.add(new Case("POST", "/api/v1/deputies/" + otherDeputy + "/feed-token", "{}", 201, 403, 403, 403, 403));
		// the evaluation of handling units: the county's table, a unit's own row
		c.add(new Case("GET", "/api/v1/assessment/formula", null, 200, 403, 403, 403, 200));
		c.add(new Case("PUT", "/api/v1/assessment/formula", "{}", 400, 403, 403, 403, 403));
		c.add(new Case("GET", "/api/v1/assessment/units", null, 200, 403, 403, 403, 200));
		c.add(new Case("GET", "/api/v1/assessment/units/" + ownDepartment, null, 200, 403, 403, 403, 200));
		c.add(new Case("GET", "/api/v1/assessment/units/" + otherDepartment, null, 200, 403, 403, 403, 403));
		c.add(new Case("GET", "/api/v1/assessment/units.xlsx", null, 200, 403, 403, 403, 200));
		// proposals: county all; township its deputies' (read only); liaison nothing
		// (403,
		// the list too); a deputy those it leads or co-signs; a unit those assigned to
		// it.
		// An action in the wrong status: who may see the proposal learns 409, the others
		// are stopped at 403; the one who takes a step reaches its input check (400) or
		// the version check (409)
		String pr = "/api/v1/proposals/";
		c.add(new Case("GET", "/api/v1/proposals", null, 200, 200, 403, 200, 200));
		c.add(new Case("GET", "/api/v1/proposals?overdue=true&keySupervised=true&status=ASSIGNED", null, 200, 200, 403,
				200, 200));
		c.add(new Case("GET", pr + ownDraftProposal, null, 200, 200, 403, 200, 403));
		c.add(new Case("GET", pr + ownAssignedProposal, null, 200, 200, 403, 200, 200));
		c.add(new Case("GET", pr + otherProposal, null, 200, 403, 403, 403, 403));
		c.add(new Case("GET", pr + ownAssignedProposal + "/attachments/99999999", null, 404, 404, 403, 404, 404));
		c.add(new Case("POST", "/api/v1/proposals",
				Api.json(Map.of("title", "%s", "content", "内容", "leadDeputyId", ownDeputy, "period", "SESSION")), 201,
				403, 403, 201, 403));
		c.add(new Case("PUT", pr + ownDraftProposal,
				Api.json(Map.of("title", "改", "content", "改", "period", "SESSION", "version", 9999)), 403, 403, 403,
				409, 403));
		c.add(new Case("POST", pr + ownDraftProposal + "/withdraw", "{\"version\":9999}", 403, 403, 403, 409, 403));
		c.add(new Case("POST", pr + ownDraftProposal + "/submit", "{\"version\":9999}", 403, 403, 403, 409, 403));
		c.add(new Case("POST", pr + ownDraftProposal + "/co-sign", "{\"confirm\":true}", 403, 403, 403, 403, 403));
		c.add(new Case("POST", pr + otherProposal + "/refuse", Api.json(Map.of("reason", "不予立案")), 409, 403, 403, 403,
				403));
		c.add(new Case("POST", pr + ownAssignedProposal + "/register", "{}", 409, 409, 403, 409, 409));
		c.add(new Case("POST", pr + ownAssignedProposal + "/assign",
				Api.json(Map.of("leadDepartmentId", ownDepartment, "version", 9999)), 409, 409, 403, 409, 409));
		c.add(new Case("POST", pr + ownAssignedProposal + "/supervise",
				Api.json(Map.of("keySupervised", false, "note", "范围")), 200, 403, 403, 403, 403));
		c.add(new Case("POST", pr + ownAssignedProposal + "/extension", Api.json(Map.of("reason", " ")), 403, 403, 403,
				403, 400));
		c.add(new Case("POST", pr + ownAssignedProposal + "/extension/decision", "{\"approve\":true}", 409, 409, 403,
				409, 409));
		c.add(new Case("POST", pr + ownAssignedProposal + "/co-unit-input", Api.json(Map.of("input", "意见")), 403, 403,
				403, 403, 403));
		c.add(new Case("POST", pr + ownAssignedProposal + "/reply",
				Api.json(Map.of("content", " ", "resultClass", "A")), 403, 403, 403, 403, 400));
		c.add(new Case("POST", pr + ownAssignedProposal + "/evaluate", Api.json(Map.of("satisfaction", "SATISFIED")),
				409, 409, 403, 409, 409));
		c.add(new Case("POST", pr + ownAssignedProposal + "/close", "{}", 409, 409, 403, 409, 409));
		c.add(new Case("GET", "/api/v1/proposal-result-classes", null, 200, 200, 403, 200, 200));
		c.add(new Case("PUT", "/api/v1/proposal-result-classes", "[]", 400, 403, 403, 403, 403));
		c.add(new Case("GET", "/api/v1/public/proposals", null, 200, 200, 200, 200, 200));
		return c;
	}

	@TestFactory
	Stream<DynamicTest> everyEndpointWithEveryRole() {
		return cases().stream().flatMap(c -> IntStream.range(0, ROLES.size()).mapToObj(i -> {
			String role = ROLES.get(i);
			return DynamicTest.dynamicTest(role + " " + c.method() + " " + c.path() + " → " + c.expected()[i], () -> {
				String body = c.body() == null ? null
						: c.body()
							.replace("%s", "n" + SEQ.incrementAndGet() + "x" + System.nanoTime() % 1_000_000)
							.replace("%S", "C" + SEQ.incrementAndGet() + "_" + System.nanoTime() % 1_000_000);
				Api a = api.get(role);
				Api.Response r = switch (c.method()) {
					case "GET" -> a.get(c.path());
					case "POST" -> a.post(c.path(), body);
					case "PUT" -> a.put(c.path(), body);
					default -> throw new IllegalArgumentException(c.method());
				};
				assertThat(r.status()).as("%s %s %s: %s", role, c.method(), c.path(), r.body())
					.isEqualTo(c.expected()[i]);
				if (r.status() == 403) {
					assertThat(r.contentType()).startsWith("application/problem+json");
				}
			});
		}));
	}

	@Test
	void aTownshipScopedListNeverShowsAnotherTownshipWhateverItAsks() {
		for (String role : List.of("township", "liaison")) {
			for (String path : List.of("/api/v1/stations?townshipId=" + other, "/api/v1/villages?townshipId=" + other,
					"/api/v1/townships?limit=500", "/api/v1/stations?limit=500")) {
				JsonNode items = api.get(role).get(path).json().get("items");
				assertThat(items.size()).as(role + " " + path).isGreaterThan(0);
				items.forEach(i -> assertThat(i.has("townshipId") ? i.get("townshipId").asLong() : i.get("id").asLong())
					.as(role + " " + path)
					.isEqualTo(own));
			}
			assertThat(api.get(role)
				.get("/api/v1/deputies?townshipId=" + other + "&limit=500")
				.json()
				.get("items")
				.toString()).doesNotContain("\"id\":" + otherDeputy + ",");
		}
	}

}
