package cn.deputylink.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tiny JSON client for the API under test: real HTTP, no Spring test client in between.
 */
public final class Api {

	public static final String DEMO_PASSWORD = "Demo#2026";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final String base;

	private String token;

	private Api(String base, String token) {
		this.base = base;
		this.token = token;
	}

	public static Api anonymous(int port) {
		return new Api("http://localhost:" + port, null);
	}

	/**
	 * Signs in with {@code POST /api/v1/auth/token}; fails the test if that is refused.
	 */
	public static Api as(int port, String username, String password) {
		Api api = anonymous(port);
		Response r = api.post("/api/v1/auth/token",
				"{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
		if (r.status() != 200) {
			throw new AssertionError("login of " + username + " gave " + r.status() + ": " + r.body());
		}
		api.token = r.json().get("token").asString();
		return api;
	}

	/**
	 * A client sending a token obtained elsewhere (for instance with a second-factor
	 * code).
	 */
	public static Api withToken(int port, String token) {
		return new Api("http://localhost:" + port, token);
	}

	public static Api as(int port, String demoUser) {
		return as(port, demoUser, DEMO_PASSWORD);
	}

	/** The status, body and parsed JSON of one response. */
	public record Response(int status, String body, String contentType) {

		public JsonNode json() {
			return JSON.readTree(body);
		}

		public long id() {
			return json().get("id").asLong();
		}
	}

	/** The bearer token, for tests that need their own HTTP client. */
	public String token() {
		return token;
	}

	public Response get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	public Response put(String path, String json) {
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
	}

	public Response post(String path, Multipart body) {
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", body.contentType())
			.POST(body.publisher()));
	}

	/** A JSON post with extra headers (name, value, ...). */
	public Response post(String path, String json, String... headers) {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
		for (int i = 0; i < headers.length; i += 2) {
			b.header(headers[i], headers[i + 1]);
		}
		return send(b);
	}

	public Response delete(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
	}

	/** A GET whose body is binary (a PDF): the status, the content type and the bytes. */
	public Binary getBytes(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			HttpResponse<byte[]> r = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			return new Binary(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public record Binary(int status, byte[] body, String contentType) {
	}

	public Response send(HttpRequest.Builder request) {
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			HttpResponse<String> r = http.send(request.build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Response(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

}
