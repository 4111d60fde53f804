package cn.deputylink.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
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
import cn.deputylink.statistics.Period;
import cn.deputylink.statistics.Scope;
import cn.deputylink.statistics.StatisticsRecords;
import cn.deputylink.statistics.Summary;
import cn.deputylink.support.Api;
import cn.deputylink.support.EventPublications;
import cn.deputylink.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * Briefings: a generated draft carries the statistics' figures for its period and scope
 * (a fresh month of one's own activities and opinions in the demo township, counted by
 * hand, and the county's last year against the statistics' summary API); who may generate
 * and read which; the editing rules (published and stale 409, bad input 400 with nothing
 * changed); the PDF's text (pdftotext) and the .docx (POI) carry the title, the masthead
 * and the six figures.
 */
@IntegrationTest
class BriefingIT {

	static final List<String> LABELS = List.of("开展活动（次）", "接待群众（人次）", "走访群众（户）", "收集意见建议（条）", "已办结（条）", "转化为代表建议（条）");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ActivityRecording recording;

	@Autowired
	StatisticsRecords statistics;

	@Autowired
	Accounts accounts;

	@BeforeEach
	void eventsDone() throws InterruptedException {
		assertThat(EventPublications.drained(jdbc, Duration.ofMinutes(1))).as("event publications heard").isTrue();
	}

	private CurrentUser user(String name) {
		UserAccount a = accounts.findByUsername(name).orElseThrow();
		return new CurrentUser(a.id(), a.username(), a.displayName(), a.role(), a.townshipId(), a.stationId(),
				a.deputyId(), a.departmentId(), false, false, null, true, false);
	}

	static long[] figures(JsonNode s) {
		return new long[] { s.get("activities").asLong(), s.get("constituentsReceived").asLong(),
				s.get("householdsVisited").asLong(), s.get("opinions").asLong(), s.get("opinionsResolved").asLong(),
				s.get("opinionsConverted").asLong() };
	}

	static Api.Response ok(Api.Response r, int status) {
		assertThat(r.status()).as(r.body()).isEqualTo(status);
		return r;
	}

	private static String create(String from, String to, Long township) {
		return Api.json(township == null ? Map.of("from", from, "to", to)
				: Map.of("from", from, "to", to, "townshipId", township));
	}

	@Test
	void aDraftCarriesTheFiguresOfItsPeriodAndScope() throws Exception {
		Api county = Api.as(port, "county");
		Api township = Api.as(port, "township");
		Api liaison = Api.as(port, "liaison");
		JsonNode me = liaison.get("/api/v1/me").json();
		long station = me.get("stationId").asLong();
		long own = me.get("townshipId").asLong();
		long deputy = Api.as(port, "deputy").get("/api/v1/me").json().get("deputyId").asLong();
		// a month of the demo township nobody else uses: two activities, one opinion
		CurrentUser cu = user("county");
		recording.record(new NewActivity(ActivityType.RECEPTION, LocalDate.parse("2018-05-08"), station,
				List.of(deputy), 7, 0, "接待群众", null, null), cu);
		recording.record(new NewActivity(ActivityType.VISIT, LocalDate.parse("2018-05-20"), station, List.of(deputy), 5,
				3, "走访群众", null, null), cu);
		ok(liaison.post("/api/v1/opinions",
				Api.json(Map.of("source", "VISIT", "stationId", station, "content", "简报测试：村口的路灯坏了", "receivedAt",
						"2018-05-10T10:00:00+08:00", "deputyIds", List.of(deputy), "constituent",
						Map.of("anonymous", true)))),
				201);
		eventsDone();

		JsonNode b = ok(township.post("/api/v1/briefings", create("2018-05-01", "2018-05-31", own)), 201).json();
		assertThat(b.get("status").asString()).isEqualTo("DRAFT");
		assertThat(b.get("townshipId").asLong()).isEqualTo(own);
		assertThat(b.get("scopeName").asString()).isEqualTo("东岭镇");
		assertThat(figures(b.get("figures"))).containsExactly(2, 12, 3, 1, 0, 0);
		// the same as the statistics' own summary of that period and scope
		Summary s = statistics.summary(new Period(LocalDate.parse("2018-05-01"), LocalDate.parse("2018-05-31")),
				Scope.township(own));
		assertThat(figures(b.get("figures"))).containsExactly(s.activities(), s.constituentsReceived(),
				s.householdsVisited(), s.opinions(), s.opinionsResolved(), s.opinionsConverted());
		assertThat(b.get("intro").asString()).contains("开展活动2次").contains("接待群众12人次").contains("走访群众3户");
		assertThat(b.get("leadingDeputies").get(0).get("id").asLong()).isEqualTo(deputy);
		assertThat(b.get("leadingDeputies").get(0).get("activities").asLong()).isEqualTo(2);
		assertThat(b.get("leadingStations").get(0).get("id").asLong()).isEqualTo(station);

		// a station's briefing: its township recorded with it
		JsonNode st = ok(township.post("/api/v1/briefings",
				Api.json(Map.of("from", "2018-05-01", "to", "2018-05-31", "stationId", station))), 201)
			.json();
		assertThat(st.get("townshipId").asLong()).isEqualTo(own);
		assertThat(figures(st.get("figures"))).containsExactly(2, 12, 3, 1, 0, 0);

		// the county's last year against the statistics' summary API
		int last = LocalDate.now().getYear() - 1;
		String from = last + "-01-01";
		String to = last + "-12-31";
		JsonNode c = ok(county.post("/api/v1/briefings", create(from, to, null)), 201).json();
		JsonNode summary = ok(county.get("/api/v1/statistics/summary?from=" + from + "&to=" + to), 200).json();
		assertThat(figures(c.get("figures"))).containsExactly(figures(summary));
		assertThat(c.get("figures").get("activities").asLong()).isPositive();
		assertThat(c.get("townshipId").isNull()).isTrue();
		assertThat(c.get("scopeName").asString()).isEqualTo("全县");
		assertThat(c.get("leadingStations").size()).isBetween(1, 5);
		assertThat(c.get("typicalCases").size()).isBetween(1, 5);

		// newest first in the lists; the township's list holds its own only
		JsonNode list = ok(county.get("/api/v1/briefings"), 200).json().get("items");
		List<String> created = list.valueStream().map(i -> i.get("createdAt").asString()).toList();
		for (int i = 1; i < created.size(); i++) {
			assertThat(OffsetDateTime.parse(created.get(i - 1))).isAfterOrEqualTo(OffsetDateTime.parse(created.get(i)));
		}
		List<Long> ids = list.valueStream().map(i -> i.get("id").asLong()).toList();
		assertThat(ids.indexOf(c.get("id").asLong())).isNotNegative().isLessThan(ids.indexOf(b.get("id").asLong()));
		JsonNode ownList = ok(township.get("/api/v1/briefings"), 200).json().get("items");
		assertThat(ownList.valueStream().map(i -> i.get("id").asLong())).contains(b.get("id").asLong())
			.doesNotContain(c.get("id").asLong());
	}

	@Test
	void scopeAndRoles() {
		Api county = Api.as(port, "county");
		Api township = Api.as(port, "township");
		long own = township.get("/api/v1/me").json().get("townshipId").asLong();
		long other = Api.as(port, "township2").get("/api/v1/me").json().get("townshipId").asLong();
		String period = "2018-06-01";
		// a township admin: not another township, not the county
		ok(township.post("/api/v1/briefings", create(period, "2018-06-30", other)), 403);
		ok(township.post("/api/v1/briefings", create(period, "2018-06-30", null)), 403);
		long otherStation = county.get("/api/v1/stations?limit=500")
			.json()
			.get("items")
			.valueStream()
			.filter(s -> s.get("townshipId").asLong() == other)
			.findFirst()
			.orElseThrow()
			.get("id")
			.asLong();
		ok(township.post("/api/v1/briefings",
				Api.json(Map.of("from", period, "to", "2018-06-30", "stationId", otherStation))), 403);
		long mine = ok(township.post("/api/v1/briefings", create(period, "2018-06-30", own)), 201).id();
		long countys = ok(county.post("/api/v1/briefings", create(period, "2018-06-30", other)), 201).id();
		ok(county.get("/api/v1/briefings/" + mine), 200);
		ok(township.get("/api/v1/briefings/" + countys), 403);
		ok(Api.as(port, "township2").get("/api/v1/briefings/" + mine), 403);
		ok(township.get("/api/v1/briefings/999999999"), 404);
		for (String role : List.of("liaison", "deputy", "department")) {
			Api api = Api.as(port, role);
			ok(api.get("/api/v1/briefings"), 403);
			ok(api.get("/api/v1/briefings/" + mine), 403);
			ok(api.get("/api/v1/briefings/" + mine + "/pdf"), 403);
			ok(api.post("/api/v1/briefings", create(period, "2018-06-30", own)), 403);
		}
		// bad dates: reversed, longer than five years, not dates, missing
		int before = count();
		ok(county.post("/api/v1/briefings", create("2018-06-30", "2018-06-01", null)), 400);
		ok(county.post("/api/v1/briefings", create("2010-01-01", "2016-01-01", null)), 400);
		Api.Response bad = ok(county.post("/api/v1/briefings", create("2018-13-01", "2018-06-30", null)), 400);
		assertThat(bad.contentType()).contains("application/problem+json");
		ok(county.post("/api/v1/briefings", Api.json(Map.of("to", "2018-06-30"))), 400);
		ok(county.post("/api/v1/briefings", create("2018-06-01", "2018-06-30", 999999999L)), 400);
		assertThat(count()).isEqualTo(before);
	}

	private int count() {
		// the county's own (the demo generates its briefings in the background)
		Integer n = jdbc.sql("select count(*) from briefing where created_by = 'county'").query(Integer.class).single();
		return n == null ? 0 : n;
	}

	@Test
	void draftsAreEditedPublishedOnceAndThenNeverChange() {
		Api county = Api.as(port, "county");
		JsonNode b = ok(county.post("/api/v1/briefings", create("2018-07-01", "2018-07-31", null)), 201).json();
		long id = b.get("id").asLong();
		int v = b.get("version").asInt();
		List<String> cases = new ArrayList<>();
		b.get("typicalCases").forEach(c -> cases.add("改写：" + c.get("text").asString()));
		// bad input: nothing changes
		ok(county.put("/api/v1/briefings/" + id,
				Api.json(Map.of("title", " ", "intro", "导语", "body", "正文", "caseTexts", cases, "version", v))), 400);
		ok(county.put("/api/v1/briefings/" + id,
				Api.json(Map.of("title", "标题", "intro", "x".repeat(4001), "body", "正文", "version", v))), 400);
		ok(county.put("/api/v1/briefings/" + id, Api.json(Map.of("title", "标题", "intro", "导语", "body", "正文",
				"caseTexts", List.of("a", "b", "c", "d", "e", "f"), "version", v))), 400);
		JsonNode same = ok(county.get("/api/v1/briefings/" + id), 200).json();
		assertThat(same.get("title").asString()).isEqualTo(b.get("title").asString());
		assertThat(same.get("intro").asString()).isEqualTo(b.get("intro").asString());
		assertThat(same.get("version").asInt()).isEqualTo(v);
		// an edit, then the old version is stale
		JsonNode e = ok(county.put("/api/v1/briefings/" + id, Api
			.json(Map.of("title", "七月联络动态", "intro", "新的导语", "body", "一、做法\n二、成效", "caseTexts", cases, "version", v))),
				200)
			.json();
		assertThat(e.get("title").asString()).isEqualTo("七月联络动态");
		assertThat(e.get("version").asInt()).isEqualTo(v + 1);
		for (int k = 0; k < cases.size(); k++) {
			assertThat(e.get("typicalCases").get(k).get("text").asString()).isEqualTo(cases.get(k));
		}
		ok(county.put("/api/v1/briefings/" + id,
				Api.json(Map.of("title", "晚到的修改", "intro", "", "body", "", "version", v))), 409);
		ok(county.post("/api/v1/briefings/" + id + "/publish", Api.json(Map.of("version", v))), 409);
		// published once
		JsonNode p = ok(county.post("/api/v1/briefings/" + id + "/publish", Api.json(Map.of("version", v + 1))), 200)
			.json();
		assertThat(p.get("status").asString()).isEqualTo("PUBLISHED");
		assertThat(p.get("publishedBy").asString()).isEqualTo("county");
		int pv = p.get("version").asInt();
		ok(county.post("/api/v1/briefings/" + id + "/publish", Api.json(Map.of("version", pv))), 409);
		ok(county.put("/api/v1/briefings/" + id,
				Api.json(Map.of("title", "发布后的修改", "intro", "", "body", "", "version", pv))), 409);
		ok(county.delete("/api/v1/briefings/" + id), 409);
		assertThat(ok(county.get("/api/v1/briefings/" + id), 200).json().get("title").asString()).isEqualTo("七月联络动态");
		// a draft can be deleted
		long draft = ok(county.post("/api/v1/briefings", create("2018-07-01", "2018-07-31", null)), 201).id();
		ok(county.delete("/api/v1/briefings/" + draft), 204);
		ok(county.get("/api/v1/briefings/" + draft), 404);
	}

	@Test
	void thePdfAndTheWordDocumentCarryTheFigures() throws Exception {
		Api county = Api.as(port, "county");
		int last = LocalDate.now().getYear() - 1;
		JsonNode b = ok(county.post("/api/v1/briefings",
				Api.json(Map.of("from", last + "-01-01", "to", last + "-12-31", "title", "全县联络动态测试期"))), 201)
			.json();
		long id = b.get("id").asLong();
		long[] values = figures(b.get("figures"));
		assertThat(values[0]).isPositive();

		Api.Binary pdf = county.getBytes("/api/v1/briefings/" + id + "/pdf");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.contentType()).startsWith("application/pdf");
		assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		Path file = Files.createTempFile("briefing", ".pdf");
		Files.write(file, pdf.body());
		String text = pdftotext(file, "-layout").replaceAll("[ \\t\\u00a0]+", " ");
		assertThat(text).contains("全县联络动态测试期").contains("联络动态");
		for (int i = 0; i < LABELS.size(); i++) {
			assertThat(text).as(LABELS.get(i)).contains(LABELS.get(i) + " " + values[i]);
		}
		// the names as text, whatever the line breaks in a table cell
		String flat = pdftotext(file).replaceAll("\\s+", "");
		for (JsonNode s : b.get("leadingStations")) {
			assertThat(flat).contains(s.get("name").asString());
		}
		for (JsonNode d : b.get("leadingDeputies")) {
			assertThat(flat).contains(d.get("name").asString());
		}
		Files.delete(file);

		Api.Binary docx = county.getBytes("/api/v1/briefings/" + id + "/docx");
		assertThat(docx.status()).isEqualTo(200);
		assertThat(docx.contentType())
			.startsWith("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
		try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx.body()));
				XWPFWordExtractor words = new XWPFWordExtractor(doc)) {
			XWPFTable t = doc.getTables().get(0);
			for (int i = 0; i < LABELS.size(); i++) {
				assertThat(t.getRow(0).getCell(i).getText()).isEqualTo(LABELS.get(i));
				assertThat(t.getRow(1).getCell(i).getText()).isEqualTo(Long.toString(values[i]));
			}
			assertThat(words.getText()).contains("联络动态").contains("全县联络动态测试期");
		}
	}

	static String pdftotext(Path pdf, String... options) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("/usr/bin/pdftotext", "-enc", "UTF-8"));
		command.addAll(List.of(options));
		command.addAll(List.of(pdf.toString(), "-"));
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		byte[] out = p.getInputStream().readAllBytes();
		assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(p.exitValue()).as(new String(out, StandardCharsets.UTF_8)).isZero();
		return new String(out, StandardCharsets.UTF_8);
	}

}
