package cn.deputylink.funding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

import cn.deputylink.support.Api;
import cn.deputylink.support.FormSession;
import cn.deputylink.support.Images;
import cn.deputylink.support.IntegrationTest;
import cn.deputylink.support.Multipart;
import cn.deputylink.targets.Grade;
import cn.deputylink.targets.TownshipResult;
import cn.deputylink.targets.TownshipTargets;

/**
 * Budgets, rewards, expenditures and balances through the API, each test in a year of its
 * own that the demo county has no money in (2001–2009), on fixtures: the assessment's
 * results come from a stubbed {@link TownshipTargets}.
 */
@IntegrationTest
class FundingIT {

	static final JsonMapper EXACT = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
		.build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@MockitoBean
	TownshipTargets targets;

	Api county;

	Api township;

	long dongling;

	long qingshi;

	long third;

	long fourth;

	long ownStation;

	long otherStation;

	@BeforeEach
	void setUp() {
		county = Api.as(port, "county");
		township = Api.as(port, "township");
		dongling = jdbc.sql("select id from township where name = '东岭镇'").query(Long.class).single();
		qingshi = jdbc.sql("select id from township where name = '青石乡'").query(Long.class).single();
		List<Long> others = jdbc.sql("select id from township where id not in (:a, :b) and active order by id")
			.param("a", dongling)
			.param("b", qingshi)
			.query(Long.class)
			.list();
		third = others.get(0);
		fourth = others.get(1);
		JsonNode me = Api.as(port, "liaison").get("/api/v1/me").json();
		ownStation = me.get("stationId").asLong();
		assertThat(me.get("townshipId").asLong()).isEqualTo(dongling);
		otherStation = jdbc.sql("select min(id) from station where township_id = :t")
			.param("t", qingshi)
			.query(Long.class)
			.single();
		when(targets.results(anyInt()))
			.thenReturn(List.of(new TownshipResult(third, new BigDecimal("85.0"), Grade.PASS, 4),
					new TownshipResult(dongling, new BigDecimal("95.0"), Grade.EXCELLENT, 1),
					new TownshipResult(qingshi, new BigDecimal("91.0"), Grade.EXCELLENT, 3),
					new TownshipResult(fourth, new BigDecimal("93.0"), Grade.EXCELLENT, 2)));
	}

	@AfterEach
	void tearDown() {
		jdbc.sql("delete from funding_receipt where expenditure_id in (select id from funding_expenditure"
				+ " where spent_on < '2010-01-01')")
			.update();
		jdbc.sql("delete from funding_expenditure where spent_on < '2010-01-01'").update();
		jdbc.sql("delete from funding_reward where reward_year < 2010").update();
		jdbc.sql("delete from funding_budget where budget_year < 2010").update();
	}

	JsonNode row(Api api, int year, long townshipId) {
		var r = api.get("/api/v1/funding?year=" + year);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return tree(r).get("items")
			.valueStream()
			.filter(t -> t.get("townshipId").asLong() == townshipId)
			.findFirst()
			.orElseThrow();
	}

	/** The body as a tree with every decimal exact, as sent. */
	static JsonNode tree(Api.Response r) {
		return EXACT.readTree(r.body());
	}

	static String amount(JsonNode n, String field) {
		// amounts are JSON numbers with exactly two decimals
		assertThat(n.get(field).isNumber()).as(field + " in " + n).isTrue();
		return n.get(field).decimalValue().toPlainString();
	}

	Api.Response book(Api api, Map<String, Object> body) {
		return api.post("/api/v1/funding/expenditures", Api.json(body));
	}

	Map<String, Object> expenditure(long stationId, String day, Object amount) {
		Map<String, Object> m = new HashMap<>();
		m.put("stationId", stationId);
		m.put("spentOn", day);
		m.put("amount", amount);
		m.put("purpose", "ACTIVITY");
		m.put("description", "接待日茶水");
		m.put("payee", "镇供销社");
		return m;
	}

	int expenditures(int year) {
		return jdbc.sql("select count(*) from funding_expenditure where spent_on >= :a and spent_on < :b")
			.param("a", LocalDate.of(year, 1, 1))
			.param("b", LocalDate.of(year + 1, 1, 1))
			.query(Integer.class)
			.single();
	}

	@Test
	void aTownshipWithoutABudgetHasTheDefaultUntilTheCountySetsOne() {
		JsonNode d = row(county, 2001, dongling);
		assertThat(amount(d, "budget")).isEqualTo("50000.00");
		assertThat(d.get("defaultBudget").asBoolean()).isTrue();
		assertThat(d.get("budgetVersion").asInt()).isZero();
		assertThat(amount(d, "balance")).isEqualTo("50000.00");
		assertThat(tree(county.get("/api/v1/funding?year=2001")).get("items").size())
			.isEqualTo(jdbc.sql("select count(*) from township where active").query(Integer.class).single());

		var set = county.put("/api/v1/funding/townships/" + dongling + "/budget",
				"{\"year\":2001,\"amount\":60000.5,\"version\":0,\"note\":\"追加\"}");
		assertThat(set.status()).as(set.body()).isEqualTo(200);
		assertThat(amount(tree(set), "budget")).isEqualTo("60000.50");
		assertThat(tree(set).get("budgetVersion").asInt()).isEqualTo(1);
		assertThat(tree(set).get("defaultBudget").asBoolean()).isFalse();
		// stale: still version 0
		var stale = county.put("/api/v1/funding/townships/" + dongling + "/budget",
				"{\"year\":2001,\"amount\":70000,\"version\":0}");
		assertThat(stale.status()).as(stale.body()).isEqualTo(409);
		// bad amounts change nothing
		for (String bad : List.of("1.234", "-5", "\"abc\"", "10000000.01", "null")) {
			var r = county.put("/api/v1/funding/townships/" + dongling + "/budget",
					"{\"year\":2001,\"amount\":" + bad + ",\"version\":1}");
			assertThat(r.status()).as(bad + " " + r.body()).isEqualTo(400);
		}
		var again = county.put("/api/v1/funding/townships/" + dongling + "/budget",
				"{\"year\":2001,\"amount\":70000,\"version\":1}");
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(amount(row(county, 2001, dongling), "budget")).isEqualTo("70000.00");
		// another year keeps the default, another township too
		assertThat(amount(row(county, 2002, dongling), "budget")).isEqualTo("50000.00");
		assertThat(amount(row(county, 2001, qingshi), "budget")).isEqualTo("50000.00");
		// only the county sets budgets
		assertThat(township
			.put("/api/v1/funding/townships/" + dongling + "/budget", "{\"year\":2001,\"amount\":1,\"version\":2}")
			.status()).isEqualTo(403);
		assertThat(
				county.put("/api/v1/funding/townships/999999999/budget", "{\"year\":2001,\"amount\":1,\"version\":0}")
					.status())
			.isEqualTo(404);
		assertThat(jdbc.sql("select amount from funding_budget where township_id = :t and budget_year = 2001")
			.param("t", dongling)
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo("70000.00");
	}

	@Test
	void rewardsAreProposedFromTheAssessmentAndCountOnceApproved() {
		var proposed = county.post("/api/v1/funding/rewards/propose", "{\"year\":2002}");
		assertThat(proposed.status()).as(proposed.body()).isEqualTo(200);
		Map<Long, JsonNode> byTownship = new HashMap<>();
		tree(proposed).valueStream().forEach(r -> byTownship.put(r.get("townshipId").asLong(), r));
		assertThat(byTownship).containsOnlyKeys(dongling, qingshi, fourth);
		// 95 best → 50000; 91 lowest → 30000; 93 → 30000 + 20000 × 2 / 4 = 40000
		assertThat(amount(byTownship.get(dongling), "amount")).isEqualTo("50000.00");
		assertThat(amount(byTownship.get(fourth), "amount")).isEqualTo("40000.00");
		assertThat(amount(byTownship.get(qingshi), "amount")).isEqualTo("30000.00");
		assertThat(byTownship.get(dongling).get("status").asString()).isEqualTo("PROPOSED");
		assertThat(byTownship.get(dongling).get("basisRank").asInt()).isEqualTo(1);
		assertThat(byTownship.get(dongling).get("basisGrade").asString()).isEqualTo("EXCELLENT");
		// proposed rewards do not count yet
		assertThat(amount(row(county, 2002, dongling), "balance")).isEqualTo("50000.00");

		long dl = byTownship.get(dongling).get("id").asLong();
		long qs = byTownship.get(qingshi).get("id").asLong();
		long fo = byTownship.get(fourth).get("id").asLong();
		assertThat(township.post("/api/v1/funding/rewards/" + dl + "/approve", "{\"version\":0}").status())
			.isEqualTo(403);
		var ok = county.post("/api/v1/funding/rewards/" + dl + "/approve", "{\"version\":0}");
		assertThat(ok.status()).as(ok.body()).isEqualTo(200);
		assertThat(tree(ok).get("status").asString()).isEqualTo("APPROVED");
		// approved twice, or stale: 409
		assertThat(county.post("/api/v1/funding/rewards/" + dl + "/approve", "{\"version\":0}").status())
			.isEqualTo(409);
		assertThat(county.post("/api/v1/funding/rewards/" + dl + "/approve", "{\"version\":1}").status())
			.isEqualTo(409);
		// edited within the range only
		assertThat(county.post("/api/v1/funding/rewards/" + qs + "/approve", "{\"amount\":29999.99,\"version\":0}")
			.status()).isEqualTo(400);
		assertThat(county.post("/api/v1/funding/rewards/" + qs + "/approve", "{\"amount\":35000.555,\"version\":0}")
			.status()).isEqualTo(400);
		var edited = county.post("/api/v1/funding/rewards/" + qs + "/approve", "{\"amount\":35000.5,\"version\":0}");
		assertThat(edited.status()).as(edited.body()).isEqualTo(200);
		assertThat(amount(tree(edited), "amount")).isEqualTo("35000.50");
		assertThat(county.post("/api/v1/funding/rewards/" + fo + "/reject", "{\"version\":0}").status()).isEqualTo(400);
		var rejected = county.post("/api/v1/funding/rewards/" + fo + "/reject", "{\"note\":\"材料不全\",\"version\":0}");
		assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
		assertThat(tree(rejected).get("status").asString()).isEqualTo("REJECTED");

		assertThat(amount(row(county, 2002, dongling), "rewards")).isEqualTo("50000.00");
		assertThat(amount(row(county, 2002, dongling), "balance")).isEqualTo("100000.00");
		assertThat(amount(row(county, 2002, qingshi), "balance")).isEqualTo("85000.50");
		assertThat(amount(row(county, 2002, fourth), "balance")).isEqualTo("50000.00");
		assertThat(amount(row(county, 2003, dongling), "balance")).isEqualTo("50000.00");

		// proposing again leaves the decided ones alone
		var again = county.post("/api/v1/funding/rewards/propose", "{\"year\":2002}");
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(tree(again).size()).isEqualTo(3);
		assertThat(jdbc.sql("select status || ':' || amount from funding_reward where reward_year = 2002 order by id")
			.query(String.class)
			.list()).containsExactly("APPROVED:50000.00", "REJECTED:40000.00", "APPROVED:35000.50");
		assertThat(township.post("/api/v1/funding/rewards/propose", "{\"year\":2002}").status()).isEqualTo(403);
		// a township admin sees its own reward only
		var own = township.get("/api/v1/funding/rewards?year=2002");
		assertThat(own.status()).isEqualTo(200);
		assertThat(tree(own).valueStream().map(r -> r.get("townshipId").asLong()).toList()).containsExactly(dongling);
	}

	@Test
	void proposingAgainReplacesTheProposedOnes() {
		assertThat(county.post("/api/v1/funding/rewards/propose", "{\"year\":2008}").status()).isEqualTo(200);
		when(targets.results(anyInt()))
			.thenReturn(List.of(new TownshipResult(qingshi, new BigDecimal("90.0"), Grade.EXCELLENT, 1)));
		var again = county.post("/api/v1/funding/rewards/propose", "{\"year\":2008}");
		assertThat(tree(again).size()).isEqualTo(1);
		assertThat(amount(tree(again).get(0), "amount")).isEqualTo("50000.00");
		assertThat(
				jdbc.sql("select count(*) from funding_reward where reward_year = 2008").query(Integer.class).single())
			.isEqualTo(1);
	}

	@Test
	void anExpenditureOverTheBalanceIsRefusedAndWritesNothing() {
		assertThat(county
			.put("/api/v1/funding/townships/" + dongling + "/budget", "{\"year\":2003,\"amount\":1000,\"version\":0}")
			.status()).isEqualTo(200);
		var first = book(township, expenditure(ownStation, "2003-03-01", new BigDecimal("600.00")));
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(tree(first).get("townshipId").asLong()).isEqualTo(dongling);
		assertThat(amount(tree(first), "amount")).isEqualTo("600.00");
		var over = book(township, expenditure(ownStation, "2003-04-01", new BigDecimal("400.01")));
		assertThat(over.status()).as(over.body()).isEqualTo(400);
		assertThat(over.body()).contains("¥400.00");
		assertThat(expenditures(2003)).isEqualTo(1);
		for (Object bad : List.of(new BigDecimal("1.234"), -5, "abc", 0)) {
			var r = book(county, expenditure(ownStation, "2003-04-01", bad));
			assertThat(r.status()).as(bad + " " + r.body()).isEqualTo(400);
		}
		var future = book(county, expenditure(ownStation, "2099-01-01", 1));
		assertThat(future.status()).as(future.body()).isEqualTo(400);
		assertThat(expenditures(2003)).isEqualTo(1);
		var rest = book(township, expenditure(ownStation, "2003-04-01", new BigDecimal("400.00")));
		assertThat(rest.status()).as(rest.body()).isEqualTo(201);
		JsonNode d = row(county, 2003, dongling);
		assertThat(amount(d, "spent")).isEqualTo("1000.00");
		assertThat(amount(d, "balance")).isEqualTo("0.00");
		// a budget below what is spent is refused
		assertThat(county
			.put("/api/v1/funding/townships/" + dongling + "/budget", "{\"year\":2003,\"amount\":999.99,\"version\":1}")
			.status()).isEqualTo(400);
		// township-level spending of the township admin's own township, with no station
		Map<String, Object> level = expenditure(ownStation, "2003-05-01", 1);
		level.remove("stationId");
		assertThat(book(township, level).status()).isEqualTo(400); // balance 0
		var detail = county.get("/api/v1/funding/townships/" + dongling + "?year=2003");
		assertThat(detail.status()).as(detail.body()).isEqualTo(200);
		assertThat(tree(detail).get("expenditures").size()).isEqualTo(2);
		assertThat(amount(tree(detail).get("byStation").get(0), "amount")).isEqualTo("1000.00");
		assertThat(tree(detail).get("byPurpose").get(0).get("purpose").asString()).isEqualTo("ACTIVITY");
	}

	@Test
	void aVoidedExpenditureNoLongerCounts() {
		var e = book(county, expenditure(ownStation, "2004-06-01", new BigDecimal("1234.56")));
		assertThat(e.status()).as(e.body()).isEqualTo(201);
		assertThat(amount(row(county, 2004, dongling), "balance")).isEqualTo("48765.44");
		long id = e.id();
		assertThat(county.post("/api/v1/funding/expenditures/" + id + "/void", "{\"version\":0}").status())
			.isEqualTo(400);
		assertThat(county.post("/api/v1/funding/expenditures/" + id + "/void", "{\"reason\":\"重复\",\"version\":7}")
			.status()).isEqualTo(409);
		var voided = township.post("/api/v1/funding/expenditures/" + id + "/void",
				"{\"reason\":\"重复登记\",\"version\":0}");
		assertThat(voided.status()).as(voided.body()).isEqualTo(200);
		assertThat(tree(voided).get("voided").asBoolean()).isTrue();
		assertThat(tree(voided).get("voidReason").asString()).isEqualTo("重复登记");
		assertThat(county.post("/api/v1/funding/expenditures/" + id + "/void", "{\"reason\":\"再次\",\"version\":1}")
			.status()).isEqualTo(409);
		assertThat(amount(row(county, 2004, dongling), "balance")).isEqualTo("50000.00");
		// still there
		assertThat(jdbc.sql("select count(*) from funding_expenditure where id = :id")
			.param("id", id)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void everyRoleSeesItsScopeOnly() {
		assertThat(book(township, expenditure(otherStation, "2005-01-02", 10)).status()).isEqualTo(403);
		Map<String, Object> otherLevel = expenditure(ownStation, "2005-01-02", 10);
		otherLevel.remove("stationId");
		otherLevel.put("townshipId", qingshi);
		assertThat(book(township, otherLevel).status()).isEqualTo(403);
		var own = book(township, expenditure(ownStation, "2005-01-02", 10));
		assertThat(own.status()).as(own.body()).isEqualTo(201);
		var other = book(county, expenditure(otherStation, "2005-01-02", 20));
		assertThat(other.status()).as(other.body()).isEqualTo(201);
		assertThat(township.get("/api/v1/funding/townships/" + qingshi + "?year=2005").status()).isEqualTo(403);
		assertThat(township.get("/api/v1/funding/expenditures/" + other.id()).status()).isEqualTo(403);
		assertThat(township
			.post("/api/v1/funding/expenditures/" + other.id() + "/void", "{\"reason\":\"x\",\"version\":0}")
			.status()).isEqualTo(403);
		assertThat(Api.as(port, "township2").get("/api/v1/funding/expenditures/" + other.id()).status()).isEqualTo(200);
		var mine = tree(township.get("/api/v1/funding?year=2005")).get("items");
		assertThat(mine.size()).isEqualTo(1);
		assertThat(mine.get(0).get("townshipId").asLong()).isEqualTo(dongling);
		assertThat(county.get("/api/v1/funding/townships/999999999?year=2005").status()).isEqualTo(404);
		assertThat(county.get("/api/v1/funding/expenditures/999999999").status()).isEqualTo(404);
		for (String role : List.of("liaison", "deputy", "department")) {
			Api api = Api.as(port, role);
			assertThat(api.get("/api/v1/funding?year=2005").status()).as(role).isEqualTo(403);
			assertThat(api.get("/api/v1/funding/townships/" + dongling + "?year=2005").status()).as(role)
				.isEqualTo(403);
			assertThat(api.get("/api/v1/funding/rewards?year=2005").status()).as(role).isEqualTo(403);
			assertThat(api.get("/api/v1/funding/export.xlsx?year=2005").status()).as(role).isEqualTo(403);
			assertThat(book(api, expenditure(ownStation, "2005-01-02", 1)).status()).as(role).isEqualTo(403);
			assertThat(
					api.post("/api/v1/funding/expenditures/" + own.id() + "/void", "{\"reason\":\"x\",\"version\":0}")
						.status())
				.as(role)
				.isEqualTo(403);
			assertThat(api.post("/api/v1/funding/rewards/propose", "{\"year\":2005}").status()).as(role).isEqualTo(403);
		}
		assertThat(expenditures(2005)).isEqualTo(2);
	}

	@Test
	void receiptsArePhotosOrPdfsAndServedBack() {
		var e = book(township, expenditure(ownStation, "2006-02-03", 88));
		assertThat(e.status()).as(e.body()).isEqualTo(201);
		byte[] png = Images.png();
		var up = township.post("/api/v1/funding/expenditures/" + e.id() + "/receipts",
				new Multipart().file("file", "发票.png", png));
		assertThat(up.status()).as(up.body()).isEqualTo(201);
		long rid = tree(up).get("receipts").get(0).get("id").asLong();
		var pdf = township.post("/api/v1/funding/expenditures/" + e.id() + "/receipts",
				new Multipart().file("file", "invoice.pdf", "%PDF-1.4\n%%EOF\n".getBytes()));
		assertThat(pdf.status()).as(pdf.body()).isEqualTo(201);
		var bad = township.post("/api/v1/funding/expenditures/" + e.id() + "/receipts",
				new Multipart().file("file", "x.png", "MZ not a picture".getBytes()));
		assertThat(bad.status()).as(bad.body()).isEqualTo(400);
		var back = township.getBytes("/api/v1/funding/expenditures/" + e.id() + "/receipts/" + rid);
		assertThat(back.status()).isEqualTo(200);
		assertThat(back.contentType()).isEqualTo("image/png");
		assertThat(back.body()).isEqualTo(png);
		assertThat(Api.as(port, "township2")
			.getBytes("/api/v1/funding/expenditures/" + e.id() + "/receipts/" + rid)
			.status()).isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from funding_receipt where expenditure_id = :e")
			.param("e", e.id())
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void theWorkbookAddsUpToTheApisFiguresToTheCent() throws Exception {
		assertThat(county
			.put("/api/v1/funding/townships/" + qingshi + "/budget",
					"{\"year\":2007,\"amount\":12345.67,\"version\":0}")
			.status()).isEqualTo(200);
		assertThat(book(county, expenditure(ownStation, "2007-01-05", new BigDecimal("0.10"))).status()).isEqualTo(201);
		assertThat(book(county, expenditure(ownStation, "2007-01-06", new BigDecimal("0.20"))).status()).isEqualTo(201);
		assertThat(book(county, expenditure(otherStation, "2007-02-06", new BigDecimal("999.99"))).status())
			.isEqualTo(201);
		JsonNode api = tree(county.get("/api/v1/funding?year=2007"));
		var x = county.getBytes("/api/v1/funding/export.xlsx?year=2007");
		assertThat(x.status()).isEqualTo(200);
		try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(x.body()))) {
			Sheet t = wb.getSheetAt(0);
			int n = api.get("items").size();
			// title, header, one row per township, the total
			assertThat(t.getLastRowNum()).isEqualTo(n + 2);
			Row total = t.getRow(n + 2);
			String[] fields = { "budget", "rewards", "spent", "balance" };
			for (int i = 0; i < 4; i++) {
				BigDecimal cell = BigDecimal.valueOf(total.getCell(i + 1).getNumericCellValue())
					.setScale(2, RoundingMode.HALF_UP);
				assertThat(cell.toPlainString()).as(fields[i]).isEqualTo(amount(api.get("total"), fields[i]));
				assertThat(total.getCell(i + 1).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
			}
			// every township's balance to the cent
			for (int r = 2; r < n + 2; r++) {
				String name = t.getRow(r).getCell(0).getStringCellValue();
				JsonNode item = api.get("items")
					.valueStream()
					.filter(i -> i.get("townshipName").asString().equals(name))
					.findFirst()
					.orElseThrow();
				assertThat(BigDecimal.valueOf(t.getRow(r).getCell(4).getNumericCellValue())
					.setScale(2, RoundingMode.HALF_UP)
					.toPlainString()).as(name).isEqualTo(amount(item, "balance"));
			}
			assertThat(t.getPrintSetup().getPaperSize()).isEqualTo(PrintSetup.A4_PAPERSIZE);
			assertThat(amount(api.get("total"), "spent")).isEqualTo("1000.29");
			Sheet s = wb.getSheetAt(1);
			assertThat(s.getLastRowNum()).isEqualTo(1 + 3);
			double sum = 0;
			for (int r = 2; r <= s.getLastRowNum(); r++) {
				sum += s.getRow(r).getCell(6).getNumericCellValue();
			}
			assertThat(BigDecimal.valueOf(sum).setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("1000.29");
		}
		// a township admin's workbook: its own township only
		var own = township.getBytes("/api/v1/funding/export.xlsx?year=2007");
		try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(own.body()))) {
			assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo(3);
			assertThat(wb.getSheetAt(1).getLastRowNum()).isEqualTo(3);
		}
	}

	@Test
	void thePagesShowYuanAndKeepARefusedFormsInput() throws Exception {
		FormSession page = new FormSession(port).login("township");
		var overview = page.get("/funding?year=2009");
		assertThat(overview.statusCode()).isEqualTo(200);
		assertThat(overview.body()).contains("¥50,000.00").contains("东岭镇").doesNotContain("青石乡");
		var refused = page.postMultipart("/funding/townships/" + dongling + "/expenditures",
				Map.of("stationId", Long.toString(ownStation), "spentOn", "2009-03-04", "amount", "1.234", "purpose",
						"TRAINING", "description", "联络员培训教材", "payee", "新华书店"),
				Map.of());
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("amount-error")
			.contains("value=\"1.234\"")
			.contains("联络员培训教材")
			.contains("新华书店");
		assertThat(expenditures(2009)).isZero();
		var over = page.postMultipart("/funding/townships/" + dongling + "/expenditures",
				Map.of("stationId", Long.toString(ownStation), "spentOn", "2009-03-04", "amount", "50,000.01",
						"purpose", "TRAINING", "description", "联络员培训教材", "payee", ""),
				Map.of());
		assertThat(over.statusCode()).isEqualTo(200);
		assertThat(over.body()).contains("¥50,000.00").contains("value=\"50,000.01\"");
		var booked = page.postMultipart("/funding/townships/" + dongling + "/expenditures",
				Map.of("stationId", Long.toString(ownStation), "spentOn", "2009-03-04", "amount", "1,200.5", "purpose",
						"TRAINING", "description", "联络员培训教材", "payee", ""),
				Map.of("receipts", Map.entry("receipt.png", Images.png())));
		assertThat(booked.statusCode()).as(booked.body()).isEqualTo(302);
		var detail = page.get("/funding/townships/" + dongling + "?year=2009");
		assertThat(detail.body()).contains("¥1,200.50").contains("¥48,799.50").contains("receipt.png");
		// the county's budget form, refused and shown again
		FormSession countyPage = new FormSession(port).login("county");
		assertThat(countyPage.get("/funding/townships/" + dongling + "?year=2009").body()).contains("budget-form");
		var budget = countyPage.post("/funding/townships/" + dongling + "/budget?year=2009",
				Map.of("amount", "-5", "note", "调减", "version", "0"), true);
		assertThat(budget.statusCode()).isEqualTo(200);
		assertThat(budget.body()).contains("value=\"-5\"").contains("调减");
		assertThat(page.get("/funding/townships/" + qingshi).statusCode()).isEqualTo(403);
	}

}
