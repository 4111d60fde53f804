package cn.deputylink.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.deputylink.account.Accounts;
import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.shared.PersonalDataCipher;
import cn.deputylink.support.Api;
import cn.deputylink.support.FormSession;
import cn.deputylink.support.IntegrationTest;

/**
 * Issue 7, account security: the second factor on the login form and its replay; sessions
 * and tokens ending with their credentials; API logout; a throttle that neither tells
 * usernames apart nor lets a stranger lock anyone out; the password policy's history.
 */
@IntegrationTest
class AccountHardeningIT {

	static final String PASSWORD = "Start#2026xy";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalDataCipher cipher;

	private String newAdmin() {
		String name = "h" + ThreadLocalRandom.current().nextInt(10_000_000);
		var r = Api.as(port, "county")
			.post("/api/v1/users", Api
				.json(Map.of("username", name, "password", PASSWORD, "displayName", "测试", "role", "COUNTY_ADMIN")));
		assertThat(r.status()).isEqualTo(201);
		return name;
	}

	private long id(String username) {
		return accounts.findByUsername(username).orElseThrow().id();
	}

	private static long step() {
		return Instant.now().getEpochSecond() / 30;
	}

	/**
	 * Enrols a second factor with the previous step's code, so that the current one is
	 * still unused.
	 */
	private String enrolTotp(String username) {
		CurrentUser principal = new CurrentUser(id(username), username, "测试", Role.COUNTY_ADMIN, null, null, null, null,
				false, false, null, true, false);
		String secret = Totp.newSecret();
		accounts.enableTotp(principal, secret, Totp.code(secret, step() - 1));
		return secret;
	}

	private Api.Response token(String username, String password, String code) {
		return Api.anonymous(port)
			.post("/api/v1/auth/token", Api.json(Map.of("username", username, "password", password, "code", code)));
	}

	private Api apiWithCode(String username, String password, String code) {
		var r = token(username, password, code);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return Api.withToken(port, r.json().get("token").asString());
	}

	/** Posts the login form; returns where it redirects. */
	private String formLogin(FormSession s, String username, String password, String code)
			throws IOException, InterruptedException {
		s.get("/login");
		var r = s.post("/login", Map.of("username", username, "password", password, "code", code), true);
		assertThat(r.statusCode()).isEqualTo(302);
		return r.headers().firstValue("Location").orElseThrow();
	}

	private FormSession signedIn(String username, String password) throws IOException, InterruptedException {
		FormSession s = new FormSession(port);
		assertThat(formLogin(s, username, password, "")).doesNotContain("/login");
		assertThat(s.get("/dashboard").statusCode()).isEqualTo(200);
		return s;
	}

	private static void assertEnded(FormSession s) throws IOException, InterruptedException {
		HttpResponse<String> r = s.get("/dashboard");
		assertThat(r.statusCode()).isEqualTo(302);
		assertThat(r.headers().firstValue("Location").orElseThrow()).contains("/login");
	}

	// --- 1. the second factor on the login form

	@Test
	void theLoginFormAsksForTheSecondFactorAndRefusesAWrongOne() throws Exception {
		String user = newAdmin();
		String secret = enrolTotp(user);

		FormSession noCode = new FormSession(port);
		assertThat(formLogin(noCode, user, PASSWORD, "")).endsWith("/login?code");
		assertEnded(noCode);

		FormSession wrong = new FormSession(port);
		String zeros = Totp.code(secret, step()).equals("000000") ? "000001" : "000000";
		assertThat(formLogin(wrong, user, PASSWORD, zeros)).endsWith("/login?error");
		assertEnded(wrong);

		FormSession right = new FormSession(port);
		assertThat(formLogin(right, user, PASSWORD, Totp.code(secret, step()))).doesNotContain("/login");
		assertThat(right.get("/dashboard").statusCode()).isEqualTo(200);

		// the wrong code is in the audit log, with the user it was tried on
		var audit = Api.as(port, "county").get("/api/v1/audit?action=LOGIN&outcome=FAILURE&actor=" + user).json();
		assertThat(audit.get("items").toString()).contains("WrongCodeException");
	}

	@Test
	void aCodeIsAcceptedOnceOnTheFormAndTheApi() throws Exception {
		String user = newAdmin();
		String secret = enrolTotp(user);
		String code = Totp.code(secret, step());

		assertThat(formLogin(new FormSession(port), user, PASSWORD, code)).doesNotContain("/login");
		// the same code again, on the form and then on the API: refused
		assertThat(formLogin(new FormSession(port), user, PASSWORD, code)).endsWith("/login?error");
		var replay = token(user, PASSWORD, code);
		assertThat(replay.status()).isEqualTo(401);
		assertThat(replay.json().has("totpRequired")).isFalse();
		// the next step's code (one step of drift is allowed) still works
		assertThat(token(user, PASSWORD, Totp.code(secret, step() + 1)).status()).isEqualTo(200);

		var audit = Api.as(port, "county").get("/api/v1/audit?action=LOGIN&outcome=FAILURE&actor=" + user).json();
		assertThat(audit.get("items").toString()).contains("ReplayedCodeException");
	}

	@Test
	void secondFactorSecretsAreEncryptedAtRest() {
		String user = newAdmin();
		String secret = enrolTotp(user);
		record Row(String plain, String cipherText) {
		}
		Row row = jdbc.sql("select totp_secret, totp_secret_cipher from app_user where username = :u")
			.param("u", user)
			.query((rs, i) -> new Row(rs.getString(1), rs.getString(2)))
			.single();
		assertThat(row.plain()).isNull();
		assertThat(row.cipherText()).doesNotContain(secret);
		assertThat(cipher.decrypt(row.cipherText())).isEqualTo(secret);
	}

	@Autowired
	TotpSecretEncryption encryption;

	/**
	 * Secrets an earlier version stored in plain text are encrypted at start-up, and
	 * still work.
	 */
	@Test
	void plainSecretsOfEarlierVersionsAreEncryptedAtStartUp() {
		String user = newAdmin();
		String secret = Totp.newSecret();
		jdbc.sql("update app_user set totp_secret = :s, totp_enabled = true where username = :u")
			.param("s", secret)
			.param("u", user)
			.update();
		encryption.run(null);
		String stored = jdbc
			.sql("select coalesce(totp_secret, '') || '|' || totp_secret_cipher from app_user where username = :u")
			.param("u", user)
			.query(String.class)
			.single();
		assertThat(stored).startsWith("|").doesNotContain(secret);
		assertThat(token(user, PASSWORD, Totp.code(secret, step())).status()).isEqualTo(200);
	}

	@Test
	void aUserTurnsItsSecondFactorOffOrReplacesItOnlyWithACurrentCode() throws Exception {
		String user = newAdmin();
		String secret = enrolTotp(user);
		FormSession s = new FormSession(port);
		assertThat(formLogin(s, user, PASSWORD, Totp.code(secret, step()))).doesNotContain("/login");

		// replacing: the old factor's code is wrong, so nothing changes
		s.get("/account/totp");
		var refused = s.post("/account/totp", Map.of("currentCode", "123456x", "code", "000000"), true);
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("field-error");
		assertThat(accounts.findByUsername(user).orElseThrow().totpEnabled()).isTrue();

		// turning it off with a wrong code: refused and audited
		s.get("/account/totp");
		var wrong = s.post("/account/totp/disable", Map.of("code", "12345"), true);
		assertThat(wrong.statusCode()).isEqualTo(200);
		assertThat(accounts.findByUsername(user).orElseThrow().totpEnabled()).isTrue();
		assertThat(
				Api.as(port, "county").get("/api/v1/audit?action=TOTP_CHECK&actor=" + user).json().get("items").size())
			.isGreaterThanOrEqualTo(1);

		// with the next code it goes off, and this session goes on
		var off = s.post("/account/totp/disable", Map.of("code", Totp.code(secret, step() + 1)), true);
		assertThat(off.statusCode()).isEqualTo(302);
		assertThat(accounts.findByUsername(user).orElseThrow().totpEnabled()).isFalse();
		assertThat(s.get("/dashboard").statusCode()).isEqualTo(200);
	}

	// --- 2. sessions and tokens end with their credentials

	@Test
	void aPasswordChangeEndsEveryOtherSessionAndTokenButNotTheOneMakingIt() throws Exception {
		String user = newAdmin();
		FormSession other = signedIn(user, PASSWORD);
		Api token = Api.as(port, user, PASSWORD);
		FormSession changing = signedIn(user, PASSWORD);

		changing.get("/account/password");
		var r = changing.post("/account/password", Map.of("currentPassword", PASSWORD, "newPassword", "Changed#2026yz",
				"confirmPassword", "Changed#2026yz"), true);
		assertThat(r.statusCode()).isEqualTo(302);

		assertThat(changing.get("/dashboard").statusCode()).isEqualTo(200);
		HttpResponse<String> ended = other.get("/dashboard");
		assertThat(ended.statusCode()).isEqualTo(302);
		assertThat(ended.headers().firstValue("Location").orElseThrow()).endsWith("/login?expired");
		assertThat(token.get("/api/v1/me").status()).isEqualTo(401);
	}

	@Test
	void aPasswordChangeThroughTheApiKeepsItsOwnTokenOnly() throws Exception {
		String user = newAdmin();
		FormSession session = signedIn(user, PASSWORD);
		Api other = Api.as(port, user, PASSWORD);
		Api changing = Api.as(port, user, PASSWORD);

		assertThat(changing
			.post("/api/v1/me/password", Api.json(Map.of("currentPassword", PASSWORD, "newPassword", "Changed#2026yz")))
			.status()).isEqualTo(204);

		assertThat(changing.get("/api/v1/me").status()).isEqualTo(200);
		assertThat(other.get("/api/v1/me").status()).isEqualTo(401);
		assertEnded(session);
	}

	@Test
	void disablingAnAccountEndsItsSessionsAndTokensAtOnce() throws Exception {
		String user = newAdmin();
		FormSession session = signedIn(user, PASSWORD);
		Api token = Api.as(port, user, PASSWORD);
		Api county = Api.as(port, "county");

		assertThat(county.post("/api/v1/users/" + id(user) + "/disable", "").status()).isEqualTo(204);

		assertEnded(session);
		assertThat(token.get("/api/v1/me").status()).isEqualTo(401);
		assertThat(county.get("/api/v1/me").status()).isEqualTo(200);
	}

	@Test
	void anAdministratorsPasswordResetEndsTheUsersSessionsAndTokens() throws Exception {
		String user = newAdmin();
		FormSession session = signedIn(user, PASSWORD);
		Api token = Api.as(port, user, PASSWORD);
		Api county = Api.as(port, "county");

		assertThat(county.post("/api/v1/users/" + id(user) + "/reset-password", "").status()).isEqualTo(200);

		assertEnded(session);
		assertThat(token.get("/api/v1/me").status()).isEqualTo(401);
		assertThat(county.get("/api/v1/me").status()).isEqualTo(200);
	}

	@Test
	void aCountyAdminResetsSomeonesSecondFactorFromTheUserListAndItIsAudited() throws Exception {
		String user = newAdmin();
		String secret = enrolTotp(user);
		FormSession session = new FormSession(port);
		assertThat(formLogin(session, user, PASSWORD, Totp.code(secret, step()))).doesNotContain("/login");
		Api token = apiWithCode(user, PASSWORD, Totp.code(secret, step() + 1));

		FormSession county = new FormSession(port).login("county");
		var list = county.get("/admin/users?q=" + user);
		assertThat(list.body()).contains("/admin/users/" + id(user) + "/reset-totp");
		var r = county.post("/admin/users/" + id(user) + "/reset-totp", Map.of(), true);
		assertThat(r.statusCode()).isEqualTo(302);

		assertThat(accounts.findByUsername(user).orElseThrow().totpEnabled()).isFalse();
		assertEnded(session);
		assertThat(token.get("/api/v1/me").status()).isEqualTo(401);
		assertThat(county.get("/dashboard").statusCode()).isEqualTo(200);
		var audit = Api.as(port, "county").get("/api/v1/audit?action=TOTP_RESET&actor=county").json().get("items");
		assertThat(audit.toString()).contains(user);
		// a township admin may not
		assertThat(Api.as(port, "township").post("/api/v1/users/" + id(user) + "/reset-totp", "").status())
			.isEqualTo(403);
	}

	@Test
	void logoutRevokesTheToken() {
		String user = newAdmin();
		Api token = Api.as(port, user, PASSWORD);
		assertThat(token.get("/api/v1/me").status()).isEqualTo(200);
		assertThat(token.post("/api/v1/auth/logout", "").status()).isEqualTo(204);
		assertThat(token.get("/api/v1/me").status()).isEqualTo(401);
		assertThat(Api.anonymous(port).post("/api/v1/auth/logout", "").status()).isEqualTo(401);
	}

	@Test
	void aUserSeesAndEndsItsOwnSessions() throws Exception {
		String user = newAdmin();
		FormSession mine = signedIn(user, PASSWORD);
		FormSession other = signedIn(user, PASSWORD);

		var page = mine.get("/account/sessions");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("我的登录会话", "当前会话");
		List<String> ids = new ArrayList<>();
		String otherId = null;
		var m = Pattern
			.compile("<li class=\"session card( current)?\">.*?/account/sessions/([^/\"]+)/end", Pattern.DOTALL)
			.matcher(page.body());
		while (m.find()) {
			ids.add(m.group(2));
			if (m.group(1) == null) {
				otherId = m.group(2);
			}
		}
		assertThat(ids).hasSize(2);
		assertThat(otherId).isNotNull();
		// the page names sessions by a handle, never by the id that the session cookie
		// carries
		List<String> sessionIds = jdbc.sql("select session_id from spring_session where principal_name = :u")
			.param("u", user)
			.query(String.class)
			.list();
		assertThat(sessionIds).hasSize(2);
		assertThat(sessionIds).allSatisfy(id -> assertThat(page.body()).doesNotContain(id));
		assertThat(mine.get("/account/sessions?lang=en").body()).contains("My sessions", "This session");

		// someone else's session is not found from here
		FormSession stranger = signedIn(newAdmin(), PASSWORD);
		stranger.get("/account/sessions");
		assertThat(stranger.post("/account/sessions/" + otherId + "/end", Map.of(), true).statusCode()).isEqualTo(404);
		assertThat(other.get("/dashboard").statusCode()).isEqualTo(200);

		// ending the other one: it is signed out, this one goes on
		mine.get("/account/sessions");
		assertThat(mine.post("/account/sessions/" + otherId + "/end", Map.of(), true).statusCode()).isEqualTo(302);
		assertEnded(other);
		assertThat(mine.get("/dashboard").statusCode()).isEqualTo(200);
		var remaining = mine.get("/account/sessions").body();
		assertThat(remaining).doesNotContain(otherId);

		// ending one's own session signs out
		var own = Pattern.compile("/account/sessions/([^/\"]+)/end").matcher(remaining);
		assertThat(own.find()).isTrue();
		var out = mine.post("/account/sessions/" + own.group(1) + "/end", Map.of(), true);
		assertThat(out.headers().firstValue("Location").orElseThrow()).endsWith("/login?logout");
		assertEnded(mine);
	}

	// --- 5. a throttle that is no weapon

	@Test
	void existingAndUnknownUsernamesAnswerAlike() {
		String known = newAdmin();
		String unknown = "nobody" + ThreadLocalRandom.current().nextInt(10_000_000);
		List<String> knownAnswers = new ArrayList<>();
		List<String> unknownAnswers = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			var k = Api.anonymous(port)
				.post("/api/v1/auth/token", Api.json(Map.of("username", known, "password", "Wrong#2026xyz")));
			var u = Api.anonymous(port)
				.post("/api/v1/auth/token", Api.json(Map.of("username", unknown, "password", "Wrong#2026xyz")));
			knownAnswers.add(k.status() + " " + k.body());
			unknownAnswers.add(u.status() + " " + u.body());
		}
		assertThat(knownAnswers).isEqualTo(unknownAnswers);
		assertThat(knownAnswers.get(0)).startsWith("401");
		assertThat(knownAnswers.get(5)).startsWith("423");
		// while held off, even the right password gets the same answer as for a name that
		// does not exist
		var right = Api.anonymous(port)
			.post("/api/v1/auth/token", Api.json(Map.of("username", known, "password", PASSWORD)));
		assertThat(right.status() + " " + right.body()).isEqualTo(unknownAnswers.get(5));
	}

	@Test
	void existingAndUnknownUsernamesTakeTheSameTimeToRefuse() {
		List<Long> known = new ArrayList<>();
		List<Long> unknown = new ArrayList<>();
		// fresh names each time, so that the throttle (which answers without checking
		// anything) stays out
		for (int i = 0; i < 7; i++) {
			String k = newAdmin();
			String u = "nobody" + ThreadLocalRandom.current().nextInt(10_000_000);
			known.add(timeOfWrongLogin(k));
			unknown.add(timeOfWrongLogin(u));
		}
		long k = median(known);
		long u = median(unknown);
		LoggerFactory.getLogger(AccountHardeningIT.class)
			.info("wrong login, median of 7: existing username {} µs, unknown username {} µs", k, u);
		// both hash a password (BCrypt, tens of milliseconds): the same class, not twice
		// as fast
		assertThat(u).as("unknown %d µs, known %d µs", u, k).isBetween(k / 3, k * 3);
	}

	private long timeOfWrongLogin(String username) {
		long t0 = System.nanoTime();
		var r = Api.anonymous(port)
			.post("/api/v1/auth/token", Api.json(Map.of("username", username, "password", "Wrong#2026xyz")));
		long micros = (System.nanoTime() - t0) / 1000;
		assertThat(r.status()).isEqualTo(401);
		return micros;
	}

	private static long median(List<Long> xs) {
		List<Long> sorted = new ArrayList<>(xs);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	@Test
	void aStrangerFromAnotherAddressCannotLockTheUserOut() throws Exception {
		String user = newAdmin();
		int[] statuses = new int[8];
		for (int i = 0; i < statuses.length; i++) {
			statuses[i] = postFrom("127.0.0.2", "/api/v1/auth/token",
					Api.json(Map.of("username", user, "password", "Wrong#2026xyz")));
		}
		assertThat(statuses[0]).isEqualTo(401);
		assertThat(statuses[7]).isEqualTo(423);
		// the stranger is held off; the user, from its own address, is not
		assertThat(
				postFrom("127.0.0.2", "/api/v1/auth/token", Api.json(Map.of("username", user, "password", PASSWORD))))
			.isEqualTo(423);
		assertThat(Api.anonymous(port)
			.post("/api/v1/auth/token", Api.json(Map.of("username", user, "password", PASSWORD)))
			.status()).isEqualTo(200);
		assertThat(formLogin(new FormSession(port), user, PASSWORD, "")).doesNotContain("/login");
	}

	/**
	 * A JSON post from another local address (127.0.0.0/8 is all loopback); returns the
	 * status.
	 */
	private int postFrom(String localAddress, String path, String json) throws IOException {
		try (Socket s = new Socket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(localAddress), 0)) {
			byte[] body = json.getBytes(StandardCharsets.UTF_8);
			OutputStream out = s.getOutputStream();
			out.write(
					("POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nContent-Type: application/json\r\n"
							+ "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
						.getBytes(StandardCharsets.US_ASCII));
			out.write(body);
			out.flush();
			String statusLine = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII))
				.readLine();
			return Integer.parseInt(statusLine.split(" ")[1]);
		}
	}

	@Test
	void theThrottledPageSaysToWaitNotThatTheAccountIsLocked() throws Exception {
		String user = "nobody" + ThreadLocalRandom.current().nextInt(10_000_000);
		for (int i = 0; i < 5; i++) {
			assertThat(formLogin(new FormSession(port), user, "Wrong#2026xyz", "")).endsWith("/login?error");
		}
		FormSession s = new FormSession(port);
		assertThat(formLogin(s, user, "Wrong#2026xyz", "")).endsWith("/login?locked");
		assertThat(s.get("/login?locked").body()).contains("登录失败次数过多，请稍后再试").doesNotContain("锁定");
		var api = Api.anonymous(port).post("/api/v1/auth/token", Api.json(Map.of("username", user, "password", "x")));
		assertThat(api.status()).isEqualTo(423);
		assertThat(api.contentType()).startsWith("application/problem+json");
	}

	// --- 7. passwords

	@Test
	void noneOfTheLastFivePasswordsComesBack() {
		String user = newAdmin();
		Api api = Api.as(port, user, PASSWORD);
		List<String> passwords = List.of(PASSWORD, "Second#2026ab", "Third#2026abc", "Fourth#2026ab", "Fifth#2026abc",
				"Sixth#2026abc");
		for (int i = 1; i < 5; i++) {
			assertThat(change(api, passwords.get(i - 1), passwords.get(i))).isEqualTo(204);
		}
		// current: Fifth; the last five are Start … Fifth
		var reuse = api.post("/api/v1/me/password",
				Api.json(Map.of("currentPassword", passwords.get(4), "newPassword", PASSWORD)));
		assertThat(reuse.status()).isEqualTo(400);
		assertThat(reuse.body()).contains("newPassword");
		assertThat(change(api, passwords.get(4), passwords.get(5))).isEqualTo(204);
		// Start has now dropped out of the last five
		assertThat(change(api, passwords.get(5), PASSWORD)).isEqualTo(204);
	}

	@Test
	void shortAndCommonPasswordsAreRefusedWhereverAPersonSetsOne() {
		Api county = Api.as(port, "county");
		var tooShort = county.post("/api/v1/users",
				Api.json(Map.of("username", "s" + ThreadLocalRandom.current().nextInt(10_000_000), "password",
						"Kqz#2026vbn", "displayName", "短", "role", "COUNTY_ADMIN")));
		assertThat(tooShort.status()).isEqualTo(400);
		assertThat(tooShort.body()).contains("12");
		String user = newAdmin();
		Api api = Api.as(port, user, PASSWORD);
		var common = api.post("/api/v1/me/password",
				Api.json(Map.of("currentPassword", PASSWORD, "newPassword", "P@ssw0rd2026!")));
		assertThat(common.status()).isEqualTo(400);
		assertThat(common.body()).contains("常见");
	}

	private static int change(Api api, String current, String next) {
		return api.post("/api/v1/me/password", Api.json(Map.of("currentPassword", current, "newPassword", next)))
			.status();
	}

}
