package cn.deputylink.support;

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

/**
 * A browser without a browser: a cookie jar and the CSRF token of the last page, for page
 * tests.
 */
public final class FormSession {

	private final int port;

	public FormSession(int port) {
		this.port = port;
	}

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	public String csrf;

	/** The last page fetched, sent as Referer with the next post, as a browser does. */
	private String referer;

	public HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		for (int i = 0; i < headers.length; i += 2) {
			b.header(headers[i], headers[i + 1]);
		}
		HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
		referer = "http://localhost:" + port + path;
		Matcher m = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(r.body());
		if (m.find()) {
			csrf = m.group(1);
		}
		return r;
	}

	public HttpResponse<String> post(String path, Map<String, String> form, boolean withCsrf)
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
			.header("Referer", referer == null ? "http://localhost:" + port + "/" : referer)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	public FormSession login(String user) throws IOException, InterruptedException {
		return login(user, Api.DEMO_PASSWORD);
	}

	public FormSession login(String user, String password) throws IOException, InterruptedException {
		get("/login");
		var r = post("/login", Map.of("username", user, "password", password), true);
		assertThat(r.statusCode()).isEqualTo(302);
		assertThat(r.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
		return this;
	}

	/** A multipart form post (files as name → (filename, bytes)), with the CSRF token. */
	public HttpResponse<String> postMultipart(String path, Map<String, String> fields,
			Map<String, Map.Entry<String, byte[]>> files) throws IOException, InterruptedException {
		Multipart m = new Multipart();
		fields.forEach(m::field);
		m.field("_csrf", csrf);
		files.forEach((name, f) -> m.file(name, f.getKey(), f.getValue()));
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", m.contentType())
			.header("Referer", referer == null ? "http://localhost:" + port + "/" : referer)
			.POST(m.publisher())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
