package cn.deputylink.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.deputylink.shared.TextInput;
import cn.deputylink.support.Api;
import cn.deputylink.support.Images;
import cn.deputylink.support.IntegrationTest;
import cn.deputylink.support.Multipart;

/**
 * Sends bad input to every endpoint the running application maps — API and pages, read
 * from the {@link RequestMappingHandlerMapping}, so a new endpoint is fuzzed without
 * anyone adding it here — as a county admin, and anonymously to the public ones: bad path
 * ids and codes (overflowing, negative, not numbers, NUL, bytes that are no UTF-8, bidi
 * controls), the same in every query and form parameter the handler declares (paging
 * included), malformed, empty, huge, deeply nested and non-UTF-8 JSON bodies, and every
 * field of a JSON body with a value of the wrong type, a control character or a lone
 * surrogate; uploads with a NUL or bidi control in the name, fake and polyglot images. It
 * checks that nothing answers 5xx, that the API answers problem+json, that a mistyped
 * JSON field is always refused, that a refused request leaves the row counts of the main
 * tables as they were, and in the end that no control character was stored anywhere.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FuzzIT {

	private static final List<String> TABLES = List.of("township", "village", "station", "deputy", "category",
			"department", "app_user", "calendar_day", "routing_rule", "opinion", "opinion_event", "opinion_attachment",
			"outbox_message", "inbox_message");

	/** Path variable values, URL-encoded. */
	private static final List<String> PATH_VALUES = List.of("-1", "99999999999999999999", "1.5", "%E2%80%AE");

	/**
	 * Path values that Tomcat ({@code %00}, bytes that are no UTF-8) or Spring Security's
	 * firewall (an encoded line feed) refuse before the application sees the request: a
	 * 400, but in the container's format (making those problem+json is the edge part of
	 * the issue).
	 */
	private static final List<String> CONTAINER_PATH_VALUES = List.of("%00", "%0A", "%FF%FE");

	/**
	 * Query and form parameter values for a parameter of each kind, URL-encoded. Pages
	 * get fewer: they share the API's binding and cleaning, and each of them renders a
	 * whole page.
	 */
	private static List<String> paramValues(Class<?> type, boolean api) {
		if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
			return api ? List.of("99999999999999999999", "-1", "1.5", "%FF%FE")
					: List.of("99999999999999999999", "1.5");
		}
		if (!api && (type == String.class || type == Object.class)) {
			return List.of("%00a%01b%1B%7F%C2%85%E2%80%AE", "%FF%FE");
		}
		if (type == Boolean.class || type == boolean.class) {
			return List.of("maybe");
		}
		if (type.isEnum()) {
			return List.of("NOPE", "%00");
		}
		if (Temporal.class.isAssignableFrom(type)) {
			return List.of("99999-01-01", "%00");
		}
		// NUL and other C0 and C1 controls, a bidi override; bytes that are no UTF-8; an
		// encoded surrogate
		return List.of("%00a%01b%1B%7F%C2%85%E2%80%AE", "%FF%FE", "%ED%A0%80", "x".repeat(5000));
	}

	/** Whole JSON bodies that are malformed, empty, huge, too deep or not UTF-8. */
	private static final List<byte[]> BODIES = List.of(bytes(""), bytes("{"), bytes("[]"), bytes("null"),
			bytes("\"text\""), bytes("12345"), bytes("{}"), bytes("{} {}"), bytes("[".repeat(5000) + "]".repeat(5000)),
			bytes("{\"a\":" + "9".repeat(5000) + "}"), bytes("{\"a\":\"" + "x".repeat(2_000_000) + "\"}"),
			"{\"a\":\"\u00ff\u00fe\"}".getBytes(StandardCharsets.ISO_8859_1), bytes("{\"a\":\"\\ud800\"}"));

	/** Parameters that the framework fills in and the client never sends. */
	private static final Set<Class<?>> FRAMEWORK = Set.of(Model.class, RedirectAttributes.class, BindingResult.class,
			HttpServletRequest.class, HttpServletResponse.class, HttpSession.class, Locale.class);

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	JdbcClient jdbc;

	private final HttpClient pages = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	private final HttpClient anonymousPages = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	private final HttpClient plain = HttpClient.newHttpClient();

	private String token;

	private String csrf;

	private String anonymousCsrf;

	private long opinion;

	private final List<String> findings = new ArrayList<>();

	/** The row counts of the main tables as the last request left them. */
	private String counts;

	private int requests;

	@BeforeAll
	void signIn() throws Exception {
		token = Api.as(port, "county").token();
		long station = Api.as(port, "county").get("/api/v1/stations").json().get("items").get(0).get("id").asLong();
		opinion = Api.as(port, "county")
			.post("/api/v1/opinions",
					Api.json(Map.of("source", "RECEPTION", "stationId", station, "content", "模糊测试的意见")))
			.id();
		csrf = csrfOf(pages.send(get("/login").build(), HttpResponse.BodyHandlers.ofString()).body());
		HttpResponse<String> login = pages.send(
				form("/login", "username=county&password=" + Api.DEMO_PASSWORD, csrf).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		csrf = csrfOf(pages.send(get("/dashboard").build(), HttpResponse.BodyHandlers.ofString()).body());
		anonymousCsrf = csrfOf(
				anonymousPages.send(get("/public/opinions/new").build(), HttpResponse.BodyHandlers.ofString()).body());
	}

	private static String csrfOf(String html) {
		Matcher m = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"").matcher(html);
		assertThat(m.find()).as("a CSRF token on the page").isTrue();
		return m.group(1);
	}

	private static byte[] bytes(String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

	// ------------------------------------------------------------------ the endpoints

	/** One mapped path and method with what its handler reads. */
	private record Endpoint(String method, String pattern, boolean api, boolean publicToo, Map<String, Class<?>> params,
			List<String> headers, Class<?> body, boolean multipart) {

		String label() {
			return method + " " + pattern;
		}
	}

	private List<Endpoint> endpoints() {
		List<Endpoint> out = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
			HandlerMethod handler = e.getValue();
			if (!handler.getBeanType().getPackageName().startsWith("cn.deputylink")) {
				continue;
			}
			RequestMappingInfo info = e.getKey();
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			Map<String, Class<?>> params = new LinkedHashMap<>();
			List<String> headers = new ArrayList<>();
			Class<?> body = null;
			boolean multipart = !info.getConsumesCondition().getConsumableMediaTypes().isEmpty()
					&& info.getConsumesCondition()
						.getConsumableMediaTypes()
						.stream()
						.anyMatch(t -> t.getSubtype().equals("form-data"));
			for (MethodParameter p : handler.getMethodParameters()) {
				p.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
				Class<?> type = p.getParameterType();
				if (isFile(p)) {
					multipart = true;
				}
				else if (p.hasParameterAnnotation(RequestBody.class)) {
					body = type;
				}
				else if (p.hasParameterAnnotation(RequestHeader.class)) {
					RequestHeader h = p.getParameterAnnotation(RequestHeader.class);
					headers.add(h.name().isEmpty() ? h.value() : h.name());
				}
				else if (p.hasParameterAnnotation(RequestParam.class)) {
					RequestParam rp = p.getParameterAnnotation(RequestParam.class);
					String name = !rp.name().isEmpty() ? rp.name()
							: !rp.value().isEmpty() ? rp.value() : p.getParameterName();
					params.put(name, elementType(p.getGenericParameterType()));
				}
				else if (type.isRecord()) {
					for (RecordComponent c : type.getRecordComponents()) {
						params.put(c.getName(), elementType(c.getGenericType()));
					}
				}
				else if (!FRAMEWORK.contains(type) && !p.hasParameterAnnotation(PathVariable.class)) {
					params.put(p.getParameterName(), elementType(p.getGenericParameterType()));
				}
			}
			boolean api = AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), RestController.class);
			for (String pattern : info.getPatternValues()) {
				boolean publicToo = pattern.startsWith("/public") || pattern.startsWith("/api/v1/public")
						|| pattern.equals("/") || pattern.equals("/login");
				for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET, RequestMethod.POST) : methods) {
					out.add(new Endpoint(m.name(), pattern, pattern.startsWith("/api/"), publicToo, params, headers,
							body, multipart));
				}
			}
			if (info.getPatternValues().stream().anyMatch(p -> p.startsWith("/api/")) && !api) {
				findings.add(handler
						+ " answers under /api/ without being a @RestController: its errors are no problem+json");
			}
		}
		return out;
	}

	/** The type a parameter's values have: the element type of a list or set. */
	private static Class<?> elementType(Type t) {
		Class<?> c = raw(t);
		if (Collection.class.isAssignableFrom(c) && t instanceof ParameterizedType pt) {
			return raw(pt.getActualTypeArguments()[0]);
		}
		return c;
	}

	private static boolean isFile(MethodParameter p) {
		if (p.getParameterType() == MultipartFile.class) {
			return true;
		}
		Type t = p.getGenericParameterType();
		return t instanceof ParameterizedType pt && pt.getActualTypeArguments().length == 1
				&& pt.getActualTypeArguments()[0] == MultipartFile.class;
	}

	/**
	 * The pattern with every variable (and a trailing {@code **}) replaced by
	 * {@code value}.
	 */
	private static String path(String pattern, String value) {
		return pattern.replaceAll("\\{[^}]+\\}", value).replace("**", "nope/" + value);
	}

	// ------------------------------------------------------------------ sending

	private HttpRequest.Builder get(String pathAndQuery) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
			.header("Accept", "text/html");
	}

	private HttpRequest.Builder form(String path, String body, String token) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body + (body.isEmpty() ? "" : "&") + "_csrf=" + token));
	}

	private String counts() {
		StringBuilder sql = new StringBuilder("select ");
		for (int i = 0; i < TABLES.size(); i++) {
			sql.append(i == 0 ? "" : " || ':' || ")
				.append("cast((select count(*) from ")
				.append(TABLES.get(i))
				.append(") as varchar)");
		}
		return jdbc.sql(sql.toString()).query(String.class).single();
	}

	/**
	 * Sends one request and checks the answer. {@code mustRefuse}: the request is wrong
	 * whatever the data, so anything but a 4xx is a finding.
	 */
	private void send(Endpoint e, boolean anonymous, String pathAndQuery, String contentType, byte[] body,
			Map<String, String> headers, boolean mustRefuse, String what) {
		String before = counts;
		HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery));
		HttpClient client;
		if (e.api()) {
			client = plain;
			b.header("Accept", "application/json");
			if (!anonymous) {
				b.header("Authorization", "Bearer " + token);
			}
		}
		else {
			client = anonymous ? anonymousPages : pages;
			b.header("Accept", "text/html");
		}
		headers.forEach(b::header);
		if (contentType != null) {
			b.header("Content-Type", contentType);
		}
		b.method(e.method(),
				body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
		HttpResponse<String> r;
		try {
			r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			findings.add(e.label() + " " + what + ": no answer (" + ex + ")");
			return;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		requests++;
		int status = r.statusCode();
		String type = r.headers().firstValue("Content-Type").orElse("");
		String where = (anonymous ? "anonymous " : "county ") + e.method() + " "
				+ pathAndQuery.substring(0, Math.min(pathAndQuery.length(), 160)) + " [" + what + "]";
		if (status >= 500) {
			findings.add(where + " → " + status + ": " + r.body().substring(0, Math.min(200, r.body().length())));
		}
		if (what.startsWith("container ")) {
			if (status != 400) {
				findings.add(where + " → " + status + ", not 400");
			}
			// refused by the container or the firewall before Spring MVC, the API still
			// speaks problem+json
			if (e.api() && !type.startsWith("application/problem+json")) {
				findings.add(where + " → " + status + " as " + type + ", not problem+json");
			}
		}
		else if (e.api() && status >= 400 && !type.startsWith("application/problem+json")) {
			findings.add(where + " → " + status + " as " + type + ", not problem+json");
		}
		if (mustRefuse && (status < 400 || status >= 500) && status != 302) {
			findings.add(where + " → " + status + ": accepted although it must be refused");
		}
		boolean refused = status >= 400 || (!e.api() && status == 200 && !e.method().equals("GET")) || mustRefuse;
		if (refused || !e.method().equals("GET")) {
			counts = counts();
			if (refused && !counts.equals(before)) {
				findings.add(where + " → " + status + " but wrote: " + before + " → " + counts);
			}
		}
	}

	private void fuzz(Endpoint e, boolean anonymous) {
		boolean write = !e.method().equals("GET");
		String csrfToken = anonymous ? anonymousCsrf : csrf;
		String plainPath = path(e.pattern(), "99999999");
		// the page forms need their CSRF token, else every post is a 403 before any input
		// is read
		String formPrefix = !e.api() && write ? "_csrf=" + csrfToken : "";
		// 1. bad path values
		if (e.pattern().contains("{") || e.pattern().contains("**")) {
			List<String> values = new ArrayList<>(e.api() ? PATH_VALUES : PATH_VALUES.subList(0, 2));
			values.addAll(e.api() ? CONTAINER_PATH_VALUES : CONTAINER_PATH_VALUES.subList(0, 1));
			for (String v : values) {
				String what = (CONTAINER_PATH_VALUES.contains(v) ? "container " : "") + "path " + v;
				if (e.api()) {
					send(e, anonymous, path(e.pattern(), v), write ? "application/json" : null,
							write ? bytes("{}") : null, Map.of(), false, what);
				}
				else {
					send(e, anonymous, path(e.pattern(), v), write ? "application/x-www-form-urlencoded" : null,
							write ? bytes(formPrefix) : null, Map.of(), false, what);
				}
			}
		}
		// 2. bad query or form parameters, one at a time
		for (Map.Entry<String, Class<?>> param : e.params().entrySet()) {
			String name = param.getKey();
			for (String v : paramValues(param.getValue(), e.api())) {
				String pair = name + "=" + v;
				if (!write || e.api()) {
					send(e, anonymous, plainPath + "?" + pair, write ? "application/json" : null,
							write ? bytes("{}") : null, Map.of(), false, "param " + name);
				}
				else {
					send(e, anonymous, plainPath, "application/x-www-form-urlencoded", bytes(formPrefix + "&" + pair),
							Map.of(), false, "form " + name);
				}
			}
		}
		// 3. bad headers the handler reads
		for (String header : e.headers()) {
			for (String v : List.of("99999999999999999999", "W/\"1.5\"", "k".repeat(300))) {
				send(e, anonymous, plainPath, write ? "application/json" : null, write ? bytes("{}") : null,
						Map.of(header, v), false, "header " + header);
			}
		}
		// 4. bad JSON bodies, and each field of the body with a value of the wrong kind
		if (e.body() != null) {
			for (byte[] body : BODIES) {
				send(e, anonymous, plainPath, "application/json", body, Map.of(), body.length > 2 && body[0] != '{',
						"body " + new String(body, 0, Math.min(body.length, 20), StandardCharsets.ISO_8859_1));
			}
			String target = e.pattern().contains("{") ? plainPath : e.pattern();
			for (Map.Entry<String, String> mutated : mutations(e.body()).entrySet()) {
				send(e, anonymous, target, "application/json", bytes(mutated.getValue()), Map.of(), true,
						mutated.getKey());
			}
		}
		// 5. uploads
		if (e.multipart() && write) {
			String target = path(e.pattern(),
					e.pattern().startsWith("/api/v1/calendar") ? "2031" : String.valueOf(opinion));
			byte[] polyglot = concat(Images.png(), bytes("<html><script>alert(1)</script>"));
			byte[] fake = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };
			for (Object[] file : List.<Object[]>of(new Object[] { "a\u0000.png", Images.png() },
					new Object[] { "x\u202egnp.exe", fake }, new Object[] { "../../p.png", polyglot },
					new Object[] { "e.png", new byte[0] }, new Object[] { "\ud800.pdf", bytes("%PDF-") })) {
				for (String field : List.of("file", "files")) {
					Multipart m = new Multipart();
					if (!e.api()) {
						m.field("_csrf", csrfToken);
					}
					m.file(field, (String) file[0], (byte[]) file[1]);
					send(e, anonymous, target, m.contentType(), m.toByteArray(), Map.of(), false,
							"upload " + field + " " + file[0]);
				}
			}
		}
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] out = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}

	// ------------------------------------------------------------------ JSON mutations

	/**
	 * A value of the right type for each kind of field, for the fields that are not
	 * mutated.
	 */
	private static String good(Type type) {
		Class<?> c = raw(type);
		if (c == String.class) {
			return "\"模糊\"";
		}
		if (c == Long.class || c == long.class || c == Integer.class || c == int.class) {
			return "99999999";
		}
		if (c == Boolean.class || c == boolean.class) {
			return "false";
		}
		if (c.isEnum()) {
			return "\"" + c.getEnumConstants()[0] + "\"";
		}
		if (Collection.class.isAssignableFrom(c)) {
			return "[]";
		}
		if (Temporal.class.isAssignableFrom(c)) {
			return c == LocalDate.class ? "\"2026-01-01\"" : "\"2026-01-01T00:00:00+08:00\"";
		}
		if (c.isRecord()) {
			return object(c, null, null);
		}
		return "{}";
	}

	/** Values that are not of the field's type, or not text. */
	private static List<String> wrong(Type type) {
		Class<?> c = raw(type);
		if (c == String.class) {
			return List.of("12345", "true", "[\"x\"]", "\"a\\u0000b\"", "\"\\ud800\"", "\"a\\u009bb\"");
		}
		if (c == Long.class || c == long.class || c == Integer.class || c == int.class) {
			return List.of("1.5", "\"1\"", "99999999999999999999");
		}
		if (c == Boolean.class || c == boolean.class) {
			return List.of("\"true\"", "1");
		}
		if (c.isEnum()) {
			return List.of("\"NOPE\"", "0");
		}
		if (Collection.class.isAssignableFrom(c)) {
			Type element = type instanceof ParameterizedType pt ? pt.getActualTypeArguments()[0] : Object.class;
			List<String> out = new ArrayList<>(List.of("\"x\"", "{}"));
			wrong(element).stream().limit(1).forEach(w -> out.add("[" + w + "]"));
			return out;
		}
		if (Temporal.class.isAssignableFrom(c)) {
			return List.of("12345", "\"\"", "\"yesterday\"");
		}
		if (c.isRecord()) {
			return List.of("\"x\"", "[]");
		}
		return List.of();
	}

	private static Class<?> raw(Type t) {
		if (t instanceof Class<?> c) {
			return c;
		}
		if (t instanceof ParameterizedType pt) {
			return (Class<?>) pt.getRawType();
		}
		return Object.class;
	}

	/** The record as JSON with good values, {@code field} set to {@code value}. */
	private static String object(Class<?> record, String field, String value) {
		StringBuilder json = new StringBuilder("{");
		for (RecordComponent c : record.getRecordComponents()) {
			if (json.length() > 1) {
				json.append(',');
			}
			json.append('"').append(c.getName()).append("\":");
			json.append(c.getName().equals(field) ? value : good(c.getGenericType()));
		}
		return json.append('}').toString();
	}

	/**
	 * Every field of the body's record (and of the records nested in it) with every wrong
	 * value.
	 */
	private static Map<String, String> mutations(Class<?> body) {
		Map<String, String> out = new LinkedHashMap<>();
		if (!body.isRecord()) {
			return out;
		}
		for (RecordComponent c : body.getRecordComponents()) {
			for (String w : wrong(c.getGenericType())) {
				out.put(c.getName() + "=" + w, object(body, c.getName(), w));
			}
			if (c.getType().isRecord()) {
				mutations(c.getType()).forEach((k, v) -> out.put(c.getName() + "." + k, object(body, c.getName(), v)));
			}
		}
		return out;
	}

	// ------------------------------------------------------------------ the test

	@Test
	void noEndpointCrashesRefusesWronglyOrHalfWritesOnBadInput() {
		long start = System.nanoTime();
		counts = counts();
		List<Endpoint> all = endpoints();
		assertThat(all).as("the fuzz found the API and the pages").hasSizeGreaterThan(100);
		Set<String> seen = new LinkedHashSet<>();
		for (Endpoint e : all) {
			if (!seen.add(e.label())) {
				continue;
			}
			fuzz(e, false);
			if (e.publicToo()) {
				fuzz(e, true);
			}
		}
		// the login form is Spring Security's, not a mapped handler
		// (a few values only: each is a failed login from this address)
		for (String v : List.of("%00", "a%01b", "%FF%FE")) {
			Endpoint login = new Endpoint("POST", "/login", false, true, Map.of(), List.of(), null, false);
			send(login, true, "/login", "application/x-www-form-urlencoded",
					bytes("_csrf=" + anonymousCsrf + "&username=" + v + "&password=x"), Map.of(), false, "login " + v);
		}
		// nothing that is not text reached a table, whichever way it came in
		for (String table : TABLES) {
			for (Map<String, Object> row : jdbc.sql("select * from " + table).query().listOfRows()) {
				row.forEach((column, value) -> {
					if (value instanceof String s && !TextInput.isClean(s)) {
						findings
							.add(table + "." + column + " holds a control character: " + s.replace("\u0000", "\\0"));
					}
				});
			}
		}
		long seconds = (System.nanoTime() - start) / 1_000_000_000;
		System.out.printf("fuzz: %d endpoints, %d requests in %d s, %d findings%n", seen.size(), requests, seconds,
				findings.size());
		assertThat(findings).as(String.join("\n", findings)).isEmpty();
	}

}
