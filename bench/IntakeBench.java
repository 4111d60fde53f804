import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Intake benchmark of DeputyLink: one client, sequential requests over one keep-alive HTTP/1.1
 * connection, against an app that is already running (bench/run-intake.sh starts one).
 *
 * <pre>
 * java bench/IntakeBench.java --base http://127.0.0.1:8080 [--pid APP_PID] [--warmup 200] [--n 2000]
 *      [--replays 500] [--lists 500] [--lookups 1000] [--password Demo#2026] [--label text]
 * </pre>
 *
 * Only the JDK is used (java.net.http); JSON answers are read with regular expressions. Exits 1 if
 * any request got an unexpected answer, 2 if the benchmark could not run at all.
 */
public class IntakeBench {

	static final Pattern TRACKING = Pattern.compile("\"trackingCode\"\\s*:\\s*\"([^\"]+)\"");

	static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

	static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

	static final Pattern FIRST_ITEM_ID = Pattern.compile("\"items\"\\s*:\\s*\\[\\s*\\{[^{}]*?\"id\"\\s*:\\s*(\\d+)");

	static final Pattern ITEM = Pattern.compile("\\{\"id\"\\s*:");

	// ------------------------------------------------------------------ settings

	final String base;

	final long pid;

	final int warmup;

	final int n;

	final int replays;

	final int lists;

	final int lookups;

	final String password;

	final String label;

	final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	final Random random = new Random(20260101L);

	final List<Result> results = new ArrayList<>();

	final List<String> errors = new ArrayList<>();

	long failures;

	IntakeBench(Map<String, String> a) {
		base = stripSlash(a.getOrDefault("base", "http://127.0.0.1:8080"));
		pid = Long.parseLong(a.getOrDefault("pid", "0"));
		warmup = Integer.parseInt(a.getOrDefault("warmup", "200"));
		n = Integer.parseInt(a.getOrDefault("n", "2000"));
		replays = Integer.parseInt(a.getOrDefault("replays", "500"));
		lists = Integer.parseInt(a.getOrDefault("lists", "500"));
		lookups = Integer.parseInt(a.getOrDefault("lookups", "1000"));
		password = a.getOrDefault("password", "Demo#2026");
		label = a.getOrDefault("label", "");
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> a = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			if (!args[i].startsWith("--") || i + 1 >= args.length) {
				System.err.println("usage: java bench/IntakeBench.java --base URL [--pid N] [--warmup 200] [--n 2000] "
						+ "[--replays 500] [--lists 500] [--lookups 1000] [--password P] [--label TEXT]");
				System.exit(2);
			}
			a.put(args[i].substring(2), args[++i]);
		}
		IntakeBench b = new IntakeBench(a);
		int rc;
		try {
			rc = b.run();
		}
		catch (SetupException ex) {
			System.err.println("benchmark could not run: " + ex.getMessage());
			rc = 2;
		}
		System.exit(rc);
	}

	// ------------------------------------------------------------------ the run

	int run() throws Exception {
		String county = token("county");
		String liaison = token("liaison");
		Response v = send(get("/api/v1/villages?limit=1").header("Authorization", "Bearer " + county).build());
		if (v.status != 200) {
			throw new SetupException("GET /api/v1/villages?limit=1 answered " + v.status + ": " + snippet(v.body));
		}
		long villageId = Long.parseLong(group(FIRST_ITEM_ID, v.body, "items[0].id of /api/v1/villages"));

		// 1. public intake
		List<String> codes = new ArrayList<>();
		IntFunction<Call> publicIntake = i -> new Call(
				post("/api/v1/public/opinions", "{\"villageId\":" + villageId + ",\"content\":\"" + json(content(i))
						+ "\",\"constituent\":{\"name\":\"测试\",\"phone\":\"13800000000\",\"anonymous\":false}}").build(),
				r -> {
					if (r.status != 201) {
						return "status " + r.status;
					}
					Matcher m = TRACKING.matcher(r.body);
					if (!m.find()) {
						return "no trackingCode in answer";
					}
					codes.add(m.group(1));
					return null;
				});
		phase("public intake  POST /public/opinions", warmup, n, publicIntake);

		// 2. staff intake, a fresh Idempotency-Key each, then one key replayed
		List<String[]> keyed = new ArrayList<>(); // {key, id, content}
		IntFunction<Call> staffIntake = i -> {
			String key = UUID.randomUUID().toString();
			String text = content(100_000 + i);
			return new Call(staffPost(liaison, key, text), r -> {
				if (r.status != 201) {
					return "status " + r.status;
				}
				Matcher m = ID.matcher(r.body);
				if (!m.find()) {
					return "no id in answer";
				}
				if (!"false".equals(r.header("Idempotent-Replayed"))) {
					return "first request with a key answered Idempotent-Replayed: " + r.header("Idempotent-Replayed");
				}
				keyed.add(new String[] { key, m.group(1), text });
				return null;
			});
		};
		phase("staff intake   POST /opinions + Idem-Key", warmup, n, staffIntake);

		if (keyed.size() < 2) {
			throw new SetupException("staff intake created no opinion to replay");
		}
		String[] warmKey = keyed.get(0);
		String[] measuredKey = keyed.get(keyed.size() - 1);
		IntFunction<Call> replay = i -> {
			String[] k = i < 0 ? warmKey : measuredKey;
			return new Call(staffPost(liaison, k[0], k[2]), r -> {
				if (r.status != 201) {
					return "status " + r.status;
				}
				Matcher m = ID.matcher(r.body);
				if (!m.find() || !m.group(1).equals(k[1])) {
					return "replay answered another id: " + snippet(r.body);
				}
				if (!"true".equals(r.header("Idempotent-Replayed"))) {
					return "replay answered Idempotent-Replayed: " + r.header("Idempotent-Replayed");
				}
				return null;
			});
		};
		phase("idem. replay   same key again", Math.min(warmup, 50), replays, replay);

		// 3. the county's list after the inserts
		IntFunction<Call> list = i -> new Call(
				get("/api/v1/opinions?limit=50").header("Authorization", "Bearer " + county).build(), r -> {
					if (r.status != 200) {
						return "status " + r.status;
					}
					int items = count(ITEM, r.body);
					return items == 50 ? null : "expected 50 items, got " + items;
				});
		phase("list           GET /opinions?limit=50", Math.min(warmup, 100), lists, list);

		// 4. tracking lookups over the codes of step 1
		if (codes.isEmpty()) {
			throw new SetupException("public intake collected no tracking code");
		}
		IntFunction<Call> lookup = i -> {
			String code = codes.get(Math.floorMod(i < 0 ? -i * 7919 : i, codes.size()));
			return new Call(get("/api/v1/public/opinions/" + code).build(), r -> {
				if (r.status != 200) {
					return "status " + r.status;
				}
				return r.body.contains("\"" + code + "\"") ? null : "answer does not name " + code;
			});
		};
		phase("tracking       GET /public/opinions/{code}", Math.min(warmup, 100), lookups, lookup);

		report();
		return failures == 0 ? 0 : 1;
	}

	HttpRequest staffPost(String token, String key, String text) {
		return post("/api/v1/opinions", "{\"source\":\"RECEPTION\",\"content\":\"" + json(text) + "\"}")
			.header("Authorization", "Bearer " + token)
			.header("Idempotency-Key", key)
			.build();
	}

	String token(String user) throws IOException, InterruptedException {
		Response r = send(post("/api/v1/auth/token",
				"{\"username\":\"" + user + "\",\"password\":\"" + json(password) + "\"}").build());
		if (r.status != 200) {
			throw new SetupException("POST /api/v1/auth/token as " + user + " answered " + r.status + ": " + snippet(r.body));
		}
		return group(TOKEN, r.body, "token of " + user);
	}

	// ------------------------------------------------------------------ measuring

	record Call(HttpRequest request, Check check) {
	}

	interface Check {

		/** null when the answer is right, otherwise what is wrong with it. */
		String problem(Response r);

	}

	record Result(String name, int count, int failed, double seconds, long[] nanos) {

		double perSecond() {
			return count / seconds;
		}

		double ms(double q) {
			if (nanos.length == 0) {
				return Double.NaN;
			}
			// nearest rank
			int rank = (int) Math.ceil(q * nanos.length);
			return nanos[Math.max(0, Math.min(nanos.length - 1, rank - 1))] / 1e6;
		}

		double maxMs() {
			return nanos.length == 0 ? Double.NaN : nanos[nanos.length - 1] / 1e6;
		}

	}

	/** Warm-up calls get negative indexes -1..-warm; measured calls 0..count-1. */
	void phase(String name, int warm, int count, IntFunction<Call> calls) throws InterruptedException {
		System.err.printf("%-44s warm-up %d, measuring %d ...%n", name, warm, count);
		for (int i = 1; i <= warm; i++) {
			call(name + " (warm-up)", calls.apply(-i));
		}
		long[] nanos = new long[count];
		int failed = 0;
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			Call c = calls.apply(i);
			long t0 = System.nanoTime();
			Response r = exchange(c.request);
			nanos[i] = System.nanoTime() - t0;
			if (!ok(name, c, r)) {
				failed++;
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		Arrays.sort(nanos);
		results.add(new Result(name, count, failed, seconds, nanos));
	}

	void call(String name, Call c) throws InterruptedException {
		ok(name, c, exchange(c.request));
	}

	boolean ok(String name, Call c, Response r) {
		String problem = r.error != null ? r.error : c.check.problem(r);
		if (problem == null) {
			return true;
		}
		failures++;
		if (errors.size() < 20) {
			errors.add(name + ": " + c.request.method() + " " + c.request.uri().getRawPath() + " -> " + problem
					+ (r.body == null || r.body.isEmpty() ? "" : " | " + snippet(r.body)));
		}
		return false;
	}

	record Response(int status, String body, HttpResponse<String> raw, String error) {

		String header(String name) {
			return raw == null ? null : raw.headers().firstValue(name).orElse(null);
		}

	}

	Response exchange(HttpRequest req) throws InterruptedException {
		try {
			return send(req);
		}
		catch (IOException ex) {
			return new Response(-1, "", null, ex.toString());
		}
	}

	Response send(HttpRequest req) throws IOException, InterruptedException {
		HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		return new Response(r.statusCode(), r.body(), r, null);
	}

	HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).header("Accept", "application/json").GET();
	}

	HttpRequest.Builder post(String path, String json) {
		return HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
	}

	// ------------------------------------------------------------------ report

	void report() {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT, "%nDeputyLink intake benchmark%s — %s%n", label.isEmpty() ? "" : " (" + label + ")", base));
		out.append(String.format(Locale.ROOT, "machine: %d cores, %s %s, Java %s; one client, sequential requests, HTTP/1.1 keep-alive%n",
				Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
				System.getProperty("java.version")));
		out.append(String.format(Locale.ROOT, "%n%-44s %6s %8s %8s %8s %8s %8s %6s%n", "phase", "n", "req/s", "p50 ms",
				"p95 ms", "p99 ms", "max ms", "failed"));
		for (Result r : results) {
			out.append(String.format(Locale.ROOT, "%-44s %6d %8.1f %8.2f %8.2f %8.2f %8.2f %6d%n", r.name, r.count,
					r.perSecond(), r.ms(0.50), r.ms(0.95), r.ms(0.99), r.maxMs(), r.failed));
		}
		if (pid > 0) {
			out.append('\n').append(memory(pid));
		}
		out.append(String.format(Locale.ROOT, "%nresult: %s%n", failures == 0 ? "OK, every answer as expected"
				: "FAILED, " + failures + " unexpected answers (warm-up included)"));
		System.out.print(out);
		for (String e : errors) {
			System.err.println("  " + e);
		}
	}

	/** Resident set of the app process from /proc, and its heap from jcmd when the JDK has it. */
	static String memory(long pid) {
		StringBuilder s = new StringBuilder();
		Path status = Path.of("/proc", String.valueOf(pid), "status");
		try {
			Map<String, String> f = new LinkedHashMap<>();
			for (String line : Files.readAllLines(status)) {
				int c = line.indexOf(':');
				if (c > 0) {
					f.put(line.substring(0, c), line.substring(c + 1).strip());
				}
			}
			s.append(String.format(Locale.ROOT, "app process %d: VmRSS %s (peak VmHWM %s)%n", pid, mb(f.get("VmRSS")),
					mb(f.get("VmHWM"))));
		}
		catch (IOException ex) {
			s.append("app process ").append(pid).append(": no ").append(status).append(" (not Linux?)\n");
		}
		String heap = heap(pid);
		if (heap != null) {
			s.append("app JVM heap (jcmd GC.heap_info): ").append(heap).append('\n');
		}
		return s.toString();
	}

	static String mb(String kb) {
		if (kb == null) {
			return "?";
		}
		try {
			return String.format(Locale.ROOT, "%.0f MB", Long.parseLong(kb.replace("kB", "").strip()) / 1024.0);
		}
		catch (NumberFormatException ex) {
			return kb;
		}
	}

	static String heap(long pid) {
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		if (!Files.isExecutable(jcmd)) {
			return null;
		}
		try {
			Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "GC.heap_info").redirectErrorStream(true).start();
			String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
				return null;
			}
			// G1: "garbage-first heap   total 262144K, used 123456K"; other collectors say much the same
			Matcher m = Pattern.compile("heap\\s+total\\s+(\\d+)K,\\s+used\\s+(\\d+)K").matcher(text);
			if (m.find()) {
				return String.format(Locale.ROOT, "used %.0f MB of %.0f MB committed", Long.parseLong(m.group(2)) / 1024.0,
						Long.parseLong(m.group(1)) / 1024.0);
			}
			return null;
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	// ------------------------------------------------------------------ content

	static final String[] PLACES = { "村东头", "村委会门口", "小学旁边", "卫生室附近", "集市路口", "河堤下游", "老祠堂后面", "新建小区",
			"三组", "五组", "村南桥头", "文化广场" };

	static final String[] ISSUES = { "路灯已经坏了两个多月，晚上出行很不安全", "道路坑洼积水严重，雨天无法通行", "垃圾清运不及时，气味很大",
			"自来水压力不足，高层住户经常停水", "排水沟堵塞，下雨就倒灌进院子", "校车接送点没有遮雨棚，孩子们淋雨等车",
			"医保报销手续复杂，老人跑了好几趟", "农田灌溉渠年久失修，漏水严重", "公交班次太少，进城看病很不方便", "广场舞音乐太吵，影响休息",
			"养殖场污水直排，河水发黑", "危房改造补贴迟迟没有到位" };

	static final String[] ASKS = { "希望有关部门尽快派人来看看。", "请代表帮忙反映，早日解决。", "盼望能在汛期前处理好。",
			"建议纳入今年的民生实事。", "恳请给个答复和时间表。", "群众意见很大，希望重视。" };

	/** Varied Chinese text; the index keeps every text different. */
	String content(int i) {
		String place = PLACES[random.nextInt(PLACES.length)];
		String issue = ISSUES[random.nextInt(ISSUES.length)];
		String ask = ASKS[random.nextInt(ASKS.length)];
		String extra = random.nextInt(3) == 0 ? "已经反映过" + (1 + random.nextInt(5)) + "次，" : "";
		return place + issue + "，" + extra + ask + "（编号" + Integer.toString(i < 0 ? 900_000 - i : i) + "）";
	}

	// ------------------------------------------------------------------ small things

	static class SetupException extends RuntimeException {

		SetupException(String message) {
			super(message);
		}

	}

	static String group(Pattern p, String text, String what) {
		Matcher m = p.matcher(text);
		if (!m.find()) {
			throw new SetupException("no " + what + " in: " + snippet(text));
		}
		return m.group(1);
	}

	static int count(Pattern p, String text) {
		Matcher m = p.matcher(text);
		int c = 0;
		while (m.find()) {
			c++;
		}
		return c;
	}

	static String json(String s) {
		StringBuilder b = new StringBuilder(s.length() + 8);
		for (char ch : s.toCharArray()) {
			switch (ch) {
				case '"' -> b.append("\\\"");
				case '\\' -> b.append("\\\\");
				case '\n' -> b.append("\\n");
				case '\r' -> b.append("\\r");
				case '\t' -> b.append("\\t");
				default -> {
					if (ch < 0x20) {
						b.append(String.format("\\u%04x", (int) ch));
					}
					else {
						b.append(ch);
					}
				}
			}
		}
		return b.toString();
	}

	static String snippet(String s) {
		if (s == null) {
			return "";
		}
		String one = s.replaceAll("\\s+", " ");
		return one.length() > 300 ? one.substring(0, 300) + "..." : one;
	}

	static String stripSlash(String s) {
		return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
	}

}
