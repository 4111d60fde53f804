import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An SMS gateway for the benchmark: answers every {@code POST /} after {@code --delay-ms} (20 ms by
 * default) with 200, and counts what it got by {@code Idempotency-Key} (the outbox id), so that a
 * message sent twice shows. {@code GET /stats} answers
 * {@code received distinct duplicates lastAtMillis tagged taggedLastAtMillis} on one line, where
 * "tagged" counts the messages to a number starting with {@code --tag} (default 139), which the
 * drain phase uses; {@code POST /reset-tag} zeroes the tagged counters.
 *
 * <pre>java bench/FakeSmsGateway.java --port 18080 [--delay-ms 20] [--tag 139]</pre>
 */
public class FakeSmsGateway {

	static final Set<String> seen = ConcurrentHashMap.newKeySet();

	static final AtomicLong received = new AtomicLong();

	static final AtomicLong duplicates = new AtomicLong();

	static final AtomicLong lastAt = new AtomicLong();

	static final AtomicLong tagged = new AtomicLong();

	static final AtomicLong taggedLastAt = new AtomicLong();

	public static void main(String[] args) throws IOException {
		int port = 18080;
		long delay = 20;
		String tag = "139";
		for (int i = 0; i + 1 < args.length; i += 2) {
			switch (args[i]) {
				case "--port" -> port = Integer.parseInt(args[i + 1]);
				case "--delay-ms" -> delay = Long.parseLong(args[i + 1]);
				case "--tag" -> tag = args[i + 1];
				default -> throw new IllegalArgumentException("unknown option " + args[i]);
			}
		}
		long sleep = delay;
		String taggedTo = "\"to\":\"" + tag;
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
		// a real gateway serves many callers at once: one virtual-thread-like pool, large enough never to queue
		server.setExecutor(Executors.newFixedThreadPool(256));
		server.createContext("/", ex -> {
			try (ex) {
				String path = ex.getRequestURI().getPath();
				if ("GET".equals(ex.getRequestMethod()) && path.equals("/stats")) {
					answer(ex, 200, received.get() + " " + seen.size() + " " + duplicates.get() + " " + lastAt.get() + " "
							+ tagged.get() + " " + taggedLastAt.get() + "\n");
					return;
				}
				if (path.equals("/reset-tag")) {
					tagged.set(0);
					taggedLastAt.set(0);
					answer(ex, 200, "ok\n");
					return;
				}
				String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
				try {
					Thread.sleep(sleep);
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
				}
				received.incrementAndGet();
				if (key != null && !seen.add(key)) {
					duplicates.incrementAndGet();
				}
				long now = System.currentTimeMillis();
				lastAt.accumulateAndGet(now, Math::max);
				if (body.replace(" ", "").contains(taggedTo)) {
					tagged.incrementAndGet();
					taggedLastAt.accumulateAndGet(now, Math::max);
				}
				answer(ex, 200, "{\"ok\":true}");
			}
		});
		server.start();
		System.out.println("fake SMS gateway on 127.0.0.1:" + port + ", " + delay + " ms per answer");
	}

	static void answer(HttpExchange ex, int status, String text) throws IOException {
		byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
		ex.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = ex.getResponseBody()) {
			out.write(bytes);
		}
	}
}
