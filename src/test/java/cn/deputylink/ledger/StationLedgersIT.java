package cn.deputylink.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.deputylink.support.Api;
import cn.deputylink.support.EventPublications;
import cn.deputylink.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The ledger workbook read back by LibreOffice ({@code soffice --convert-to csv}, every
 * sheet): for fixture records of the demo liaison officer's station in a quiet past
 * period, the summary's figures and every sheet's rows are what the test put there and
 * what the statistics API says; for the demo station's current year the same against
 * counts made from the API lists. No phone number unmasked anywhere. The print setup read
 * back with POI; scope for every role, bad dates 400, unknown station 404, the export
 * audited.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StationLedgersIT {

	private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}");

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Api county;

	private long station;

	private long deputyId;

	private LocalDate from;

	private LocalDate to;

	private byte[] quietBook;

	private Map<String, List<List<String>>> quietSheets;

	private LocalDate yearFrom;

	private LocalDate yearTo;

	private byte[] yearBook;

	private Map<String, List<List<String>>> yearSheets;

	@BeforeAll
	void fixtures() throws Exception {
		county = Api.as(port, "county");
		Api liaison = Api.as(port, "liaison");
		station = liaison.get("/api/v1/me").json().get("stationId").asLong();
		deputyId = Api.as(port, "deputy").get("/api/v1/me").json().get("deputyId").asLong();
		// a quiet month long before the demo's history
		Random random = new Random();
		do {
			from = LocalDate.of(2001 + random.nextInt(15), 1 + random.nextInt(12), 1);
			to = from.plusMonths(1).minusDays(1);
		}
		while (summary(from, to).get("activities").asLong() != 0 || summary(from, to).get("opinions").asLong() != 0);
		// three opinions, one closed as resolved, one with a phone typed into its text
		List<Long> opinions = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Map<String, Object> body = new HashMap<>();
			body.put("source", "RECEPTION");
			body.put("stationId", station);
			body.put("content", "台账测试意见 " + i + "，联系电话 13987654321，路灯不亮");
			body.put("receivedAt", from.plusDays(3 + i).atTime(10, 0).atZone(ZONE).toOffsetDateTime().toString());
			body.put("constituent", Map.of("name", "张三丰", "phone", "13812345678"));
			Api.Response r = liaison.post("/api/v1/opinions", Api.json(body));
			assertThat(r.status()).as(r.body()).isEqualTo(201);
			opinions.add(r.id());
		}
		Api.Response closed = county.post("/api/v1/opinions/" + opinions.get(0) + "/close",
				Api.json(Map.of("outcome", "RESOLVED", "reply", "已当场解决")));
		assertThat(closed.status()).as(closed.body()).isEqualTo(200);
		activity(liaison, "RECEPTION", from.plusDays(5), 5, 0, "台账测试接待 群众电话13500001111");
		activity(liaison, "VISIT", from.plusDays(9), 1, 4, "台账测试走访");
		eventsDone();
		quietBook = download(county, from, to);
		quietSheets = convert(quietBook);
		// the demo station's year so far
		LocalDate today = LocalDate.now(ZONE);
		yearFrom = LocalDate.of(today.getYear(), 1, 1);
		yearTo = LocalDate.of(today.getYear(), 12, 31);
		yearBook = download(county, yearFrom, yearTo);
		yearSheets = convert(yearBook);
	}

	private void activity(Api as, String type, LocalDate date, int constituents, int households, String title) {
		Map<String, Object> b = new HashMap<>();
		b.put("type", type);
		b.put("date", date.toString());
		b.put("stationId", station);
		b.put("deputyIds", List.of(deputyId));
		b.put("constituentsReceived", constituents);
		b.put("householdsVisited", households);
		b.put("title", title);
		Api.Response r = as.post("/api/v1/activities", Api.json(b));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
	}

	private void eventsDone() throws InterruptedException {
		assertThat(EventPublications.drained(jdbc, Duration.ofMinutes(1))).as("event publications heard").isTrue();
	}

	private JsonNode summary(LocalDate f, LocalDate t) {
		Api.Response r = county.get("/api/v1/statistics/summary?from=" + f + "&to=" + t + "&stationId=" + station);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}

	private byte[] download(Api as, LocalDate f, LocalDate t) {
		Api.Binary b = as.getBytes("/api/v1/ledgers/stations/" + station + ".xlsx?from=" + f + "&to=" + t);
		assertThat(b.status()).as(new String(b.body(), StandardCharsets.UTF_8)).isEqualTo(200);
		assertThat(b.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		return b.body();
	}

	/** Every sheet of the workbook as LibreOffice reads it, by sheet name. */
	private static Map<String, List<List<String>>> convert(byte[] xlsx) throws Exception {
		Path dir = Files.createTempDirectory("ledger-csv");
		Path file = dir.resolve("ledger.xlsx");
		Files.write(file, xlsx);
		Path profile = Files.createTempDirectory("lo-" + UUID.randomUUID());
		Process p = new ProcessBuilder("soffice", "-env:UserInstallation=" + profile.toUri(), "--headless",
				"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
				"--outdir", dir.toString(), file.toString())
			.redirectErrorStream(true)
			.start();
		String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(log).isTrue();
		assertThat(p.exitValue()).as(log).isZero();
		Map<String, List<List<String>>> sheets = new LinkedHashMap<>();
		try (var files = Files.list(dir)) {
			for (Path csv : files.filter(x -> x.toString().endsWith(".csv")).toList()) {
				String name = csv.getFileName().toString();
				name = name.substring("ledger-".length(), name.length() - ".csv".length());
				sheets.put(name, parse(Files.readString(csv, StandardCharsets.UTF_8)));
			}
		}
		assertThat(sheets).as(log).containsKeys("概况", "值班", "接待", "意见", "活动");
		return sheets;
	}

	/** RFC 4180 as LibreOffice writes it: quoted fields may hold commas and newlines. */
	static List<List<String>> parse(String text) {
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					cell.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					cell.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				row.add(cell.toString());
				cell.setLength(0);
			}
			else if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
				row.add(cell.toString());
				cell.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
			}
			else {
				cell.append(c);
			}
		}
		if (cell.length() > 0 || !row.isEmpty()) {
			row.add(cell.toString());
			rows.add(row);
		}
		return rows;
	}

	/** The summary sheet's figures by label. */
	private static Map<String, String> summaryOf(Map<String, List<List<String>>> sheets) {
		Map<String, String> out = new LinkedHashMap<>();
		for (List<String> r : sheets.get("概况").subList(1, sheets.get("概况").size())) {
			out.put(r.get(0), r.size() > 1 ? r.get(1) : "");
		}
		return out;
	}

	private static void noPhoneAnywhere(Map<String, List<List<String>>> sheets) {
		sheets.forEach((name, rows) -> rows.forEach(
				r -> r.forEach(cell -> assertThat(PHONE.matcher(cell).find()).as("%s: %s", name, cell).isFalse())));
	}

	@Test
	void theQuietPeriodsLedgerHoldsTheFixtureFiguresAndRows() {
		Map<String, String> s = summaryOf(quietSheets);
		assertThat(s).containsEntry("工作室", name(station))
			.containsEntry("期间", from + " 至 " + to)
			.containsEntry("接待日（已接待）", "0")
			.containsEntry("代表活动次数", "2")
			.containsEntry("接待群众人次", "6")
			.containsEntry("走访农户数", "4")
			.containsEntry("收集意见数", "3")
			.containsEntry("已解决意见数", "1")
			.containsEntry("转为代表建议数", "0");
		JsonNode api = summary(from, to);
		assertThat(s.get("代表活动次数")).isEqualTo(api.get("activities").asString());
		assertThat(s.get("收集意见数")).isEqualTo(api.get("opinions").asString());
		assertThat(s.get("已解决意见数")).isEqualTo(api.get("opinionsResolved").asString());
		// header row plus the records
		assertThat(quietSheets.get("值班")).hasSize(1);
		assertThat(quietSheets.get("接待")).hasSize(2);
		assertThat(quietSheets.get("接待").get(1)).startsWith(from.plusDays(5).toString());
		assertThat(quietSheets.get("活动")).hasSize(3);
		assertThat(quietSheets.get("活动").get(2)).startsWith(from.plusDays(9).toString(), "走访慰问", "台账测试走访");
		List<List<String>> opinions = quietSheets.get("意见");
		assertThat(opinions).hasSize(4);
		assertThat(opinions.get(0)).contains("查询码", "群众", "电话", "内容摘要", "办理结果");
		for (List<String> r : opinions.subList(1, 4)) {
			assertThat(r).contains("张**", "138****5678", "接待日");
			assertThat(String.join("|", r)).contains("139****4321").doesNotContain("张三丰");
		}
		assertThat(opinions.get(1)).contains("已办结", "解决");
		noPhoneAnywhere(quietSheets);
	}

	@Test
	void theDemoStationsYearMatchesTheApiLists() {
		Map<String, String> s = summaryOf(yearSheets);
		JsonNode api = summary(yearFrom, yearTo);
		// independently from the lists: counting activities, their counters, opinions
		long activities = 0;
		long constituents = 0;
		long households = 0;
		long receptions = 0;
		for (String status : List.of("RECORDED", "APPROVED")) {
			for (JsonNode a : all("/api/v1/activities?stationId=" + station + "&from=" + yearFrom + "&to=" + yearTo
					+ "&status=" + status)) {
				activities++;
				constituents += a.get("constituentsReceived").asLong();
				households += a.get("householdsVisited").asLong();
				receptions += "RECEPTION".equals(a.get("type").asString()) ? 1 : 0;
			}
		}
		long opinions = 0;
		long resolved = 0;
		for (JsonNode o : all("/api/v1/opinions?stationId=" + station)) {
			LocalDate day = OffsetDateTime.parse(o.get("receivedAt").asString()).atZoneSameInstant(ZONE).toLocalDate();
			if (day.isBefore(yearFrom) || day.isAfter(yearTo) || "MERGED".equals(o.get("status").asString())) {
				continue;
			}
			opinions++;
			if ("CLOSED".equals(o.get("status").asString()) && "RESOLVED".equals(o.get("outcome").asString())) {
				resolved++;
			}
		}
		JsonNode days = county.get("/api/v1/stations/" + station + "/duty-days?from=" + yearFrom + "&to=" + yearTo)
			.json();
		JsonNode dayItems = days.has("items") ? days.get("items") : days;
		long held = dayItems.valueStream().filter(d -> "HELD".equals(d.get("status").asString())).count();
		assertThat(activities).isPositive();
		assertThat(opinions).isPositive();
		assertThat(held).isPositive();
		assertThat(receptions).isPositive();
		assertThat(s).containsEntry("代表活动次数", String.valueOf(activities))
			.containsEntry("接待群众人次", String.valueOf(constituents))
			.containsEntry("走访农户数", String.valueOf(households))
			.containsEntry("收集意见数", String.valueOf(opinions))
			.containsEntry("已解决意见数", String.valueOf(resolved))
			.containsEntry("转为代表建议数", api.get("opinionsConverted").asString())
			.containsEntry("接待日（已接待）", String.valueOf(held));
		assertThat(yearSheets.get("活动")).hasSize((int) activities + 1);
		assertThat(yearSheets.get("接待")).hasSize((int) receptions + 1);
		assertThat(yearSheets.get("意见")).hasSize((int) opinions + 1);
		assertThat(yearSheets.get("值班").size()).isGreaterThan((int) held);
		noPhoneAnywhere(yearSheets);
	}

	private List<JsonNode> all(String path) {
		List<JsonNode> out = new ArrayList<>();
		String cursor = null;
		do {
			Api.Response r = county.get(path + "&limit=500" + (cursor == null ? "" : "&cursor=" + cursor));
			assertThat(r.status()).as(r.body()).isEqualTo(200);
			r.json().get("items").valueStream().forEach(out::add);
			JsonNode next = r.json().get("nextCursor");
			cursor = next == null || next.isNull() ? null : next.asString();
		}
		while (cursor != null);
		return out;
	}

	private String name(long id) {
		return county.get("/api/v1/stations/" + id).json().get("name").asString();
	}

	@Test
	void everySheetPrintsOnA4WithItsHeaderOnEveryPage() throws IOException {
		try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(quietBook))) {
			assertThat(wb.getNumberOfSheets()).isEqualTo(5);
			assertThat(wb.getSheetName(0)).isEqualTo("概况");
			for (Sheet sheet : wb) {
				PrintSetup p = sheet.getPrintSetup();
				assertThat(p.getPaperSize()).as(sheet.getSheetName()).isEqualTo(PrintSetup.A4_PAPERSIZE);
				assertThat(sheet.getFitToPage()).isTrue();
				assertThat(p.getFitWidth()).isEqualTo((short) 1);
				assertThat(p.getFitHeight()).isEqualTo((short) 0);
				assertThat(sheet.getRepeatingRows()).isEqualTo(CellRangeAddress.valueOf("1:1"));
				assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
				assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
				assertThat(sheet.getFooter().getCenter()).isEqualTo("第 &P 页 共 &N 页");
				assertThat(sheet.getHeader().getCenter()).contains(name(station), from.toString(), to.toString());
				assertThat(wb.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
				assertThat(sheet.getColumnWidth(0)).isGreaterThan(8 * 256);
			}
			assertThat(wb.getSheet("意见").getPrintSetup().getLandscape()).isTrue();
			assertThat(wb.getSheet("概况").getPrintSetup().getLandscape()).isFalse();
		}
	}

	@Test
	void theFileIsAnAttachmentWithItsChineseName() throws Exception {
		HttpResponse<byte[]> r = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + port + "/api/v1/ledgers/stations/" + station
						+ ".xlsx?from=" + from + "&to=" + to))
				.header("Authorization", "Bearer " + county.token())
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(r.statusCode()).isEqualTo(200);
		String disposition = r.headers().firstValue("Content-Disposition").orElseThrow();
		String expected = "台账-" + name(station) + "-" + from + "至" + to + ".xlsx";
		assertThat(disposition).startsWith("attachment")
			.contains("filename*=UTF-8''" + URLEncoder.encode(expected, StandardCharsets.UTF_8).replace("+", "%20"));
	}

	@Test
	void scopeByRole() {
		String q = ".xlsx?from=" + from + "&to=" + to;
		String own = "/api/v1/ledgers/stations/" + station + q;
		long ownTownship = Api.as(port, "liaison").get("/api/v1/me").json().get("townshipId").asLong();
		long otherTownship = Api.as(port, "township2").get("/api/v1/me").json().get("townshipId").asLong();
		long otherStation = county.get("/api/v1/stations?townshipId=" + otherTownship)
			.json()
			.get("items")
			.get(0)
			.get("id")
			.asLong();
		String other = "/api/v1/ledgers/stations/" + otherStation + q;
		assertThat(county.getBytes(own).status()).isEqualTo(200);
		assertThat(county.getBytes(other).status()).isEqualTo(200);
		assertThat(Api.as(port, "township").getBytes(own).status()).isEqualTo(200);
		assertThat(Api.as(port, "township").getBytes(other).status()).isEqualTo(403);
		assertThat(Api.as(port, "township2").getBytes(own).status()).isEqualTo(403);
		assertThat(Api.as(port, "township2").getBytes(other).status()).isEqualTo(200);
		Api liaison = Api.as(port, "liaison");
		assertThat(liaison.getBytes(own).status()).isEqualTo(200);
		assertThat(liaison.getBytes(other).status()).isEqualTo(403);
		county.get("/api/v1/stations?townshipId=" + ownTownship)
			.json()
			.get("items")
			.valueStream()
			.map(st -> st.get("id").asLong())
			.filter(id -> id != station)
			.findFirst()
			.ifPresent(sibling -> assertThat(liaison.getBytes("/api/v1/ledgers/stations/" + sibling + q).status())
				.as("another station of the liaison officer's township")
				.isEqualTo(403));
		assertThat(Api.as(port, "deputy").getBytes(own).status()).isEqualTo(403);
		assertThat(Api.as(port, "department").getBytes(own).status()).isEqualTo(403);
		assertThat(Api.as(port, "deputy")
			.get("/api/v1/ledgers/stations/" + station + "/figures?from=" + from + "&to=" + to)
			.status()).isEqualTo(403);
		assertThat(Api.anonymous(port).getBytes(own).status()).isEqualTo(401);
	}

	@Test
	void badDatesAre400AndAnUnknownStation404() {
		String base = "/api/v1/ledgers/stations/" + station + ".xlsx";
		for (String q : List.of("?from=2026-03-01&to=2026-02-01", "?from=2020-01-01&to=2025-01-01",
				"?from=2026-13-01&to=2026-12-31", "?from=2026-01-01&to=yesterday", "?from=2026-01-01", "")) {
			Api.Response r = county.get(base + q);
			assertThat(r.status()).as(q + ": " + r.body()).isEqualTo(400);
			assertThat(r.contentType()).as(q).startsWith("application/problem+json");
		}
		// five years less a day is the longest period
		assertThat(county.getBytes(base + "?from=2020-01-01&to=2024-12-31").status()).isEqualTo(200);
		Api.Response unknown = county.get("/api/v1/ledgers/stations/999999999.xlsx?from=2026-01-01&to=2026-01-31");
		assertThat(unknown.status()).as(unknown.body()).isEqualTo(404);
		assertThat(Api.as(port, "deputy")
			.get("/api/v1/ledgers/stations/999999999.xlsx?from=2026-01-01&to=2026-01-31")
			.status()).isEqualTo(403);
	}

	@Test
	void everyExportIsAudited() {
		String detail = from + ".." + to;
		long before = audits(detail);
		download(county, from, to);
		assertThat(audits(detail)).isEqualTo(before + 1);
	}

	private long audits(String detail) {
		Long n = jdbc
			.sql("select count(*) from audit_event where action = 'ledger.export' and target = :t and detail = :d")
			.param("t", "station/" + station)
			.param("d", detail)
			.query(Long.class)
			.single();
		return n == null ? 0 : n;
	}

}
