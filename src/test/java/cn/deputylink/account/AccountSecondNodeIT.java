package cn.deputylink.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import cn.deputylink.DeputyLinkApplication;
import cn.deputylink.account.internal.Totp;
import cn.deputylink.support.Api;
import cn.deputylink.support.IntegrationTest;

/**
 * Two nodes, one database: a second application context is started against the test's
 * database, and whatever one node decides about sessions, tokens, second-factor codes and
 * the throttle, the other honours — nothing of it is kept in memory.
 */
@IntegrationTest
class AccountSecondNodeIT {

	static final String PASSWORD = "Start#2026xy";

	private static ConfigurableApplicationContext node2;

	private static int port2;

	@LocalServerPort
	int port;

	@Autowired
	Environment env;

	@Autowired
	Accounts accounts;

	@BeforeEach
	void startSecondNode() {
		if (node2 != null) {
			return;
		}
		var props = new ArrayList<String>();
		for (String key : new String[] { "spring.datasource.url", "spring.datasource.username",
				"spring.datasource.password", "spring.flyway.schemas", "deputylink.data-dir",
				// the test context's raised rate limits: every test calls from one
				// address
				"deputylink.rate-limits.submissions.limit", "deputylink.rate-limits.tracking.limit",
				"deputylink.rate-limits.logins.limit", "deputylink.rate-limits.sms-per-phone.limit" }) {
			String v = env.getProperty(key);
			if (v != null) {
				// the same database and the same data directory (its encryption key), as
				// nodes share them
				props.add("--" + key + "=" + v);
			}
		}
		props.add("--server.port=0");
		props.add("--deputylink.demo.enabled=false");
		props.add("--deputylink.notifications.dispatcher-enabled=false");
		props.add("--deputylink.opinions.overdue-notices-enabled=false");
		// as command-line arguments: they win over application.properties, as the test's
		// own settings do
		node2 = new SpringApplicationBuilder(DeputyLinkApplication.class).run(props.toArray(String[]::new));
		port2 = ((WebServerApplicationContext) node2).getWebServer().getPort();
	}

	@AfterAll
	static void stopSecondNode() {
		if (node2 != null) {
			node2.close();
			node2 = null;
		}
	}

	private String newAdmin() {
		String name = "n" + ThreadLocalRandom.current().nextInt(10_000_000);
		var r = Api.as(port, "county")
			.post("/api/v1/users", Api
				.json(Map.of("username", name, "password", PASSWORD, "displayName", "测试", "role", "COUNTY_ADMIN")));
		assertThat(r.status()).isEqualTo(201);
		return name;
	}

	@Test
	void aPasswordChangedOnOneNodeEndsTheSessionsAndTokensOfTheOther() throws Exception {
		String user = newAdmin();
		Cookies browser = new Cookies();
		browser.login(port, user, PASSWORD);
		// the session, kept in the database, works on both nodes
		assertThat(browser.get(port, "/dashboard").statusCode()).isEqualTo(200);
		assertThat(browser.get(port2, "/dashboard").statusCode()).isEqualTo(200);
		Api onNode1 = Api.as(port, user, PASSWORD);
		assertThat(Api.withToken(port2, onNode1.token()).get("/api/v1/me").status()).isEqualTo(200);

		Api changing = Api.as(port2, user, PASSWORD);
		assertThat(changing
			.post("/api/v1/me/password", Api.json(Map.of("currentPassword", PASSWORD, "newPassword", "Changed#2026yz")))
			.status()).isEqualTo(204);

		assertThat(onNode1.get("/api/v1/me").status()).isEqualTo(401);
		var ended = browser.get(port, "/dashboard");
		assertThat(ended.statusCode()).isEqualTo(302);
		assertThat(ended.headers().firstValue("Location").orElseThrow()).endsWith("/login?expired");
		assertThat(Api.withToken(port, changing.token()).get("/api/v1/me").status()).isEqualTo(200);
	}

	@Test
	void aCodeUsedOnOneNodeIsRefusedOnTheOther() {
		String user = newAdmin();
		var a = accounts.findByUsername(user).orElseThrow();
		String secret = Totp.newSecret();
		long step = Instant.now().getEpochSecond() / 30;
		accounts.enableTotp(new CurrentUser(a.id(), user, "测试", Role.COUNTY_ADMIN, null, null, null, null, false, false,
				null, true, false), secret, Totp.code(secret, step - 1));
		String body = Api.json(Map.of("username", user, "password", PASSWORD, "code", Totp.code(secret, step)));
		assertThat(Api.anonymous(port).post("/api/v1/auth/token", body).status()).isEqualTo(200);
		assertThat(Api.anonymous(port2).post("/api/v1/auth/token", body).status()).isEqualTo(401);
	}

	@Test
	void failuresCountedOnOneNodeHoldTheAddressOffOnTheOther() {
		String user = "nobody" + ThreadLocalRandom.current().nextInt(10_000_000);
		String wrong = Api.json(Map.of("username", user, "password", "Wrong#2026xyz"));
		for (int i = 0; i < 5; i++) {
			assertThat(Api.anonymous(i % 2 == 0 ? port : port2).post("/api/v1/auth/token", wrong).status())
				.isEqualTo(401);
		}
		assertThat(Api.anonymous(port2).post("/api/v1/auth/token", wrong).status()).isEqualTo(423);
		assertThat(Api.anonymous(port).post("/api/v1/auth/token", wrong).status()).isEqualTo(423);
	}

	/**
	 * One cookie jar for both nodes (cookies do not care about ports), with the CSRF
	 * token of the last page.
	 */
	static final class Cookies {

		private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		private String csrf;

		HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
			var r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString());
			Matcher m = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(r.body());
			if (m.find()) {
				csrf = m.group(1);
			}
			return r;
		}

		void login(int port, String username, String password) throws IOException, InterruptedException {
			get(port, "/login");
			String body = Map.of("username", username, "password", password, "_csrf", csrf)
				.entrySet()
				.stream()
				.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			var r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(r.statusCode()).isEqualTo(302);
			assertThat(r.headers().firstValue("Location").orElseThrow()).doesNotContain("/login");
		}

	}

}
