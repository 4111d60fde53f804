package cn.deputylink.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.deputylink.support.Api;
import cn.deputylink.support.IntegrationTest;

/** The calendar page over real HTTP with a browser's cookies and CSRF tokens. */
@IntegrationTest
class CalendarPagesIT {

	@LocalServerPort
	int port;

	/** A browser without a browser: a cookie jar and the CSRF token of the last page. */
	final class Session {

		final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		String csrf;

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
			Matcher m = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(r.body());
			if (m.find()) {
				csrf = m.group(1);
			}
			return r;
		}

		HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
			String body = form.entrySet()
				.stream()
				.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			body += (body.isEmpty() ? "" : "&") + "_csrf=" + csrf;
			return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> upload(String path, String year, String fileName, String content)
				throws IOException, InterruptedException {
			String boundary = "----page" + System.nanoTime();
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			for (Map.Entry<String, String> f : Map.of("_csrf", csrf, "year", year).entrySet()) {
				body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
						+ f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
			}
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
					+ "\"\r\nContent-Type: text/csv\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n")
				.getBytes(StandardCharsets.UTF_8));
			return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		Session login(String user) throws IOException, InterruptedException {
			get("/login");
			var r = post("/login", Map.of("username", user, "password", Api.DEMO_PASSWORD));
			assertThat(r.statusCode()).isEqualTo(302);
			assertThat(r.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
			return this;
		}
	}

	@Test
	void theCountyAdminSeesTheYearInChineseOrEnglish() throws Exception {
		Session s = new Session().login("county");
		var r = s.get("/admin/calendar?year=2025");
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.body()).contains("2025 年工作日历", "国庆节、中秋节", "调休上班", "星期三", "放假 28 天，调休上班 5 天",
				"data-confirm=", "name=\"file\"", "2026 年 ›");
		var en = s.get("/admin/calendar?year=2025&lang=en");
		assertThat(en.body()).contains("Working calendar 2025", "Wednesday", "Adjusted working day");
		s.get("/admin/calendar?lang=zh_CN");
	}

	@Test
	void aFormPostAddsAChangesAndDeletesADay() throws Exception {
		Session s = new Session().login("county");
		s.get("/admin/calendar?year=2032");
		var r = s.post("/admin/calendar/days", Map.of("year", "2032", "date", "2032-06-01", "kind", "HOLIDAY", "name", "页面假日"));
		assertThat(r.statusCode()).isEqualTo(302);
		assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/admin/calendar?year=2032");
		assertThat(s.get("/admin/calendar?year=2032").body()).contains("页面假日", "已保存", "2032-06-01");
		assertThat(Api.as(port, "county").get("/api/v1/calendar/2032").body()).contains("页面假日");

		var edit = s.get("/admin/calendar?year=2032&edit=2032-06-01");
		assertThat(edit.body()).contains("value=\"页面假日\"");

		var invalid = s.post("/admin/calendar/days", Map.of("year", "2032", "date", "2032-06-02", "kind", "HOLIDAY", "name", ""));
		assertThat(invalid.statusCode()).isEqualTo(200);
		assertThat(invalid.body()).contains("请修改下面标出的内容", "必填");
		assertThat(Api.as(port, "county").get("/api/v1/calendar/2032").body()).doesNotContain("2032-06-02");

		var deleted = s.post("/admin/calendar/days/2032-06-01/delete", Map.of());
		assertThat(deleted.statusCode()).isEqualTo(302);
		assertThat(s.get("/admin/calendar?year=2032").body()).contains("已删除 2032-06-01").doesNotContain("页面假日");
	}

	@Test
	void anUploadReplacesTheYearOrListsTheBadRows() throws Exception {
		Session s = new Session().login("county");
		s.get("/admin/calendar?year=2033");
		var bad = s.upload("/admin/calendar/import", "2033", "2033.csv",
				"date,kind,name\n2033-10-01,HOLIDAY,国庆节\n2033-10-02,休假,国庆节\n");
		assertThat(bad.statusCode()).isEqualTo(422);
		assertThat(bad.body()).contains("import-errors", "休假");
		assertThat(Api.as(port, "county").get("/api/v1/calendar/2033").json().get("days").size()).isZero();

		s.get("/admin/calendar?year=2033");
		var good = s.upload("/admin/calendar/import", "2033", "2033.csv", "date,kind,name\n2033-10-03,HOLIDAY,国庆节\n");
		assertThat(good.statusCode()).isEqualTo(302);
		assertThat(s.get("/admin/calendar?year=2033").body()).contains("已导入 2033 年的 1 天安排", "2033-10-03");
	}

	@Test
	void othersMayLookButNotChange() throws Exception {
		Session s = new Session().login("township");
		var r = s.get("/admin/calendar?year=2025");
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.body()).contains("国庆节、中秋节").doesNotContain("id=\"day-form\"", "data-confirm=");
		Map<String, String> form = new LinkedHashMap<>(Map.of("date", "2025-10-09", "kind", "HOLIDAY", "name", "私放"));
		assertThat(s.post("/admin/calendar/days", form).statusCode()).isEqualTo(403);
		assertThat(s.post("/admin/calendar/days/2025-10-01/delete", Map.of()).statusCode()).isEqualTo(403);
		assertThat(Api.as(port, "county").get("/api/v1/calendar/2025").body()).contains("2025-10-01")
			.doesNotContain("私放");
	}
}
