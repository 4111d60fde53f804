package cn.deputylink.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.deputylink.shared.excel.Spreadsheets;
import cn.deputylink.support.Api;
import cn.deputylink.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * The calendar API end to end: the shipped defaults, edits by the county and the
 * arithmetic that follows them, refusals, and all-or-nothing imports. Each test works in
 * a year of its own.
 */
@IntegrationTest
class CalendarApiIT {

	@LocalServerPort
	int port;

	private Api.Response upload(Api api, int year, String fileName, byte[] content) {
		String boundary = "----calendar" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return api.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/calendar/" + year + "/import"))
					.header("Content-Type", "multipart/form-data; boundary=" + boundary)
					.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	private static byte[] csv(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** The year's special days as "date kind name". */
	private static List<String> days(Api api, int year) {
		var r = api.get("/api/v1/calendar/" + year);
		assertThat(r.status()).isEqualTo(200);
		assertThat(r.json().get("year").asInt()).isEqualTo(year);
		return r.json()
			.get("days")
			.valueStream()
			.map(d -> d.get("date").asString() + " " + d.get("kind").asString() + " " + d.get("name").asString())
			.toList();
	}

	private static String due(Api api, String from, int n) {
		var r = api.get("/api/v1/calendar/working-days?from=" + from + "&days=" + n);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		assertThat(r.json().get("from").asString()).isEqualTo(from);
		assertThat(r.json().get("days").asInt()).isEqualTo(n);
		return r.json().get("date").asString();
	}

	@Test
	void theShippedHolidaysAreLoadedAndEveryoneReadsThem() {
		Api deputy = Api.as(port, "deputy");
		List<String> y2025 = days(deputy, 2025);
		assertThat(y2025)
			.contains("2025-10-01 HOLIDAY 国庆节、中秋节", "2025-09-28 WORKDAY 国庆节、中秋节调休上班", "2025-01-28 HOLIDAY 春节",
					"2025-02-08 WORKDAY 春节调休上班")
			.hasSize(33);
		assertThat(days(deputy, 2026)).contains("2026-10-01 HOLIDAY 国庆节", "2026-02-14 WORKDAY 春节调休上班").hasSize(39);
		// 15 working days from Friday 26 September 2025 cross the National Day week
		assertThat(due(deputy, "2025-09-26", 15)).isEqualTo("2025-10-23");
		assertThat(due(deputy, "2025-10-03", 0)).isEqualTo("2025-10-09");
		assertThat(Api.anonymous(port).get("/api/v1/calendar/2025").status()).isEqualTo(401);
	}

	@Test
	void aCountyAdminEditsADayAndTheArithmeticFollows() {
		Api county = Api.as(port, "county");
		assertThat(due(county, "2027-03-05", 1)).as("Friday + 1").isEqualTo("2027-03-08");

		var put = county.put("/api/v1/calendar/days/2027-03-08", Api.json(Map.of("kind", "HOLIDAY", "name", "测试假日")));
		assertThat(put.status()).as(put.body()).isEqualTo(200);
		assertThat(put.json().get("date").asString()).isEqualTo("2027-03-08");
		assertThat(due(county, "2027-03-05", 1)).isEqualTo("2027-03-09");

		assertThat(county.put("/api/v1/calendar/days/2027-03-06", Api.json(Map.of("kind", "WORKDAY", "name", "调休上班")))
			.status()).isEqualTo(200);
		assertThat(due(county, "2027-03-05", 1)).as("the Saturday now works").isEqualTo("2027-03-06");
		// changing a day that is already special
		assertThat(county.put("/api/v1/calendar/days/2027-03-08", Api.json(Map.of("kind", "HOLIDAY", "name", "改名假日")))
			.status()).isEqualTo(200);
		assertThat(days(county, 2027)).containsExactly("2027-03-06 WORKDAY 调休上班", "2027-03-08 HOLIDAY 改名假日");

		assertThat(county.delete("/api/v1/calendar/days/2027-03-06").status()).isEqualTo(204);
		assertThat(county.delete("/api/v1/calendar/days/2027-03-08").status()).isEqualTo(204);
		assertThat(county.delete("/api/v1/calendar/days/2027-03-08").status()).isEqualTo(404);
		assertThat(due(county, "2027-03-05", 1)).isEqualTo("2027-03-08");
		assertThat(days(county, 2027)).isEmpty();
		// every write is in the audit log
		var audit = county.get("/api/v1/audit?action=PUT&q=calendar/days/2027-03-08");
		assertThat(audit.body()).contains("/api/v1/calendar/days/2027-03-08");
	}

	@Test
	void onlyTheCountyChangesTheCalendar() {
		Api township = Api.as(port, "township");
		assertThat(township.get("/api/v1/calendar/2025").status()).isEqualTo(200);
		assertThat(township.put("/api/v1/calendar/days/2025-10-09", Api.json(Map.of("kind", "HOLIDAY", "name", "私放")))
			.status()).isEqualTo(403);
		assertThat(township.delete("/api/v1/calendar/days/2025-10-01").status()).isEqualTo(403);
		assertThat(upload(township, 2025, "x.csv", csv("date,kind,name\n2025-10-09,HOLIDAY,私放\n")).status())
			.isEqualTo(403);
		List<String> y2025 = days(township, 2025);
		assertThat(y2025).contains("2025-10-01 HOLIDAY 国庆节、中秋节").noneMatch(d -> d.startsWith("2025-10-09"));
	}

	@Test
	void badInputIsA400AndWritesNothing() {
		Api county = Api.as(port, "county");
		String ok = Api.json(Map.of("kind", "HOLIDAY", "name", "假日"));
		Map<String, String> cases = Map.of("/api/v1/calendar/days/2029-13-01", ok, //
				"/api/v1/calendar/days/yesterday", ok, //
				"/api/v1/calendar/days/2029-05-07", Api.json(Map.of("kind", "PARTY", "name", "派对")), //
				"/api/v1/calendar/days/2029-05-08", Api.json(Map.of("kind", "HOLIDAY", "name", "  ")), //
				"/api/v1/calendar/days/2029-05-09", Api.json(Map.of("kind", "HOLIDAY", "name", "长".repeat(101))), //
				"/api/v1/calendar/days/2029-05-10", Api.json(Map.of("kind", "WORKDAY", "name", "周四不能调休")), //
				"/api/v1/calendar/days/2029-05-11", "{\"name\":\"无类型\"}", //
				"/api/v1/calendar/days/1999-05-11", ok);
		cases.forEach((path, body) -> {
			var r = county.put(path, body);
			assertThat(r.status()).as(path + " " + body).isEqualTo(400);
			assertThat(r.contentType()).startsWith("application/problem+json");
			assertThat(r.json().get("errors").size()).as(r.body()).isPositive();
		});
		JsonNode kind = county.put("/api/v1/calendar/days/2029-05-07", Api.json(Map.of("kind", "PARTY", "name", "派对")))
			.json();
		assertThat(kind.get("errors").get(0).get("field").asString()).isEqualTo("kind");
		assertThat(days(county, 2029)).isEmpty();
		// a name of exactly 100 characters is fine
		assertThat(county
			.put("/api/v1/calendar/days/2029-05-09", Api.json(Map.of("kind", "HOLIDAY", "name", "长".repeat(100))))
			.status()).isEqualTo(200);
		assertThat(county.delete("/api/v1/calendar/days/2029-05-09").status()).isEqualTo(204);

		for (String path : new String[] { "/api/v1/calendar/abc", "/api/v1/calendar/1999", "/api/v1/calendar/20260",
				"/api/v1/calendar/working-days?from=2026-02-30&days=3",
				"/api/v1/calendar/working-days?from=2026-03-02&days=-1",
				"/api/v1/calendar/working-days?from=2026-03-02&days=x", "/api/v1/calendar/working-days?days=3" }) {
			var r = county.get(path);
			assertThat(r.status()).as(path).isEqualTo(400);
			assertThat(r.contentType()).as(path).startsWith("application/problem+json");
		}
		assertThat(county.delete("/api/v1/calendar/days/2029-02-30").status()).isEqualTo(400);
		assertThat(upload(county, 1999, "x.csv", csv("date,kind,name\n1999-10-01,HOLIDAY,国庆节\n")).status())
			.isEqualTo(400);
	}

	@Test
	void anImportReplacesTheYear() {
		Api county = Api.as(port, "county");
		assertThat(county.put("/api/v1/calendar/days/2028-01-03", Api.json(Map.of("kind", "HOLIDAY", "name", "旧安排")))
			.status()).isEqualTo(200);
		var r = upload(county, 2028, "2028.csv", csv("""
				date,kind,name
				2028-01-01,HOLIDAY,元旦
				2028-10-01,HOLIDAY,"国庆节"

				2028-09-30,WORKDAY,国庆节调休上班
				"""));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		assertThat(r.json().get("year").asInt()).isEqualTo(2028);
		assertThat(r.json().get("imported").asInt()).isEqualTo(3);
		assertThat(days(county, 2028)).containsExactly("2028-01-01 HOLIDAY 元旦", "2028-09-30 WORKDAY 国庆节调休上班",
				"2028-10-01 HOLIDAY 国庆节");

		// the same from Excel, with Chinese headers and kinds
		byte[] xlsx = Spreadsheets.write("日历", List.of("日期", "类型", "名称"),
				List.of(List.of("2028-05-01", "休", "劳动节"), List.of("2028-04-29", "班", "劳动节调休上班")));
		var x = upload(county, 2028, "2028.xlsx", xlsx);
		assertThat(x.status()).as(x.body()).isEqualTo(200);
		assertThat(x.json().get("imported").asInt()).isEqualTo(2);
		assertThat(days(county, 2028)).containsExactly("2028-04-29 WORKDAY 劳动节调休上班", "2028-05-01 HOLIDAY 劳动节");
		assertThat(due(county, "2028-04-28", 1)).isEqualTo("2028-04-29");
	}

	@Test
	void anImportWithABadRowChangesNothingAndNamesTheRow() {
		Api county = Api.as(port, "county");
		assertThat(upload(county, 2030, "2030.csv", csv("date,kind,name\n2030-10-01,HOLIDAY,国庆节\n")).status())
			.isEqualTo(200);
		var r = upload(county, 2030, "2030.csv", csv("""
				date,kind,name
				2030-10-02,HOLIDAY,国庆节
				2031-01-01,HOLIDAY,元旦
				2030-10-03,HOLIDY,国庆节
				2030-10-04,HOLIDAY,国庆节
				"""));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.contentType()).startsWith("application/problem+json");
		assertThat(r.json().get("errors").valueStream().map(e -> e.get("row").asInt()).toList()).containsExactly(3, 4);
		assertThat(r.body()).contains("2031-01-01", "HOLIDY");
		assertThat(days(county, 2030)).containsExactly("2030-10-01 HOLIDAY 国庆节");

		var notACalendar = upload(county, 2030, "x.csv", csv("日期,名称\n2030-10-02,国庆节\n"));
		assertThat(notACalendar.status()).isEqualTo(400);
		assertThat(upload(county, 2030, "x.xlsx", new byte[] { 'P', 'K', 3, 4, 0 }).status()).isEqualTo(400);
		assertThat(days(county, 2030)).containsExactly("2030-10-01 HOLIDAY 国庆节");
	}

}
