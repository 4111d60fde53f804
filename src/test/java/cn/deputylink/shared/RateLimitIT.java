package cn.deputylink.shared;

import org.springframework.context.annotation.Import;
import cn.deputylink.support.DemoPrepared;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.ContextConfiguration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.deputylink.shared.internal.RateLimitSettings;
import cn.deputylink.support.Api;
import cn.deputylink.support.TestDatabase;

/**
 * The rate limits with small values, in a context of their own (the shared one raises
 * them, since every test there calls from one address), behind a trusted proxy on the
 * loopback address: each test is a client of its own by {@code X-Forwarded-For}, so the
 * tests do not share counters. The windows are ten years long, so that no window ends
 * during a test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deputylink.demo.enabled=true", "deputylink.notifications.dispatcher-enabled=false",
				"deputylink.opinions.overdue-notices-enabled=false", "deputylink.web.trusted-proxies=127.0.0.1,::1",
				"deputylink.rate-limits.submissions.limit=3", "deputylink.rate-limits.submissions.window=3650d",
				"deputylink.rate-limits.tracking.limit=3", "deputylink.rate-limits.tracking.window=3650d",
				"deputylink.rate-limits.logins.limit=3", "deputylink.rate-limits.logins.window=3650d",
				"deputylink.rate-limits.sms-per-phone.limit=2", "deputylink.rate-limits.sms-per-phone.window=3650d" })
@ContextConfiguration(initializers = TestDatabase.class)
@Import(DemoPrepared.class)
class RateLimitIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final AtomicInteger CLIENTS = new AtomicInteger(10);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RateLimits limits;

	@Autowired
	RateLimitSettings settings;

	@Autowired
	PersonalDataCipher cipher;

	/** A browser or API client at its own address, seen through the trusted proxy. */
	final class Client {

		final String address = "198.51.100." + CLIENTS.incrementAndGet();

		final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

		final List<String> extra = new ArrayList<>();

		String csrf;

		HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
			b.header("X-Forwarded-For", address);
			for (int i = 0; i < extra.size(); i += 2) {
				b.header(extra.get(i), extra.get(i + 1));
			}
			HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
			Matcher m = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(r.body());
			if (m.find()) {
				csrf = m.group(1);
			}
			return r;
		}

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return send(HttpRequest.newBuilder(uri(path))
				.header("Accept", path.startsWith("/api/") ? "application/json" : "text/html")
				.GET());
		}

		HttpResponse<String> json(String path, String body, String... headers)
				throws IOException, InterruptedException {
			HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
			for (int i = 0; i < headers.length; i += 2) {
				b.header(headers[i], headers[i + 1]);
			}
			return send(b);
		}

		HttpResponse<String> form(String path, Map<String, String> fields) throws IOException, InterruptedException {
			String body = fields.entrySet()
				.stream()
				.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&")) + "&_csrf=" + csrf;
			return send(HttpRequest.newBuilder(uri(path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "text/html")
				.header("Referer", uri("/").toString())
				.POST(HttpRequest.BodyPublishers.ofString(body)));
		}

	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static String publicOpinion(String content, String phone) {
		return Api
			.json(Map.of("content", content, "constituent", Map.of("name", "测试", "phone", phone, "anonymous", false)));
	}

	private static JsonNode json(HttpResponse<String> r) {
		return JSON.readTree(r.body());
	}

	private static void assertLimited(HttpResponse<String> r, boolean api) {
		assertThat(r.statusCode()).as(r.body()).isEqualTo(429);
		long retry = Long.parseLong(r.headers().firstValue("Retry-After").orElseThrow());
		assertThat(retry).isPositive().isLessThanOrEqualTo(Duration.ofDays(3650).toSeconds());
		assertThat(r.headers().firstValue("Permissions-Policy")).isPresent();
		assertThat(r.headers().firstValue("Content-Security-Policy")).isPresent();
		if (api) {
			assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
			assertThat(json(r).get("status").asInt()).isEqualTo(429);
		}
		else {
			assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
			assertThat(r.body()).contains("操作过于频繁", "分钟后再");
		}
	}

	private int opinions() {
		return jdbc.sql("select count(*) from opinion").query(Integer.class).single();
	}

	@Test
	void publicApiSubmissionsArePerAddress() throws Exception {
		Client c = new Client();
		for (int i = 0; i < 3; i++) {
			assertThat(c.json("/api/v1/public/opinions", publicOpinion("接口提交 " + i, "13600000001")).statusCode())
				.isEqualTo(201);
		}
		int before = opinions();
		var limited = c.json("/api/v1/public/opinions", publicOpinion("第四条", "13600000001"));
		assertLimited(limited, true);
		assertThat(json(limited).get("detail").asString()).contains("分钟后再提交");
		assertThat(opinions()).isEqualTo(before);
		// another address is not affected
		assertThat(new Client().json("/api/v1/public/opinions", publicOpinion("另一个地址", "13600000002")).statusCode())
			.isEqualTo(201);
	}

	@Test
	void publicFormSubmissionsOverTheLimitGetAFriendlyMessageInThePage() throws Exception {
		Client c = new Client();
		c.get("/public/opinions/new");
		for (int i = 0; i < 3; i++) {
			var r = c.form("/public/opinions", Map.of("content", "表单提交 " + UUID.randomUUID()));
			assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
		}
		int before = opinions();
		var limited = c.form("/public/opinions", Map.of("content", "表单第四条"));
		assertLimited(limited, false);
		assertThat(limited.body()).contains("您所在的网络提交的意见过多", "代表联系群众工作室当面反映", "<main");
		assertThat(opinions()).isEqualTo(before);
		// in English too
		c.extra.addAll(List.of("Cookie", "dl-lang=en"));
		assertThat(c.form("/public/opinions", Map.of("content", "x")).body()).contains("Too many opinions");
	}

	@Test
	void trackingLookupsArePerAddressOnTheApiAndThePage() throws Exception {
		String code = json(new Client().json("/api/v1/public/opinions", publicOpinion("查询测试", "13600000003")))
			.get("trackingCode")
			.asString();
		Client api = new Client();
		for (int i = 0; i < 3; i++) {
			assertThat(api.get("/api/v1/public/opinions/" + code).statusCode()).isEqualTo(200);
		}
		assertLimited(api.get("/api/v1/public/opinions/" + code), true);
		// guessing codes counts as well, and so does rating (it looks the code up too)
		Client page = new Client();
		assertThat(page.get("/public/opinions/" + code).statusCode()).isEqualTo(200);
		assertThat(page.get("/public/opinions/1234-5678-00000").statusCode()).isEqualTo(200);
		assertThat(page.json("/api/v1/public/opinions/" + code + "/feedback", "{\"satisfaction\":\"SATISFIED\"}")
			.statusCode()).isEqualTo(409);
		var limited = page.get("/public/opinions/" + code);
		assertLimited(limited, false);
		assertThat(limited.body()).contains("查询过于频繁").doesNotContain(code + "</");
		// the lookup form itself is not a lookup
		assertThat(page.get("/public/opinions/track").statusCode()).isEqualTo(200);
	}

	@Test
	void loginsArePerAddressOnTheFormAndTheTokenEndpoint() throws Exception {
		Client form = new Client();
		form.get("/login");
		for (int i = 0; i < 3; i++) {
			var r = form.form("/login", Map.of("username", "nobody-" + i, "password", "wrong-password"));
			assertThat(r.statusCode()).isEqualTo(302);
			assertThat(r.headers().firstValue("Location").orElseThrow()).contains("/login?error");
		}
		var limited = form.form("/login", Map.of("username", "county", "password", Api.DEMO_PASSWORD));
		assertLimited(limited, false);
		assertThat(limited.body()).contains("登录尝试过多", "/login");
		// the address is limited on the API too: one counter for both ways in
		assertLimited(
				form.json("/api/v1/auth/token", "{\"username\":\"county\",\"password\":\"" + Api.DEMO_PASSWORD + "\"}"),
				true);

		Client token = new Client();
		for (int i = 0; i < 3; i++) {
			assertThat(token.json("/api/v1/auth/token", "{\"username\":\"nobody\",\"password\":\"wrong-password\"}")
				.statusCode()).isEqualTo(401);
		}
		var apiLimited = token.json("/api/v1/auth/token",
				"{\"username\":\"county\",\"password\":\"" + Api.DEMO_PASSWORD + "\"}");
		assertLimited(apiLimited, true);
		assertThat(json(apiLimited).get("detail").asString()).contains("登录尝试过多");
		// the account itself was not touched: it signs in from another address
		assertThat(new Client()
			.json("/api/v1/auth/token", "{\"username\":\"county\",\"password\":\"" + Api.DEMO_PASSWORD + "\"}")
			.statusCode()).isEqualTo(200);
	}

	/**
	 * A county office behind one address signs in all morning: only failed attempts
	 * count.
	 */
	@Test
	void successfulLoginsFromOneAddressDoNotCount() throws Exception {
		Client office = new Client();
		for (int i = 0; i < 5; i++) {
			assertThat(office
				.json("/api/v1/auth/token", "{\"username\":\"county\",\"password\":\"" + Api.DEMO_PASSWORD + "\"}")
				.statusCode()).isEqualTo(200);
		}
		office.get("/login");
		var signedIn = office.form("/login", Map.of("username", "township", "password", Api.DEMO_PASSWORD));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("/login?");
		// failures still count, up to the limit of 3
		Client other = new Client();
		for (int i = 0; i < 3; i++) {
			assertThat(other.json("/api/v1/auth/token", "{\"username\":\"nobody\",\"password\":\"wrong-password\"}")
				.statusCode()).isEqualTo(401);
		}
		assertLimited(other.json("/api/v1/auth/token",
				"{\"username\":\"county\",\"password\":\"" + Api.DEMO_PASSWORD + "\"}"), true);
	}

	@Test
	void smsPerPhoneAreLimitedPerDayWhileTheSubmissionsSucceed() throws Exception {
		String phone = "1370000" + String.format("%04d", CLIENTS.incrementAndGet());
		List<String> codes = new ArrayList<>();
		// the same number written three ways, from three addresses
		for (String written : List.of(phone,
				"+86 " + phone.substring(0, 3) + " " + phone.substring(3, 7) + " " + phone.substring(7),
				phone.substring(0, 3) + "-" + phone.substring(3, 7) + "-" + phone.substring(7))) {
			var r = new Client().json("/api/v1/public/opinions", publicOpinion("短信限制 " + written, written));
			assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
			codes.add(json(r).get("trackingCode").asString());
		}
		List<Integer> sms = codes.stream()
			.map(code -> jdbc.sql("select count(*) from outbox_message where channel = 'SMS' and body like :c")
				.param("c", "%" + code + "%")
				.query(Integer.class)
				.single())
			.toList();
		assertThat(sms).containsExactly(1, 1, 0);
		// the number is nowhere in clear
		assertThat(jdbc.sql("select count(*) from rate_limit where bucket like :p")
			.param("p", "%" + phone + "%")
			.query(Integer.class)
			.single()).isZero();
		// staff registering for that number still send theirs
		Client liaison = staff();
		long station = json(liaison.get("/api/v1/me")).get("stationId").asLong();
		var staffIntake = liaison.json("/api/v1/opinions", Api.json(Map.of("source", "RECEPTION", "stationId", station,
				"content", "工作人员登记", "constituent", Map.of("name", "测试", "phone", phone, "anonymous", false))));
		assertThat(staffIntake.statusCode()).as(staffIntake.body()).isEqualTo(201);
		String staffCode = json(staffIntake).get("trackingCode").asString();
		assertThat(jdbc.sql("select count(*) from outbox_message where channel = 'SMS' and body like :c")
			.param("c", "%" + staffCode + "%")
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	/**
	 * A client signed in as the liaison officer with a bearer token (one login at its
	 * address).
	 */
	private Client staff() throws Exception {
		Client c = new Client();
		var r = c.json("/api/v1/auth/token", "{\"username\":\"liaison\",\"password\":\"" + Api.DEMO_PASSWORD + "\"}");
		assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
		c.extra.addAll(List.of("Authorization", "Bearer " + json(r).get("token").asString()));
		return c;
	}

	@Test
	void staffApiIntakeIsNotLimitedByThePublicLimits() throws Exception {
		Client c = staff();
		long station = json(c.get("/api/v1/me")).get("stationId").asLong();
		for (int i = 0; i < 6; i++) {
			var created = c.json("/api/v1/opinions",
					Api.json(Map.of("source", "RECEPTION", "stationId", station, "content", "工作人员连续登记 " + i)));
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		}
		// while the same address is limited on the public API
		for (int i = 0; i < 3; i++) {
			c.json("/api/v1/public/opinions", publicOpinion("同一地址的公开提交 " + i, "13600000004"));
		}
		assertLimited(c.json("/api/v1/public/opinions", publicOpinion("超出", "13600000004")), true);
	}

	@Test
	void theLimitHoldsAcrossTwoNodesOnOneDatabase(@Value("${spring.datasource.url}") String url,
			@Value("${spring.datasource.username}") String user,
			@Value("${spring.datasource.password:}") String password) throws Exception {
		// a second node: its own connection pool and limiter, the same database
		DriverManagerDataSource second = new DriverManagerDataSource(url, user, password);
		JdbcClient secondJdbc = JdbcClient.create(second);
		RateLimits other = new RateLimits(secondJdbc, Clock.systemUTC(), settings, cipher, ZoneId.of("Asia/Shanghai"));
		String address = "192.0.2." + CLIENTS.incrementAndGet();
		assertThat(limits.tryAcquire(RateLimits.Kind.LOGIN, address).allowed()).isTrue();
		assertThat(other.tryAcquire(RateLimits.Kind.LOGIN, address).allowed()).isTrue();
		assertThat(limits.tryAcquire(RateLimits.Kind.LOGIN, address).allowed()).isTrue();
		RateLimits.Decision refused = other.tryAcquire(RateLimits.Kind.LOGIN, address);
		assertThat(refused.allowed()).isFalse();
		assertThat(refused.retryAfterSeconds()).isPositive();
		assertThat(limits.tryAcquire(RateLimits.Kind.LOGIN, address).allowed()).isFalse();

		// both nodes at once, from several threads each: exactly the limit gets through
		String bucket = "test:" + UUID.randomUUID();
		AtomicInteger allowed = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> all = new ArrayList<>();
			for (int i = 0; i < 80; i++) {
				RateLimits node = i % 2 == 0 ? limits : other;
				all.add(pool.submit(() -> {
					if (node.tryAcquire(bucket, 10, Duration.ofDays(3650)).allowed()) {
						allowed.incrementAndGet();
					}
				}));
			}
			for (Future<?> f : all) {
				f.get();
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(allowed).hasValue(10);
		assertThat(jdbc.sql("select hits from rate_limit where bucket = :b")
			.param("b", bucket)
			.query(Integer.class)
			.single()).isEqualTo(10);
	}

	@Test
	void endedWindowsArePurgedAndOpenOnesKept() {
		String open = "test:" + UUID.randomUUID();
		String ended = "test:" + UUID.randomUUID();
		assertThat(limits.tryAcquire(open, 5, Duration.ofDays(3650)).allowed()).isTrue();
		jdbc.sql("insert into rate_limit (bucket, window_end, hits) values (:b, :e, 1)")
			.param("b", ended)
			.param("e", System.currentTimeMillis() - 1000)
			.update();
		assertThat(limits.purgeExpired()).isPositive();
		assertThat(jdbc.sql("select bucket from rate_limit where bucket in (:a, :b)")
			.param("a", open)
			.param("b", ended)
			.query(String.class)
			.list()).containsExactly(open);
	}

	@Test
	void aFilledHoneypotCreatesNothingAndAnswersNeutrally() throws Exception {
		Client c = new Client();
		String form = c.get("/public/opinions/new").body();
		assertThat(form).contains("name=\"website\"", "class=\"hp\" aria-hidden=\"true\"", "tabindex=\"-1\"");
		int before = opinions();
		int sms = jdbc.sql("select count(*) from outbox_message").query(Integer.class).single();
		String content = "机器人填写 " + UUID.randomUUID();
		var r = c.form("/public/opinions", Map.of("content", content, "phone", "13600000005", "name", "机器人", "consent",
				"true", "website", "http://spam.example"));
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.body()).contains("您的意见暂未能提交", content).doesNotContain("http://spam.example");
		assertThat(opinions()).isEqualTo(before);
		assertThat(jdbc.sql("select count(*) from outbox_message").query(Integer.class).single()).isEqualTo(sms);
		// an empty honeypot is an ordinary submission
		assertThat(c.form("/public/opinions", Map.of("content", content, "website", "")).statusCode()).isEqualTo(302);
		assertThat(opinions()).isEqualTo(before + 1);
	}

	@Test
	void forwardedHeadersFromTheTrustedProxyGiveTheClientsAddressAndHttps() throws Exception {
		Client c = new Client();
		// the client's address is the one the proxy saw, whatever the client wrote to the
		// left of it
		c.extra.addAll(List.of("X-Forwarded-Proto", "https"));
		String path = "/api/v1/public/opinions/" + UUID.randomUUID() + "/feedback";
		var r = c.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}")));
		assertThat(r.statusCode()).isGreaterThanOrEqualTo(400);
		assertThat(jdbc.sql("select remote_addr from audit_event where target = :t")
			.param("t", path)
			.query(String.class)
			.single()).isEqualTo(c.address);
		// over HTTPS: HSTS, and the cookies are Secure
		assertThat(r.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v -> v.contains("max-age="));
		var login = c.get("/login");
		assertThat(login.headers().firstValue("Strict-Transport-Security")).isPresent();
		assertThat(login.headers().allValues("Set-Cookie"))
			.anySatisfy(v -> assertThat(v).startsWith("XSRF-TOKEN=").contains("Secure"));
		// a browser sends a Secure cookie over HTTPS only; this client talks plain HTTP
		// to the "proxy"
		String xsrf = login.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(v -> v.startsWith("XSRF-TOKEN="))
			.findFirst()
			.orElseThrow()
			.split(";")[0];
		c.extra.addAll(List.of("Cookie", xsrf));
		var signedIn = c.form("/login", Map.of("username", "deputy", "password", Api.DEMO_PASSWORD));
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().allValues("Set-Cookie"))
			.anySatisfy(v -> assertThat(v).startsWith("SESSION=").contains("Secure", "HttpOnly"));

		// every cookie, the language cookie too
		assertThat(c.get("/?lang=en").headers().allValues("Set-Cookie"))
			.anySatisfy(v -> assertThat(v).startsWith("dl-lang=").contains("Secure"));
		assertThat(c.get("/?text=large").headers().allValues("Set-Cookie"))
			.anySatisfy(v -> assertThat(v).startsWith("dl-text=").contains("Secure"));

		// plain HTTP through the same proxy: neither
		Client plain = new Client();
		plain.extra.addAll(List.of("X-Forwarded-Proto", "http"));
		var p = plain.get("/login");
		assertThat(p.headers().firstValue("Strict-Transport-Security")).isEmpty();
		assertThat(p.headers().allValues("Set-Cookie")).allSatisfy(v -> assertThat(v).doesNotContain("Secure"));
		assertThat(plain.get("/?lang=en").headers().allValues("Set-Cookie"))
			.anySatisfy(v -> assertThat(v).startsWith("dl-lang=").doesNotContain("Secure"));
		var plainLogin = plain.form("/login", Map.of("username", "deputy", "password", Api.DEMO_PASSWORD));
		assertThat(plainLogin.headers().allValues("Set-Cookie"))
			.anySatisfy(v -> assertThat(v).startsWith("SESSION=").doesNotContain("Secure"));

		// a forged address to the left of the proxy's entry is not believed
		String forged = "/api/v1/public/opinions/" + UUID.randomUUID() + "/feedback";
		HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(uri(forged))
				.header("Content-Type", "application/json")
				.header("X-Forwarded-For", "6.6.6.6, 198.51.100.250")
				.POST(HttpRequest.BodyPublishers.ofString("{}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(jdbc.sql("select remote_addr from audit_event where target = :t")
			.param("t", forged)
			.query(String.class)
			.single()).isEqualTo("198.51.100.250");
	}

}
