package cn.deputylink.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import tools.jackson.databind.JsonNode;

import cn.deputylink.standards.StationStandards;
import cn.deputylink.statistics.Indicators;
import cn.deputylink.statistics.StatisticsRecords;
import cn.deputylink.statistics.Summary;
import cn.deputylink.support.Api;
import cn.deputylink.support.FormSession;
import cn.deputylink.support.IntegrationTest;

/**
 * The ranking of a year with no duty days and no "三个一" done (2099), the opinion figures
 * from a stubbed statistics module (its bodies come with wt/stats): exact scores, grades
 * by the marks set through the API, shared ranks, the township admin's own row, refusals
 * that change nothing.
 */
@IntegrationTest
class TownshipTargetsIT {

	static final int YEAR = 2099;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TownshipTargets targets;

	@MockitoBean
	StatisticsRecords statistics;

	/** No station up to standard (the demo's inspections are counted in 2099 too). */
	@MockitoBean
	StationStandards standards;

	Api county;

	Api township;

	Api deputy;

	long dongling;

	long qingshi;

	@BeforeEach
	void setUp() {
		county = Api.as(port, "county");
		township = Api.as(port, "township");
		deputy = Api.as(port, "deputy");
		dongling = jdbc.sql("select id from township where name = '东岭镇'").query(Long.class).single();
		qingshi = jdbc.sql("select id from township where name = '青石乡'").query(Long.class).single();
		// 东岭镇: 19 of 20 answered in time (0.95 → 15), 9 of 10 satisfied (0.9 → 15), 3
		// converted (→ 5); 青石乡: 1 of 2 in time (0.5 / 0.95 × 15 = 7.89 → 7.9)
		when(statistics.indicatorsByTownship(any()))
			.thenReturn(Map.of(dongling, indicators(20, 19, 10, 9), qingshi, indicators(2, 1, 0, 0)));
		when(statistics.byTownship(any())).thenReturn(Map.of(dongling, new Summary(0, 0, 0, 0, 0, 3)));
	}

	@AfterEach
	void tearDown() {
		jdbc.sql("delete from target_manual_score where target_year = :y").param("y", YEAR).update();
		jdbc.sql("update target_marks set excellent_mark = 90, pass_mark = 80 where id = 1").update();
	}

	static Indicators indicators(long replied, long inTime, long rated, long satisfied) {
		return new Indicators(replied, 0, 0, replied, inTime, 0, rated, satisfied, null, null, null, null, null);
	}

	static JsonNode ok(Api.Response r) {
		assertThat(r.status()).as(r.body()).isBetween(200, 201);
		return r.json();
	}

	@Test
	void theRankingScoresExactlyAndGradesByTheMarks() {
		JsonNode row = ok(county.put("/api/v1/targets/townships/" + dongling + "/manual/WORK?year=" + YEAR,
				Api.json(Map.of("points", 4.5, "evidence", "“一站一品”特色建设"))));
		// 15 + 15 + 5 + 4.5 = 39.5
		assertThat(row.get("score").decimalValue()).isEqualByComparingTo("39.5");
		JsonNode work = row.get("items")
			.valueStream()
			.filter(i -> i.get("ruleCode").asString().equals("WORK"))
			.findFirst()
			.orElseThrow();
		assertThat(work.get("evidence").asString()).isEqualTo("“一站一品”特色建设");

		int version = ok(county.get("/api/v1/targets/marks")).get("version").asInt();
		ok(county.put("/api/v1/targets/marks", Api.json(Map.of("excellent", 39.5, "pass", 7.9, "version", version))));
		JsonNode items = ok(county.get("/api/v1/targets/ranking?year=" + YEAR)).get("items");
		assertThat(items.get(0).get("townshipId").asLong()).isEqualTo(dongling);
		assertThat(items.get(0).get("grade").asString()).isEqualTo("EXCELLENT");
		assertThat(items.get(0).get("rank").asInt()).isEqualTo(1);
		assertThat(items.get(1).get("townshipId").asLong()).isEqualTo(qingshi);
		assertThat(items.get(1).get("score").decimalValue()).isEqualByComparingTo("7.9");
		assertThat(items.get(1).get("grade").asString()).isEqualTo("PASS");
		for (int i = 2; i < items.size(); i++) {
			assertThat(items.get(i).get("score").decimalValue()).isEqualByComparingTo("0");
			assertThat(items.get(i).get("grade").asString()).isEqualTo("FAIL");
			assertThat(items.get(i).get("rank").asInt()).isEqualTo(3);
		}
		// the facade for other modules agrees
		List<TownshipResult> results = targets.results(YEAR);
		assertThat(results.get(0)).isEqualTo(new TownshipResult(dongling, new BigDecimal("39.5"), Grade.EXCELLENT, 1));
		assertThat(results).hasSize(items.size());

		// a stale version and bad marks are refused and change nothing
		assertThat(
				county.put("/api/v1/targets/marks", Api.json(Map.of("excellent", 95, "pass", 85, "version", version)))
					.status())
			.isEqualTo(409);
		assertThat(county
			.put("/api/v1/targets/marks", Api.json(Map.of("excellent", 70, "pass", 85, "version", version + 1)))
			.status()).isEqualTo(400);
		assertThat(ok(county.get("/api/v1/targets/marks")).get("excellent").decimalValue())
			.isEqualByComparingTo("39.5");
	}

	@Test
	void rolesAndTownshipScope() {
		JsonNode own = ok(township.get("/api/v1/targets/ranking?year=" + YEAR)).get("items");
		assertThat(own).hasSize(1);
		assertThat(own.get(0).get("townshipId").asLong()).isEqualTo(dongling);
		ok(township.get("/api/v1/targets/townships/" + dongling + "?year=" + YEAR));
		assertThat(township.get("/api/v1/targets/townships/" + qingshi + "?year=" + YEAR).status()).isEqualTo(403);
		assertThat(township
			.put("/api/v1/targets/townships/" + dongling + "/manual/WORK?year=" + YEAR,
					Api.json(Map.of("points", 5, "evidence", "自评")))
			.status()).isEqualTo(403);
		assertThat(township.put("/api/v1/targets/marks", Api.json(Map.of("excellent", 1, "pass", 1, "version", 0)))
			.status()).isEqualTo(403);
		assertThat(deputy.get("/api/v1/targets/ranking").status()).isEqualTo(403);
		assertThat(deputy.get("/api/v1/targets/rules").status()).isEqualTo(403);
	}

	@Test
	void thePagesShowTheRankingTheItemsAndTheRules() throws Exception {
		FormSession c = new FormSession(port).login("county");
		var ranking = c.get("/targets?year=" + YEAR);
		assertThat(ranking.statusCode()).isEqualTo(200);
		assertThat(ranking.body()).contains("东岭镇", "青石乡", "7.9", "不合格", "report-tabs");
		var one = c.get("/targets/townships/" + dongling + "?year=" + YEAR);
		assertThat(one.statusCode()).isEqualTo(200);
		assertThat(one.body()).contains("群众意见按期办理答复", "15.0");
		assertThat(c.get("/targets/rules").body()).contains("县人大评定");
		FormSession t = new FormSession(port).login("township");
		assertThat(t.get("/targets?year=" + YEAR).body()).contains("东岭镇").doesNotContain("青石乡");
		assertThat(t.get("/targets/townships/" + qingshi + "?year=" + YEAR).statusCode()).isEqualTo(403);
		assertThat(new FormSession(port).login("deputy").get("/targets").statusCode()).isEqualTo(403);
	}

	@Test
	void badInputIsRefusedAndWritesNothing() {
		String base = "/api/v1/targets/townships/" + dongling + "/manual/";
		assertThat(county.put(base + "WORK?year=" + YEAR, Api.json(Map.of("points", 5.1, "evidence", "x"))).status())
			.isEqualTo(400);
		assertThat(county.put(base + "WORK?year=" + YEAR, Api.json(Map.of("points", 1.25, "evidence", "x"))).status())
			.isEqualTo(400);
		assertThat(county.put(base + "WORK?year=" + YEAR, Api.json(Map.of("points", 3, "evidence", " "))).status())
			.isEqualTo(400);
		assertThat(county.put(base + "ON_TIME?year=" + YEAR, Api.json(Map.of("points", 3, "evidence", "x"))).status())
			.isEqualTo(400);
		assertThat(county.put(base + "NOPE?year=" + YEAR, Api.json(Map.of("points", 3, "evidence", "x"))).status())
			.isEqualTo(404);
		assertThat(county
			.put("/api/v1/targets/townships/999999/manual/WORK?year=" + YEAR,
					Api.json(Map.of("points", 3, "evidence", "x")))
			.status()).isEqualTo(404);
		assertThat(county.get("/api/v1/targets/ranking?year=1999").status()).isEqualTo(400);
		assertThat(jdbc.sql("select count(*) from target_manual_score").query(Long.class).single()).isZero();
		JsonNode rule = ok(county.get("/api/v1/targets/rules")).get(0);
		assertThat(county
			.put("/api/v1/targets/rules/" + rule.get("code").asString(), Api.json(Map.of("name", "x", "maxPoints", 101,
					"target", 1, "position", 1, "version", rule.get("version").asInt())))
			.status()).isEqualTo(400);
	}

}
