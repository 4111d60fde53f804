package cn.deputylink.notification.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * SMS through an HTTP gateway: {@code POST <gateway-url>} with {@code {"to", "text",
 * "id"}}, the outbox id also as the {@code Idempotency-Key} header and the token (if any)
 * as a bearer credential. A 2xx answer means sent; anything else, or no answer within the
 * timeout, is a failed attempt.
 */
class HttpSmsChannel implements Channel {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http;

	private final URI gateway;

	private final String token;

	private final Duration timeout;

	private final boolean idempotent;

	HttpSmsChannel(String gatewayUrl, String token, Duration timeout, boolean idempotent) {
		this.gateway = URI.create(gatewayUrl.strip());
		this.token = token == null ? "" : token.strip();
		this.timeout = timeout;
		this.idempotent = idempotent;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
	}

	@Override
	public void send(OutboxMessage m) throws IOException, InterruptedException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("to", m.recipient());
		body.put("text", m.body());
		body.put("id", m.id());
		HttpRequest.Builder request = HttpRequest.newBuilder(gateway)
			.timeout(timeout)
			.header("Content-Type", "application/json; charset=utf-8")
			.header("Idempotency-Key", idempotencyKey(m))
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
		if (!token.isEmpty()) {
			request.header("Authorization", "Bearer " + token);
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() / 100 != 2) {
			String text = response.body() == null ? "" : response.body();
			throw new IOException("SMS gateway answered " + response.statusCode() + " "
					+ (text.length() > 200 ? text.substring(0, 200) : text));
		}
	}

	/**
	 * The outbox id: the same for every attempt at one message, so a deduplicating
	 * gateway sends it once.
	 */
	static String idempotencyKey(OutboxMessage m) {
		return String.valueOf(m.id());
	}

	@Override
	public boolean idempotent() {
		return idempotent;
	}

	@Override
	public String describe() {
		return "sms-gateway " + gateway.getHost();
	}

}
