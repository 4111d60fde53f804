package cn.deputylink.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.deputylink.support.Api;
import cn.deputylink.support.IntegrationTest;

/** The pages over real HTTP with a browser's cookies: CSRF, forms, htmx fragments, scope, headers. */
@IntegrationTest
class PagesIT {

	@LocalServerPort
	int port;

	/** A browser without a browser: a cookie jar and the CSRF token of the last page. */
	final class Session {

		final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		String csrf;

		HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
			HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
			for (int i = 0; i < headers.length; i += 2) {
				b.header(headers[i], headers[i + 1]);
			}
			HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
			Matcher m = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(r.body());
			if (m.find()) {
				csrf = m.group(1);
			}
			return r;
		}

		HttpResponse<String> post(String path, Map<String, String> form, boolean withCsrf)
				throws IOException, InterruptedException {
			String body = form.entrySet()
				.stream()
				.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			if (withCsrf) {
				body += (body.isEmpty() ? "" : "&") + "_csrf=" + csrf;
			}
			return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		Session login(String user) throws IOException, InterruptedException {
			get("/login");
			var r = post("/login", Map.of("username", user, "password", Api.DEMO_PASSWORD), true);
			assertThat(r.statusCode()).isEqualTo(302);
			assertThat(r.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
			return this;
		}
	}

	@Test
	void formsWithoutTheCsrfTokenAreRefused() throws Exception {
		Session s = new Session();
		s.get("/login");
		assertThat(s.post("/login", Map.of("username", "county", "password", Api.DEMO_PASSWORD), false).statusCode())
			.isEqualTo(403);
		s.login("county");
		assertThat(s.post("/org/townships", Map.of("code", "NOCSRF", "name", "无令牌镇"), false).statusCode()).isEqualTo(403);
		assertThat(Api.as(port, "county").get("/api/v1/townships?q=NOCSRF").json().get("items").size()).isZero();
	}

	@Test
	void anInvalidFormShowsChineseMessagesAndWritesNothing() throws Exception {
		Session s = new Session().login("county");
		s.get("/org/townships/new");
		var r = s.post("/org/townships", Map.of("code", "BAD CODE!", "name", ""), true);
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.body()).contains("请修改下面标出的内容", "必填", "格式不正确");
		assertThat(Api.as(port, "county").get("/api/v1/townships?q=BAD").json().get("items").size()).isZero();
	}

	@Test
	void aValidFormSavesAndRedirectsWithAMessage() throws Exception {
		Session s = new Session().login("county");
		s.get("/org/townships/new");
		String code = "P" + System.nanoTime() % 1_000_000;
		var r = s.post("/org/townships", Map.of("code", code, "name", "页面镇" + code), true);
		assertThat(r.statusCode()).isEqualTo(302);
		assertThat(s.get("/org/townships?q=" + code).body()).contains("页面镇" + code, "已保存");
	}

	@Test
	void theVillageChoicesAreAnHtmxFragment() throws Exception {
		Session s = new Session().login("township");
		long own = Api.as(port, "township").get("/api/v1/me").json().get("townshipId").asLong();
		var r = s.get("/org/stations/villages?townshipId=" + own, "HX-Request", "true");
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.body()).contains("name=\"villageIds\"").doesNotContain("<html");
		long other = Api.as(port, "county").get("/api/v1/townships?q=T02").json().get("items").get(0).get("id").asLong();
		assertThat(s.get("/org/stations/villages?townshipId=" + other, "HX-Request", "true").statusCode()).isEqualTo(403);
	}

	@Test
	void aTownshipAdminSeesOnlyItsOwnStationsAndIsRefusedOthers() throws Exception {
		Session s = new Session().login("township");
		Api county = Api.as(port, "county");
		long other = county.get("/api/v1/townships?q=T02").json().get("items").get(0).get("id").asLong();
		var otherStation = county.get("/api/v1/stations?townshipId=" + other).json().get("items").get(0);
		String list = s.get("/org/stations").body();
		assertThat(list).doesNotContain(otherStation.get("name").asString());
		var refused = s.get("/org/stations/" + otherStation.get("id").asLong() + "/edit");
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).doesNotContain(otherStation.get("address").asString());
	}

	@Test
	void everyPageCarriesTheSecurityHeadersAndTheDemoBanner() throws Exception {
		Session s = new Session().login("county");
		for (String path : new String[] { "/dashboard", "/org/stations", "/org/deputies", "/admin/audit" }) {
			var r = s.get(path);
			assertThat(r.statusCode()).as(path).isEqualTo(200);
			assertThat(r.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'");
			assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
			assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
			assertThat(r.body()).as(path).contains("演示系统");
		}
		assertThat(s.get("/org/deputies").body()).containsPattern("1\\d{2}\\*{4}\\d{4}");
	}

	@Test
	void languageAndLargeTextAreRemembered() throws Exception {
		Session s = new Session();
		assertThat(s.get("/login?lang=en&text=large").body()).contains("Sign in", "large-text");
		assertThat(s.get("/login").body()).contains("Sign in", "large-text");
		assertThat(s.get("/login?lang=zh_CN&text=normal").body()).contains("登录").doesNotContain("class=\"large-text\"");
	}
}
