package cn.deputylink.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.deputylink.support.IntegrationTest;

/**
 * The edge of the application in the shared test context, where no proxy is trusted (the
 * default): security headers on every response, forwarded headers ignored, Tomcat's own
 * errors as problem+json, and no session rows for anonymous page views.
 */
@IntegrationTest
class EdgeIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		for (int i = 0; i < headers.length; i += 2) {
			b.header(headers[i], headers[i + 1]);
		}
		return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void permissionsPolicyAndTheOtherSecurityHeadersOnEveryResponse() throws Exception {
		for (String path : new String[] { "/", "/public/opinions/new", "/login", "/css/app.css", "/actuator/health",
				"/api/v1/public/opinions/1234-5678-00000", "/api/v1/opinions", "/api/v1/no-such-thing", "/no-such-page",
				"/dashboard" }) {
			var r = get(path);
			assertThat(r.headers().firstValue("Permissions-Policy")).as(path)
				.hasValue(SecurityHeaders.PERMISSIONS_POLICY);
			assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
			assertThat(r.headers().firstValue("Content-Security-Policy")).as(path).isPresent();
			// plain HTTP from an untrusted peer: no HSTS
			assertThat(r.headers().firstValue("Strict-Transport-Security")).as(path).isEmpty();
		}
	}

	@Test
	void forwardedHeadersFromAnUntrustedPeerAreIgnored() throws Exception {
		String path = "/api/v1/public/opinions/" + UUID.randomUUID() + "/feedback";
		var r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/json")
			.header("X-Forwarded-For", "203.0.113.7")
			.header("X-Forwarded-Proto", "https")
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(r.statusCode()).isGreaterThanOrEqualTo(400);
		assertThat(r.headers().firstValue("Strict-Transport-Security")).isEmpty();
		String addr = jdbc.sql("select remote_addr from audit_event where target = :t")
			.param("t", path)
			.query(String.class)
			.single();
		assertThat(addr).isNotEqualTo("203.0.113.7").isIn("127.0.0.1", "0:0:0:0:0:0:0:1", "::1");
	}

	@Test
	void aNulInAnApiPathIsProblemJsonWithTheSecurityHeaders() throws Exception {
		Raw r = raw("GET /api/v1/opinions/%00 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(r.status).isEqualTo(400);
		assertThat(r.head).containsIgnoringCase("Content-Type: application/problem+json")
			.containsIgnoringCase("Permissions-Policy: ")
			.containsIgnoringCase("X-Content-Type-Options: nosniff")
			.containsIgnoringCase("Content-Security-Policy: ")
			.containsIgnoringCase("X-Frame-Options: DENY");
		assertThat(r.body).contains("\"status\":400").doesNotContain("Tomcat", "<html");
		// a page path gets a page, with the same headers
		Raw page = raw("GET /public/%00 HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
		assertThat(page.status).isEqualTo(400);
		assertThat(page.head).containsIgnoringCase("Content-Type: text/html")
			.containsIgnoringCase("Permissions-Policy: ");
		assertThat(page.body).doesNotContain("Tomcat");
	}

	@Test
	void anOversizedHeaderIsProblemJsonWithTheSecurityHeaders() throws Exception {
		Raw r = raw("GET /api/v1/opinions HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "a".repeat(20_000)
				+ "\r\nConnection: close\r\n\r\n");
		assertThat(r.status).isEqualTo(400);
		assertThat(r.head).containsIgnoringCase("Content-Type: application/problem+json")
			.containsIgnoringCase("Permissions-Policy: ")
			.containsIgnoringCase("X-Content-Type-Options: nosniff");
		assertThat(r.body).contains("\"status\":400").doesNotContain("Tomcat", "<html");
	}

	@Test
	void anonymousPublicPagesCreateNoSessionRowsAndThePublicFormStillWorks() throws Exception {
		int before = sessions();
		for (String path : new String[] { "/", "/public/opinions/new", "/public/opinions/track", "/login",
				"/public/opinions/track?code=1234-5678-00000", "/?lang=en", "/public/opinions/new?text=large" }) {
			for (int i = 0; i < 3; i++) {
				assertThat(get(path).statusCode()).as(path).isEqualTo(200);
			}
			assertThat(new CookieManager().getCookieStore().getCookies()).isEmpty();
		}
		// a protected page sends an anonymous visitor to the login page without a session
		// either
		assertThat(get("/dashboard").statusCode()).isEqualTo(302);
		assertThat(sessions()).as("spring_session rows after anonymous page views").isEqualTo(before);

		// the form's CSRF token is in a cookie now, and the form still works with it —
		// and not without it
		String form = get("/public/opinions/new").body();
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
		assertThat(token.find()).isTrue();
		String content = "无会话的公开表单 " + UUID.randomUUID();
		assertThat(postForm("/public/opinions", Map.of("content", content)).statusCode()).isEqualTo(403);
		var ok = postForm("/public/opinions", Map.of("content", content, "_csrf", token.group(1)));
		assertThat(ok.statusCode()).isEqualTo(302);
		assertThat(ok.headers().firstValue("Location").orElseThrow())
			.matches(".*/public/opinions/\\d{4}-\\d{4}-\\d{5}");
		assertThat(jdbc.sql("select count(*) from opinion where content = :c")
			.param("c", content)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	private HttpResponse<String> postForm(String path, Map<String, String> form)
			throws IOException, InterruptedException {
		String body = form.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Referer", "http://localhost:" + port + "/public/opinions/new")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private int sessions() {
		return jdbc.sql("select count(*) from spring_session").query(Integer.class).single();
	}

	record Raw(int status, String head, String body) {
	}

	/** A request as written, for what an HTTP client refuses to send. */
	private Raw raw(String request) throws IOException {
		try (Socket s = new Socket("localhost", port)) {
			s.setSoTimeout(10_000);
			OutputStream out = s.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = s.getInputStream();
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			in.transferTo(all);
			String text = all.toString(StandardCharsets.UTF_8);
			int split = text.indexOf("\r\n\r\n");
			String head = split < 0 ? text : text.substring(0, split);
			String body = split < 0 ? "" : text.substring(split + 4);
			return new Raw(Integer.parseInt(head.split(" ")[1]), head, body);
		}
	}

}
