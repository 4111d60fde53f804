package cn.deputylink.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.deputylink.support.Api;
import cn.deputylink.support.FormSession;
import cn.deputylink.support.IntegrationTest;

/**
 * The pages over real HTTP with a browser's cookies: CSRF, forms, htmx fragments, scope,
 * headers.
 */
@IntegrationTest
class PagesIT {

	@LocalServerPort
	int port;

	@Test
	void formsWithoutTheCsrfTokenAreRefused() throws Exception {
		FormSession s = new FormSession(port);
		s.get("/login");
		assertThat(s.post("/login", Map.of("username", "county", "password", Api.DEMO_PASSWORD), false).statusCode())
			.isEqualTo(403);
		s.login("county");
		assertThat(s.post("/org/townships", Map.of("code", "NOCSRF", "name", "无令牌镇"), false).statusCode())
			.isEqualTo(403);
		assertThat(Api.as(port, "county").get("/api/v1/townships?q=NOCSRF").json().get("items").size()).isZero();
	}

	@Test
	void anInvalidFormShowsChineseMessagesAndWritesNothing() throws Exception {
		FormSession s = new FormSession(port).login("county");
		s.get("/org/townships/new");
		var r = s.post("/org/townships", Map.of("code", "BAD CODE!", "name", ""), true);
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.body()).contains("请修改下面标出的内容", "必填", "格式不正确");
		assertThat(Api.as(port, "county").get("/api/v1/townships?q=BAD").json().get("items").size()).isZero();
	}

	@Test
	void aValidFormSavesAndRedirectsWithAMessage() throws Exception {
		FormSession s = new FormSession(port).login("county");
		s.get("/org/townships/new");
		String code = "P" + System.nanoTime() % 1_000_000;
		var r = s.post("/org/townships", Map.of("code", code, "name", "页面镇" + code), true);
		assertThat(r.statusCode()).isEqualTo(302);
		assertThat(s.get("/org/townships?q=" + code).body()).contains("页面镇" + code, "已保存");
	}

	@Test
	void theVillageChoicesAreAnHtmxFragment() throws Exception {
		FormSession s = new FormSession(port).login("township");
		long own = Api.as(port, "township").get("/api/v1/me").json().get("townshipId").asLong();
		var r = s.get("/org/stations/villages?townshipId=" + own, "HX-Request", "true");
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.body()).contains("name=\"villageIds\"").doesNotContain("<html");
		long other = Api.as(port, "county")
			.get("/api/v1/townships?q=T02")
			.json()
			.get("items")
			.get(0)
			.get("id")
			.asLong();
		assertThat(s.get("/org/stations/villages?townshipId=" + other, "HX-Request", "true").statusCode())
			.isEqualTo(403);
	}

	@Test
	void aTownshipAdminSeesOnlyItsOwnStationsAndIsRefusedOthers() throws Exception {
		FormSession s = new FormSession(port).login("township");
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
		FormSession s = new FormSession(port).login("county");
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
		FormSession s = new FormSession(port);
		assertThat(s.get("/login?lang=en&text=large").body()).contains("Sign in", "large-text");
		assertThat(s.get("/login").body()).contains("Sign in", "large-text");
		assertThat(s.get("/login?lang=zh_CN&text=normal").body()).contains("登录").doesNotContain("class=\"large-text\"");
	}

}
