package cn.deputylink.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.deputylink.support.Api;
import cn.deputylink.support.FormSession;
import cn.deputylink.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * Every page of the duty days, the activities, the pairing register and the "三个一" with
 * every role, on the caller's own township and on another one: the page where the role
 * and scope allow it, 403 everywhere else — never a 500 or an empty form.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeaturePagesRoleWalkIT {

	private static final List<String> ROLES = List.of("county", "township", "liaison", "deputy", "department");

	@LocalServerPort
	int port;

	private final Map<String, FormSession> sessions = new LinkedHashMap<>();

	private long ownStation;

	private long otherStation;

	private long ownDeputy;

	private long otherDeputy;

	private long ownDay;

	private long otherDay;

	private long ownActivity;

	private long otherActivity;

	private long ownHousehold;

	private long otherHousehold;

	private long ownProposal;

	private long otherProposal;

	private long ownDepartment;

	private long otherDepartment;

	private long ownBriefing;

	private long otherBriefing;

	private long ownTownship;

	private long otherTownship;

	@BeforeAll
	void ids() throws Exception {
		for (String role : ROLES) {
			sessions.put(role, new FormSession(port).login(role));
		}
		Api county = Api.as(port, "county");
		JsonNode liaison = Api.as(port, "liaison").get("/api/v1/me").json();
		long own = liaison.get("townshipId").asLong();
		ownStation = liaison.get("stationId").asLong();
		ownDeputy = Api.as(port, "deputy").get("/api/v1/me").json().get("deputyId").asLong();
		JsonNode other = county.get("/api/v1/stations?limit=500")
			.json()
			.get("items")
			.valueStream()
			.filter(s -> s.get("townshipId").asLong() != own)
			.findFirst()
			.orElseThrow();
		otherStation = other.get("id").asLong();
		ownTownship = own;
		otherTownship = other.get("townshipId").asLong();
		otherDeputy = first(county.get("/api/v1/deputies?stationId=" + otherStation));
		ownDay = first(county.get("/api/v1/stations/" + ownStation + "/duty-days"));
		otherDay = first(county.get("/api/v1/stations/" + otherStation + "/duty-days"));
		ownActivity = first(county.get("/api/v1/activities?deputyId=" + ownDeputy + "&stationId=" + ownStation));
		// other tests may have put the demo deputy on an activity there: one without it
		otherActivity = county.get("/api/v1/activities?limit=500&stationId=" + otherStation)
			.json()
			.get("items")
			.valueStream()
			.filter(a -> a.get("deputyIds").valueStream().noneMatch(d -> d.asLong() == ownDeputy))
			.findFirst()
			.orElseThrow()
			.get("id")
			.asLong();
		ownDepartment = Api.as(port, "department").get("/api/v1/me").json().get("departmentId").asLong();
		otherDepartment = county.get("/api/v1/departments?limit=500")
			.json()
			.get("items")
			.valueStream()
			.filter(d -> d.get("id").asLong() != ownDepartment)
			.findFirst()
			.orElseThrow()
			.get("id")
			.asLong();
		String households = "/api/v1/poverty-households?limit=500";
		List<Long> townships = ids(Api.as(port, "township").get(households));
		List<Long> deputys = ids(Api.as(port, "deputy").get(households));
		ownHousehold = deputys.stream().filter(townships::contains).findFirst().orElseThrow();
		otherHousehold = ids(county.get(households)).stream()
			.filter(id -> !townships.contains(id) && !deputys.contains(id))
			.findFirst()
			.orElseThrow();
		// the demo deputy's proposal with the department's unit; a draft of a deputy of
		// another township, entered by the county
		ownProposal = Api.as(port, "department")
			.get("/api/v1/proposals?status=ASSIGNED&limit=100")
			.json()
			.get("items")
			.valueStream()
			.filter(p -> p.get("leadDeputyId").asLong() == ownDeputy)
			.findFirst()
			.orElseThrow()
			.get("id")
			.asLong();
		var draft = county.post("/api/v1/proposals", Api
			.json(Map.of("title", "另一乡镇代表的建议", "content", "内容", "leadDeputyId", otherDeputy, "period", "RECESS")));
		assertThat(draft.status()).as(draft.body()).isEqualTo(201);
		otherProposal = draft.id();
		// a briefing of the demo township and one of another township, both by the county
		long otherTownship = other.get("townshipId").asLong();
		ownBriefing = county
			.post("/api/v1/briefings", Api.json(Map.of("from", "2019-01-01", "to", "2019-01-31", "townshipId", own)))
			.id();
		otherBriefing = county
			.post("/api/v1/briefings",
					Api.json(Map.of("from", "2019-01-01", "to", "2019-01-31", "townshipId", otherTownship)))
			.id();
	}

	private static List<Long> ids(Api.Response r) {
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json().get("items").valueStream().map(h -> h.get("id").asLong()).toList();
	}

	private static long first(Api.Response r) {
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		JsonNode items = r.json().has("items") ? r.json().get("items") : r.json();
		assertThat(items.size()).as(r.body()).isPositive();
		return items.get(0).get("id").asLong();
	}

	/** A page and the status each role must get (in ROLES order). */
	private record Case(String path, int... expected) {
	}

	private List<Case> cases() {
		List<Case> c = new ArrayList<>();
		// duty days
		c.add(new Case("/duty/stations/" + ownStation, 200, 200, 200, 200, 403));
		c.add(new Case("/duty/stations/" + otherStation, 200, 403, 403, 403, 403));
		c.add(new Case("/duty/days/" + ownDay, 200, 200, 200, 200, 403));
		c.add(new Case("/duty/days/" + otherDay, 200, 403, 403, 403, 403));
		c.add(new Case("/duty/me", 403, 403, 403, 200, 403));
		// activities
		c.add(new Case("/activities", 200, 200, 200, 200, 403));
		c.add(new Case("/activities/new", 200, 200, 200, 200, 403));
		c.add(new Case("/activities/review", 200, 200, 200, 403, 403));
		c.add(new Case("/activities/" + ownActivity, 200, 200, 200, 200, 403));
		c.add(new Case("/activities/" + otherActivity, 200, 403, 403, 403, 403));
		// the pairing register
		c.add(new Case("/households", 200, 200, 200, 200, 403));
		c.add(new Case("/households/new", 200, 200, 200, 403, 403));
		c.add(new Case("/households/" + ownHousehold, 200, 200, 200, 200, 403));
		c.add(new Case("/households/" + otherHousehold, 200, 403, 403, 403, 403));
		c.add(new Case("/households/" + ownHousehold + "/edit", 200, 200, 200, 403, 403));
		c.add(new Case("/households/" + ownHousehold + "/help", 200, 200, 200, 403, 403));
		// the "三个一"
		c.add(new Case("/obligations/me", 403, 403, 403, 200, 403));
		c.add(new Case("/obligations/compliance", 200, 200, 200, 403, 403));
		c.add(new Case("/obligations/deputies/" + ownDeputy, 200, 200, 200, 200, 403));
		c.add(new Case("/obligations/deputies/" + otherDeputy, 200, 403, 403, 403, 403));
		// deputies' proposals: liaison officers have no part in them; drafting is the
		// deputy's or the county's (代录入); the result classes are the county's
		c.add(new Case("/proposals", 200, 200, 403, 200, 200));
		c.add(new Case("/proposals?overdue=true&keySupervised=true&year=2026&status=ASSIGNED&q=x", 200, 200, 403, 200,
				200));
		c.add(new Case("/proposals/new", 200, 403, 403, 200, 403));
		c.add(new Case("/admin/proposal-result-classes", 200, 403, 403, 403, 403));
		c.add(new Case("/public/proposals", 200, 200, 200, 200, 200));
		c.add(new Case("/proposals/" + ownProposal, 200, 200, 403, 200, 200));
		c.add(new Case("/proposals/" + otherProposal, 200, 403, 403, 403, 403));
		c.add(new Case("/proposals/999999999", 404, 404, 403, 404, 404));
		// the evaluation of handling units
		c.add(new Case("/assessment/units", 200, 403, 403, 403, 200));
		c.add(new Case("/assessment/units?year=2025", 200, 403, 403, 403, 200));
		c.add(new Case("/assessment/units/" + ownDepartment, 200, 403, 403, 403, 200));
		c.add(new Case("/assessment/units/" + otherDepartment, 200, 403, 403, 403, 403));
		c.add(new Case("/assessment/formula", 200, 403, 403, 403, 403));
		// statistics: every role but the department handler, each in its scope
		c.add(new Case("/statistics", 200, 200, 200, 200, 403));
		c.add(new Case("/statistics?quick=all", 200, 200, 200, 200, 403));
		c.add(new Case("/statistics/opinions?figure=OPINIONS&quick=all", 200, 200, 200, 200, 403));
		c.add(new Case("/statistics/activities?figure=ACTIVITIES", 200, 200, 200, 200, 403));
		c.add(new Case("/statistics/opinions?figure=NOPE", 400, 400, 400, 400, 403));
		// performance files and points
		c.add(new Case("/ledgers", 200, 200, 200, 403, 403));
		c.add(new Case("/ledgers?quick=lastYear&stationId=" + ownStation, 200, 200, 200, 403, 403));
		c.add(new Case("/ledgers?stationId=" + otherStation + "&quick=thisYear", 200, 403, 403, 403, 403));
		c.add(new Case("/ledgers?stationId=" + ownStation + "&from=2026-03-01&to=2026-01-01", 200, 200, 200, 403, 403));
		// the briefings: county and township admins, a township admin its own township's
		c.add(new Case("/briefings", 200, 200, 403, 403, 403));
		c.add(new Case("/briefings/" + ownBriefing, 200, 200, 403, 403, 403));
		c.add(new Case("/briefings/" + otherBriefing, 200, 403, 403, 403, 403));
		c.add(new Case("/briefings/999999999", 404, 404, 403, 403, 403));
		c.add(new Case("/performance", 403, 403, 403, 200, 403));
		c.add(new Case("/deputies/" + ownDeputy + "/performance", 200, 200, 403, 200, 403));
		c.add(new Case("/deputies/" + otherDeputy + "/performance", 200, 403, 403, 403, 403));
		c.add(new Case("/points", 200, 200, 403, 200, 403));
		c.add(new Case("/points/scheme", 200, 200, 403, 200, 403));
		// station standards: the liaison reads its own station; inspections by admins
		c.add(new Case("/standards", 200, 200, 200, 403, 403));
		c.add(new Case("/standards?group=THREE_IMPLEMENTS", 200, 200, 200, 403, 403));
		c.add(new Case("/standards/stations/" + ownStation, 200, 200, 200, 403, 403));
		c.add(new Case("/standards/stations/" + otherStation, 200, 403, 403, 403, 403));
		c.add(new Case("/standards/stations/999999999", 404, 404, 404, 403, 403));
		c.add(new Case("/standards/items", 200, 403, 403, 403, 403));
		c.add(new Case("/standards/inspections/new?stationId=" + ownStation, 200, 200, 403, 403, 403));
		c.add(new Case("/standards/inspections/new?stationId=" + otherStation, 200, 403, 403, 403, 403));
		// funding: county admins all townships, a township admin its own
		c.add(new Case("/funding", 200, 200, 403, 403, 403));
		c.add(new Case("/funding?year=2025", 200, 200, 403, 403, 403));
		c.add(new Case("/funding/townships/" + ownTownship, 200, 200, 403, 403, 403));
		c.add(new Case("/funding/townships/" + otherTownship, 200, 403, 403, 403, 403));
		c.add(new Case("/funding/townships/999999999", 404, 403, 403, 403, 403));
		c.add(new Case("/funding?year=1999", 400, 400, 403, 403, 403));
		// the public's station pages, signed in or not
		c.add(new Case("/public/stations", 200, 200, 200, 200, 200));
		c.add(new Case("/public/stations/" + otherStation, 200, 200, 200, 200, 200));
		return c;
	}

	@TestFactory
	Stream<DynamicTest> signedOutStaffPagesLeadToTheLogin() {
		return Stream.of("/proposals", "/proposals/new", "/admin/proposal-result-classes")
			.map(path -> DynamicTest.dynamicTest("public GET " + path + " → login", () -> {
				var r = new FormSession(port).get(path);
				assertThat(r.statusCode()).as(path).isEqualTo(302);
				assertThat(r.headers().firstValue("Location").orElseThrow()).as(path).endsWith("/login");
			}));
	}

	@TestFactory
	Stream<DynamicTest> everyPageWithEveryRole() {
		return cases().stream().flatMap(c -> ROLES.stream().map(role -> {
			int expected = c.expected()[ROLES.indexOf(role)];
			return DynamicTest.dynamicTest(role + " GET " + c.path() + " → " + expected, () -> {
				var r = sessions.get(role).get(c.path());
				assertThat(r.statusCode()).as(role + " " + c.path()).isEqualTo(expected);
				if (expected == 200) {
					assertThat(r.body()).as(role + " " + c.path()).contains("<main").doesNotContain("null</");
				}
			});
		}));
	}

}
