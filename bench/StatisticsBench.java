import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statistics' response times against a running instance (single-file Java, started by
 * bench/statistics.sh): waits until the all-time summary shows the expected counts (the
 * listeners work off the seeding's events), then times N sequential requests of each kind
 * after a warm-up — the summary API (all time, this year, one township) and the dashboard
 * page (all time, this year) as the county admin — and prints median, p90, p99 and max.
 *
 * Usage: java bench/StatisticsBench.java <baseUrl> <activities> <opinions> <converted> [n]
 */
public class StatisticsBench {

	static final HttpClient HTTP = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	public static void main(String[] args) throws Exception {
		String base = args[0];
		long activities = Long.parseLong(args[1]);
		long opinions = Long.parseLong(args[2]);
		long converted = Long.parseLong(args[3]);
		int n = args.length > 4 ? Integer.parseInt(args[4]) : 200;
		String token = field(post(base + "/api/v1/auth/token", "application/json",
				"{\"username\":\"county\",\"password\":\"Demo#2026\"}", null), "token");
		long waited = System.nanoTime();
		String summary;
		while (true) {
			summary = get(base + "/api/v1/statistics/summary", token);
			if (number(summary, "activities") == activities && number(summary, "opinions") == opinions
					&& number(summary, "opinionsConverted") == converted) {
				break;
			}
			if (System.nanoTime() - waited > 900_000_000_000L) {
				System.out.println("FAIL: the summary never reached the expected counts: " + summary);
				System.exit(1);
			}
			Thread.sleep(500);
		}
		System.out.printf("  all-time summary: %s (counted %.1f s after health UP)%n", summary,
				(System.nanoTime() - waited) / 1e9);
		String township = get(base + "/api/v1/townships", token);
		Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(township);
		String townshipId = id.find() ? id.group(1) : "1";
		// the county admin's page session
		String login = page(base + "/login");
		String csrf = csrf(login);
		post(base + "/login", "application/x-www-form-urlencoded",
				"username=county&password=" + URLEncoder.encode("Demo#2026", StandardCharsets.UTF_8) + "&_csrf=" + csrf,
				base + "/login");
		if (!page(base + "/statistics?quick=all").contains("id=\"headline\"")) {
			System.out.println("FAIL: the dashboard did not render for the county admin");
			System.exit(1);
		}
		time("GET /api/v1/statistics/summary (all time)", n, () -> get(base + "/api/v1/statistics/summary", token));
		time("GET /api/v1/statistics/summary?from&to (this year)", n,
				() -> get(base + "/api/v1/statistics/summary?from=" + java.time.LocalDate.now().withDayOfYear(1)
						+ "&to=" + java.time.LocalDate.now(), token));
		time("GET /api/v1/statistics/summary?townshipId (all time)", n,
				() -> get(base + "/api/v1/statistics/summary?townshipId=" + townshipId, token));
		time("GET /statistics?quick=all (dashboard page)", n, () -> page(base + "/statistics?quick=all"));
		time("GET /statistics (dashboard page, this year)", n, () -> page(base + "/statistics"));
	}

	interface Call {

		String run() throws Exception;

	}

	static void time(String label, int n, Call call) throws Exception {
		for (int i = 0; i < Math.max(20, n / 10); i++) {
			call.run();
		}
		List<Double> ms = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			long t = System.nanoTime();
			call.run();
			ms.add((System.nanoTime() - t) / 1e6);
		}
		Collections.sort(ms);
		System.out.printf("  %-56s median %6.1f ms   p90 %6.1f ms   p99 %6.1f ms   max %6.1f ms   (n=%d)%n", label,
				ms.get(n / 2), ms.get((int) Math.ceil(n * 0.9) - 1), ms.get((int) Math.ceil(n * 0.99) - 1),
				ms.get(n - 1), n);
	}

	static String get(String url, String token) throws Exception {
		HttpResponse<String> r = HTTP.send(
				HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build(),
				HttpResponse.BodyHandlers.ofString());
		check(url, r);
		return r.body();
	}

	static String page(String url) throws Exception {
		HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
				HttpResponse.BodyHandlers.ofString());
		check(url, r);
		return r.body();
	}

	static String post(String url, String type, String body, String referer) throws Exception {
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", type)
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (referer != null) {
			b.header("Referer", referer);
		}
		HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
		if (r.statusCode() >= 400) {
			throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
		}
		return r.body();
	}

	static void check(String url, HttpResponse<String> r) {
		if (r.statusCode() != 200) {
			throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
		}
	}

	static String csrf(String html) {
		Matcher m = Pattern.compile("name=\"_csrf\" (?:content|value)=\"([^\"]+)\"").matcher(html);
		if (!m.find()) {
			throw new IllegalStateException("no CSRF token in the login page");
		}
		return m.group(1);
	}

	static String field(String json, String name) {
		Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
		if (!m.find()) {
			throw new IllegalStateException("no " + name + " in " + json);
		}
		return m.group(1);
	}

	static long number(String json, String name) {
		Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
		return m.find() ? Long.parseLong(m.group(1)) : -1;
	}

}
