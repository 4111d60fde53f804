package cn.deputylink.assessment;

import static cn.deputylink.assessment.AssessmentFixtures.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import cn.deputylink.support.Api;
import cn.deputylink.support.FormSession;
import cn.deputylink.support.IntegrationTest;

/**
 * The year's table from work done through the opinion and proposal APIs: the exact
 * counts, rates, scores and grades; a new formula changes them; bad formulas are refused;
 * a department handler sees only its own row.
 */
@IntegrationTest
class UnitAssessmentIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	AssessmentFixtures f;

	@BeforeEach
	void setUp() {
		f = new AssessmentFixtures(port, jdbc);
		f.work();
	}

	@Test
	void theTableCountsTheUnitsWorkAndScoresIt() {
		JsonNode a = f.row(f.county, f.unitA);
		assertThat(a.get("proposalsLed").asInt()).isEqualTo(2);
		assertThat(a.get("proposalsCo").asInt()).isZero();
		assertThat(a.get("proposalsOnTime").asInt()).isEqualTo(1);
		assertThat(a.get("proposalsLate").asInt()).isEqualTo(1);
		assertThat(a.get("proposalsOpenOverdue").asInt()).isZero();
		assertThat(a.get("proposalsReplied").asInt()).isEqualTo(2);
		assertThat(a.get("proposalsFavourable").asInt()).isEqualTo(1);
		assertThat(a.get("evaluationsSatisfied").asInt()).isEqualTo(1);
		assertThat(a.get("evaluationsBasicallySatisfied").asInt()).isEqualTo(1);
		assertThat(a.get("evaluationsUnsatisfied").asInt()).isZero();
		assertThat(a.get("opinionsAssigned").asInt()).isEqualTo(3);
		assertThat(a.get("opinionsOnTime").asInt()).isEqualTo(1);
		assertThat(a.get("opinionsLate").asInt()).isEqualTo(1);
		assertThat(a.get("opinionsOpenOverdue").asInt()).isEqualTo(1);
		assertThat(a.get("ratingsSatisfied").asInt()).isEqualTo(1);
		assertThat(a.get("ratingsBasicallySatisfied").asInt()).isEqualTo(1);
		assertThat(a.get("opinionsClosed").asInt()).isEqualTo(2);
		assertThat(a.get("opinionsResolved").asInt()).isEqualTo(1);
		assertThat(a.get("proposalTimelinessRate").asDouble()).isEqualTo(50.0);
		assertThat(a.get("proposalFavourableRate").asDouble()).isEqualTo(50.0);
		assertThat(a.get("proposalSatisfactionRate").asDouble()).isEqualTo(90.0);
		assertThat(a.get("opinionTimelinessRate").asDouble()).isEqualTo(33.3);
		assertThat(a.get("opinionSatisfactionRate").asDouble()).isEqualTo(90.0);
		assertThat(a.get("opinionResolvedRate").asDouble()).isEqualTo(50.0);
		// with the formula in force, from the exact shares
		JsonNode formula = ok(f.county.get("/api/v1/assessment/formula"));
		double expected = expectedScoreOfA(formula);
		assertThat(a.get("score").asDouble()).isEqualTo(expected);
		assertThat(a.get("grade").asString()).isEqualTo(expected >= formula.get("excellentMark").asDouble()
				? "EXCELLENT" : expected >= formula.get("passMark").asDouble() ? "PASS" : "FAIL");
		// unit B: one co-handled proposal with its input in time, nothing else: 100
		JsonNode b = f.row(f.county, f.unitB);
		assertThat(b.get("proposalsCo").asInt()).isEqualTo(1);
		assertThat(b.get("proposalsOnTime").asInt()).isEqualTo(1);
		assertThat(b.get("proposalsReplied").asInt()).isZero();
		assertThat(b.get("opinionsAssigned").asInt()).isZero();
		assertThat(b.get("proposalFavourableRate").isNull()).isTrue();
		assertThat(b.get("score").asDouble()).isEqualTo(100.0);
		assertThat(b.get("grade").asString()).isEqualTo("EXCELLENT");
		// sorted by score
		JsonNode items = ok(f.county.get("/api/v1/assessment/units?year=" + f.year)).get("items");
		double previous = Double.MAX_VALUE;
		for (JsonNode r : items) {
			if (!r.get("score").isNull()) {
				assertThat(r.get("score").asDouble()).isLessThanOrEqualTo(previous);
				previous = r.get("score").asDouble();
			}
		}
		// the breakdown: the items behind the row
		JsonNode breakdown = ok(f.county.get("/api/v1/assessment/units/" + f.unitA + "?year=" + f.year));
		assertThat(breakdown.get("proposals").valueStream().map(p -> p.get("timeliness").asString()))
			.containsExactlyInAnyOrder("ON_TIME", "LATE");
		assertThat(breakdown.get("opinions").valueStream().map(p -> p.get("timeliness").asString()))
			.containsExactlyInAnyOrder("ON_TIME", "LATE", "OPEN_OVERDUE");
		assertThat(breakdown.get("row").get("score").asDouble()).isEqualTo(expected);
		// a year without work: no row
		assertThat(ok(f.county.get("/api/v1/assessment/units?year=2001")).get("items").size()).isZero();
		assertThat(f.county.get("/api/v1/assessment/units?year=1999").status()).isEqualTo(400);
	}

	/** Unit A's shares: 1/2, 1/2, (1 + f)/2, 1/3, (1 + f)/2, 1/2. */
	static double expectedScoreOfA(JsonNode formula) {
		double factor = formula.get("basicallyFactor").asDouble();
		double[] w = { formula.get("proposalTimeliness").asDouble(), formula.get("proposalFavourable").asDouble(),
				formula.get("proposalSatisfaction").asDouble(), formula.get("opinionTimeliness").asDouble(),
				formula.get("opinionSatisfaction").asDouble(), formula.get("opinionResolved").asDouble() };
		double[] rate = { 0.5, 0.5, (1 + factor) / 2, 1.0 / 3, (1 + factor) / 2, 0.5 };
		double sum = 0;
		double total = 0;
		for (int i = 0; i < w.length; i++) {
			sum += w[i];
			total += w[i] * rate[i];
		}
		return Math.round(1000 * total / sum) / 10.0;
	}

	@Test
	void aNewFormulaChangesTheScoresAndBadOnesAreRefused() {
		JsonNode before = ok(f.county.get("/api/v1/assessment/formula"));
		int version = before.get("version").asInt();
		try {
			// only timeliness counts, basically satisfied at 0.5, pass 30, excellent 95
			JsonNode saved = ok(f.county.put("/api/v1/assessment/formula",
					Api.json(Map.of("proposalTimeliness", 1, "proposalFavourable", 0, "proposalSatisfaction", 0,
							"opinionTimeliness", 3, "opinionSatisfaction", 0, "opinionResolved", 0, "basicallyFactor",
							0.5, "passMark", 30, "excellentMark", 95, "version", version))));
			assertThat(saved.get("version").asInt()).isEqualTo(version + 1);
			// (1 × 0.5 + 3 × 1/3) / 4 = 37.5
			JsonNode a = f.row(f.county, f.unitA);
			assertThat(a.get("score").asDouble()).isEqualTo(37.5);
			assertThat(a.get("grade").asString()).isEqualTo("PASS");
			assertThat(a.get("criteria").get(3).get("effectiveWeight").asDouble()).isEqualTo(75.0);
			// unit B has no opinions: its proposal timeliness carries all 100 points
			assertThat(f.row(f.county, f.unitB).get("criteria").get(0).get("effectiveWeight").asDouble())
				.isEqualTo(100.0);
			// the stale version: 409
			assertThat(f.county.put("/api/v1/assessment/formula", formula(20, 20, 20, 20, 20, 0, 80, 90, version))
				.status()).isEqualTo(409);
			// bad values: 400 with the fields, nothing changed
			Api.Response negative = f.county.put("/api/v1/assessment/formula",
					formula(-5, 20, 20, 20, 20, 0, 80, 90, version + 1));
			assertThat(negative.status()).isEqualTo(400);
			assertThat(negative.contentType()).startsWith("application/problem+json");
			assertThat(fields(negative)).containsExactly("proposalTimeliness");
			Api.Response zero = f.county.put("/api/v1/assessment/formula",
					formula(0, 0, 0, 0, 0, 0, 80, 90, version + 1));
			assertThat(zero.status()).isEqualTo(400);
			assertThat(fields(zero)).containsExactly("weights");
			Api.Response order = f.county.put("/api/v1/assessment/formula",
					formula(20, 20, 20, 20, 20, 0, 90, 80, version + 1));
			assertThat(order.status()).isEqualTo(400);
			assertThat(fields(order)).containsExactly("excellentMark");
			assertThat(ok(f.county.get("/api/v1/assessment/formula")).get("version").asInt()).isEqualTo(version + 1);
			// the department handler reads the formula but cannot change it
			assertThat(f.handlerA.get("/api/v1/assessment/formula").status()).isEqualTo(200);
			assertThat(f.handlerA.put("/api/v1/assessment/formula", formula(20, 20, 20, 20, 20, 0, 80, 90, version + 1))
				.status()).isEqualTo(403);
		}
		finally {
			int now = ok(f.county.get("/api/v1/assessment/formula")).get("version").asInt();
			ok(f.county.put("/api/v1/assessment/formula",
					Api.json(Map.of("proposalTimeliness", before.get("proposalTimeliness").asDouble(),
							"proposalFavourable", before.get("proposalFavourable").asDouble(), "proposalSatisfaction",
							before.get("proposalSatisfaction").asDouble(), "opinionTimeliness",
							before.get("opinionTimeliness").asDouble(), "opinionSatisfaction",
							before.get("opinionSatisfaction").asDouble(), "opinionResolved",
							before.get("opinionResolved").asDouble(), "basicallyFactor",
							before.get("basicallyFactor").asDouble(), "passMark", before.get("passMark").asDouble(),
							"excellentMark", before.get("excellentMark").asDouble(), "version", now))));
		}
		assertThat(f.row(f.county, f.unitA).get("score").asDouble())
			.isEqualTo(expectedScoreOfA(ok(f.county.get("/api/v1/assessment/formula"))));
	}

	static String formula(double pt, double pf, double ps, double ot, double os, double or, double pass,
			double excellent, int version) {
		return Api.json(Map.of("proposalTimeliness", pt, "proposalFavourable", pf, "proposalSatisfaction", ps,
				"opinionTimeliness", ot, "opinionSatisfaction", os, "opinionResolved", or, "basicallyFactor", 0.8,
				"passMark", pass, "excellentMark", excellent, "version", version));
	}

	static List<String> fields(Api.Response r) {
		return r.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
	}

	@Test
	void aDepartmentSeesOnlyItsOwnRowAndOthersNothing() throws Exception {
		JsonNode own = ok(f.handlerA.get("/api/v1/assessment/units?year=" + f.year));
		assertThat(own.get("items").size()).isEqualTo(1);
		assertThat(own.get("items").get(0).get("departmentId").asLong()).isEqualTo(f.unitA);
		assertThat(own.get("items").get(0).get("score").asDouble())
			.isEqualTo(f.row(f.county, f.unitA).get("score").asDouble());
		assertThat(f.handlerA.get("/api/v1/assessment/units/" + f.unitA + "?year=" + f.year).status()).isEqualTo(200);
		assertThat(f.handlerA.get("/api/v1/assessment/units/" + f.unitB + "?year=" + f.year).status()).isEqualTo(403);
		for (String user : new String[] { "township", "liaison", "deputy" }) {
			Api api = Api.as(port, user);
			assertThat(api.get("/api/v1/assessment/units").status()).as(user).isEqualTo(403);
			assertThat(api.get("/api/v1/assessment/formula").status()).as(user).isEqualTo(403);
		}
		assertThat(Api.anonymous(port).get("/api/v1/assessment/units").status()).isEqualTo(401);
		assertThat(f.county.get("/api/v1/assessment/units/999999999").status()).isEqualTo(404);
		// the pages: the handler's own row only, the county's whole table
		FormSession handler = new FormSession(port).login(f.handlerAName, AssessmentFixtures.PASSWORD);
		var page = handler.get("/assessment/units?year=" + f.year);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("data-unit=\"" + f.unitA + "\"")
			.doesNotContain("data-unit=\"" + f.unitB + "\"")
			.contains("本单位考核");
		assertThat(handler.get("/assessment/units/" + f.unitA + "?year=" + f.year).statusCode()).isEqualTo(200);
		assertThat(handler.get("/assessment/units/" + f.unitB).statusCode()).isEqualTo(403);
		assertThat(handler.get("/assessment/formula").statusCode()).isEqualTo(403);
		FormSession county = new FormSession(port).login("county");
		var all = county.get("/assessment/units?year=" + f.year);
		assertThat(all.body()).contains("data-unit=\"" + f.unitA + "\"")
			.contains("data-unit=\"" + f.unitB + "\"")
			.contains("承办单位考核");
		var detail = county.get("/assessment/units/" + f.unitA + "?year=" + f.year);
		assertThat(detail.statusCode()).isEqualTo(200);
		assertThat(detail.body()).contains("超期未复").contains("逾期");
		for (String user : new String[] { "township", "liaison", "deputy" }) {
			assertThat(new FormSession(port).login(user).get("/assessment/units").statusCode()).as(user).isEqualTo(403);
		}
	}

	@Test
	void theFormulaPageShowsWhatIsWrong() throws Exception {
		FormSession county = new FormSession(port).login("county");
		var form = county.get("/assessment/formula");
		assertThat(form.statusCode()).isEqualTo(200);
		Matcher version = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(form.body());
		assertThat(version.find()).isTrue();
		Map<String, String> bad = new LinkedHashMap<>();
		bad.put("proposalTimeliness", "-1");
		bad.put("proposalFavourable", "20");
		bad.put("proposalSatisfaction", "20");
		bad.put("opinionTimeliness", "20");
		bad.put("opinionSatisfaction", "20");
		bad.put("opinionResolved", "0");
		bad.put("basicallyFactor", "0.8");
		bad.put("passMark", "90");
		bad.put("excellentMark", "80");
		bad.put("version", version.group(1));
		var refused = county.post("/assessment/formula", bad, true);
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("权重不能为负数").contains("优秀分须高于合格分").contains("value=\"-1\"");
		bad.put("proposalTimeliness", "0");
		bad.put("proposalFavourable", "0");
		bad.put("proposalSatisfaction", "0");
		bad.put("opinionTimeliness", "0");
		bad.put("opinionSatisfaction", "0");
		bad.put("passMark", "80");
		bad.put("excellentMark", "90");
		assertThat(county.post("/assessment/formula", bad, true).body()).contains("各项权重不能全为 0");
		bad.put("proposalTimeliness", "abc");
		assertThat(county.post("/assessment/formula", bad, true).body()).contains("格式不正确");
		assertThat(ok(f.county.get("/api/v1/assessment/formula")).get("version").asInt())
			.isEqualTo(Integer.parseInt(version.group(1)));
	}

}
