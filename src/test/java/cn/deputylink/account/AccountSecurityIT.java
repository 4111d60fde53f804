package cn.deputylink.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.deputylink.account.internal.Totp;
import cn.deputylink.support.Api;
import cn.deputylink.support.IntegrationTest;

/**
 * Tokens, lockout, forced password change, the second factor, headers and the audit of
 * logins.
 */
@IntegrationTest
class AccountSecurityIT {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	private String newAdmin(Api county, boolean mustChange) {
		String name = "u" + ThreadLocalRandom.current().nextInt(10_000_000);
		var r = county.post("/api/v1/users", Api.json(Map.of("username", name, "password", "Start#2026xy",
				"displayName", "测试", "role", "COUNTY_ADMIN", "mustChangePassword", mustChange)));
		assertThat(r.status()).isEqualTo(201);
		return name;
	}

	private static String tokenBody(String user, String password) {
		return Api.json(Map.of("username", user, "password", password));
	}

	@Test
	void wrongCredentialsAre401AndFiveFailuresLockTheAccount() {
		Api county = Api.as(port, "county");
		String user = newAdmin(county, false);
		Api anon = Api.anonymous(port);
		for (int i = 0; i < 5; i++) {
			assertThat(anon.post("/api/v1/auth/token", tokenBody(user, "Wrong#2026x")).status()).isEqualTo(401);
		}
		var locked = anon.post("/api/v1/auth/token", tokenBody(user, "Start#2026xy"));
		assertThat(locked.status()).isEqualTo(423);
		assertThat(locked.contentType()).startsWith("application/problem+json");
		long id = accounts.findByUsername(user).orElseThrow().id();
		assertThat(county.post("/api/v1/users/" + id + "/unlock", "").status()).isEqualTo(204);
		assertThat(anon.post("/api/v1/auth/token", tokenBody(user, "Start#2026xy")).status()).isEqualTo(200);

		var audit = county.get("/api/v1/audit?action=LOGIN&actor=" + user).json().get("items");
		assertThat(audit.size()).isGreaterThanOrEqualTo(7);
		assertThat(audit.toString()).contains("FAILURE", "LOCKED", "SUCCESS");
	}

	@Test
	void aGeneratedPasswordMustBeChangedBeforeAnythingElse() {
		Api county = Api.as(port, "county");
		String user = newAdmin(county, true);
		Api fresh = Api.as(port, user, "Start#2026xy");
		assertThat(fresh.get("/api/v1/townships").status()).isEqualTo(403);
		assertThat(fresh.get("/api/v1/me").json().get("mustChangePassword").asBoolean()).isTrue();
		assertThat(fresh
			.post("/api/v1/me/password",
					Api.json(Map.of("currentPassword", "Start#2026xy", "newPassword", "alllowercase")))
			.status()).isEqualTo(400);
		assertThat(fresh
			.post("/api/v1/me/password",
					Api.json(Map.of("currentPassword", "Start#2026xy", "newPassword", "Changed#2026y")))
			.status()).isEqualTo(204);
		assertThat(fresh.get("/api/v1/townships").status()).isEqualTo(200);
		assertThat(Api.anonymous(port).post("/api/v1/auth/token", tokenBody(user, "Start#2026xy")).status())
			.isEqualTo(401);
		Api.as(port, user, "Changed#2026y");
	}

	@Test
	void aSecondFactorIsAskedForOnceEnrolled() {
		Api county = Api.as(port, "county");
		String user = newAdmin(county, false);
		CurrentUser principal = new CurrentUser(accounts.findByUsername(user).orElseThrow().id(), user, "测试",
				Role.COUNTY_ADMIN, null, null, null, null, false, false, null, true, false);
		String secret = Totp.newSecret();
		// enrolled with the previous step's code: a code is good once, and the login
		// below uses the current one
		accounts.enableTotp(principal, secret, Totp.code(secret, Instant.now().getEpochSecond() / 30 - 1));

		Api anon = Api.anonymous(port);
		var noCode = anon.post("/api/v1/auth/token", tokenBody(user, "Start#2026xy"));
		assertThat(noCode.status()).isEqualTo(401);
		assertThat(noCode.json().get("totpRequired").asBoolean()).isTrue();
		assertThat(anon
			.post("/api/v1/auth/token",
					Api.json(Map.of("username", user, "password", "Start#2026xy", "code", "000000")))
			.status()).isEqualTo(401);
		String code = Totp.code(secret, Instant.now().getEpochSecond() / 30);
		assertThat(anon
			.post("/api/v1/auth/token", Api.json(Map.of("username", user, "password", "Start#2026xy", "code", code)))
			.status()).isEqualTo(200);
	}

	@Test
	void tokensAreRequiredAndBadTokensAre401() {
		Api anon = Api.anonymous(port);
		assertThat(anon.get("/api/v1/me").status()).isEqualTo(401);
		var bad = anon.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me"))
			.header("Authorization", "Bearer not-a-token"));
		assertThat(bad.status()).isEqualTo(401);
		assertThat(bad.contentType()).startsWith("application/problem+json");
		// written by a filter, outside the DispatcherServlet: still in the user's
		// language, Chinese by default
		assertThat(bad.json().get("detail").asString()).contains("未登录");
		var english = anon.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me"))
			.header("Authorization", "Bearer not-a-token")
			.header("Cookie", "dl-lang=en"));
		assertThat(english.json().get("detail").asString()).contains("Not signed in");
		var me = Api.as(port, "township").get("/api/v1/me").json();
		assertThat(me.get("role").asString()).isEqualTo("TOWNSHIP_ADMIN");
		assertThat(me.get("townshipId").isNull()).isFalse();
	}

	@Test
	void aTownshipAdminCreatesAccountsOnlyInItsOwnTownship() {
		Api township = Api.as(port, "township");
		long own = township.get("/api/v1/me").json().get("townshipId").asLong();
		long ownStation = township.get("/api/v1/stations?limit=1").json().get("items").get(0).get("id").asLong();
		String name = "l" + ThreadLocalRandom.current().nextInt(10_000_000);
		var ok = township.post("/api/v1/users", Api.json(Map.of("username", name, "password", "Start#2026xy",
				"displayName", "联络员", "role", "STATION_LIAISON", "stationId", ownStation)));
		assertThat(ok.status()).isEqualTo(201);
		assertThat(ok.json().get("townshipId").asLong()).isEqualTo(own);
		Api county = Api.as(port, "county");
		long otherTownship = county.get("/api/v1/townships?q=T02").json().get("items").get(0).get("id").asLong();
		assertThat(township
			.post("/api/v1/users", Api.json(Map.of("username", name + "x", "password", "Start#2026xy", "displayName",
					"越权", "role", "TOWNSHIP_ADMIN", "townshipId", otherTownship)))
			.status()).isEqualTo(403);
		assertThat(township
			.post("/api/v1/users", Api.json(Map.of("username", name + "y", "password", "Start#2026xy", "displayName",
					"越权", "role", "COUNTY_ADMIN")))
			.status()).isEqualTo(403);
		assertThat(accounts.findByUsername(name + "x")).isEmpty();
	}

	@Test
	void pagesSendSecurityHeadersAndTheLoginPageIsChinese() {
		var r = Api.anonymous(port).get("/login");
		assertThat(r.status()).isEqualTo(200);
		assertThat(r.body()).contains("lang=\"zh-CN\"", "登录");
		var headers = Api.anonymous(port)
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")));
		assertThat(headers.status()).isEqualTo(200);
		assertThat(Api.anonymous(port).get("/login?lang=en").body()).contains("Sign in");
	}

}
