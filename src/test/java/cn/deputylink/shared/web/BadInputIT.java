package cn.deputylink.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.deputylink.support.Api;
import cn.deputylink.support.FormSession;
import cn.deputylink.support.Images;
import cn.deputylink.support.IntegrationTest;
import cn.deputylink.support.Multipart;

/**
 * The reviewers' examples of bad input, one by one: each is refused with a 4xx
 * (problem+json from the API, a page from the browser) or cleaned, the same on H2 and
 * PostgreSQL, and writes nothing. {@link FuzzIT} looks for the rest.
 */
@IntegrationTest
class BadInputIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private Api county;

	private long stationId;

	@BeforeEach
	void signIn() {
		county = Api.as(port, "county");
		stationId = county.get("/api/v1/stations").json().get("items").get(0).get("id").asLong();
	}

	private static void problem(Api.Response r, int status) {
		assertThat(r.status()).as(r.body()).isEqualTo(status);
		assertThat(r.contentType()).startsWith("application/problem+json");
		assertThat(r.json().get("detail").asString()).isNotBlank();
	}

	private int opinions() {
		return jdbc.sql("select count(*) from opinion").query(Integer.class).single();
	}

	private static String unique(String prefix) {
		return prefix + ThreadLocalRandom.current().nextInt(100_000_000);
	}

	@Test
	void invalidUtf8InAQueryIsABadRequest() throws Exception {
		problem(county.get("/api/v1/opinions?q=%FF%FE"), 400);
		problem(county.get("/api/v1/townships?q=%C3%28"), 400);
		FormSession s = new FormSession(port).login("county");
		assertThat(s.get("/opinions?q=%FF%FE").statusCode()).isEqualTo(400);
	}

	@Test
	void theAuditApiAnswersBadPagingWithProblems() {
		problem(county.get("/api/v1/audit?limit=-3"), 400);
		problem(county.get("/api/v1/audit?cursor=zz"), 400);
		problem(county.get("/api/v1/audit?limit=abc"), 400);
		problem(county.get("/api/v1/audit?limit=99999999999"), 400);
		problem(county.get("/api/v1/audit?from=yesterday"), 400);
	}

	@Test
	void cursorsThatNameNoRowAreRefused() {
		// "-5" and a number past a long, base64url-encoded
		problem(county.get("/api/v1/townships?cursor=LTU"), 400);
		problem(county.get("/api/v1/townships?cursor=OTk5OTk5OTk5OTk5OTk5OTk5OTk5"), 400);
	}

	@Test
	void pagesFarBeyondTheEndAreEmptyPagesNotErrors() throws Exception {
		FormSession s = new FormSession(port).login("county");
		for (String list : List.of("/opinions", "/org/townships", "/org/stations", "/org/deputies", "/org/departments",
				"/admin/users", "/admin/audit", "/inbox", "/admin/outbox")) {
			assertThat(s.get(list + "?page=2147483647").statusCode()).as(list).isEqualTo(200);
			assertThat(s.get(list + "?page=-2147483648").statusCode()).as(list).isEqualTo(200);
			assertThat(s.get(list + "?page=99999999999").statusCode()).as(list).isEqualTo(400);
		}
	}

	@Test
	void unknownIdsOnPagesAreNotFoundPages() throws Exception {
		FormSession s = new FormSession(port).login("county");
		for (String page : List.of("/opinions/99999", "/org/townships/9999", "/org/townships/9999/edit",
				"/org/stations/9999/edit", "/org/deputies/9999/edit", "/org/departments/9999/edit",
				"/org/categories/NOPE/edit")) {
			HttpResponse<String> r = s.get(page, "Accept", "text/html");
			assertThat(r.statusCode()).as(page).isEqualTo(404);
			assertThat(r.body()).as(page).contains("页面不存在");
		}
	}

	@Test
	void jsonScalarsAreNotCoerced() {
		int before = opinions();
		Map<String, String> cases = new LinkedHashMap<>();
		cases.put("content is a number", "{\"source\":\"RECEPTION\",\"content\":12345}");
		cases.put("content is a boolean", "{\"source\":\"RECEPTION\",\"content\":true}");
		cases.put("stationId is a fraction", "{\"source\":\"RECEPTION\",\"content\":\"x\",\"stationId\":1.5}");
		cases.put("stationId is text",
				"{\"source\":\"RECEPTION\",\"content\":\"x\",\"stationId\":\"" + stationId + "\"}");
		cases.put("stationId overflows",
				"{\"source\":\"RECEPTION\",\"content\":\"x\",\"stationId\":99999999999999999999}");
		cases.put("receivedAt is a number", "{\"source\":\"RECEPTION\",\"content\":\"x\",\"receivedAt\":12345}");
		cases.put("receivedAt is empty", "{\"source\":\"RECEPTION\",\"content\":\"x\",\"receivedAt\":\"\"}");
		cases.put("source is a number", "{\"source\":0,\"content\":\"x\"}");
		cases.put("anonymous is text",
				"{\"source\":\"RECEPTION\",\"content\":\"x\",\"constituent\":{\"anonymous\":\"yes\"}}");
		cases.put("deputyIds is a number", "{\"source\":\"RECEPTION\",\"content\":\"x\",\"deputyIds\":7}");
		cases.put("trailing garbage", "{\"source\":\"RECEPTION\",\"content\":\"x\"} {}");
		cases.forEach((what, body) -> {
			Api.Response r = county.post("/api/v1/opinions", body.replace("\"x\"", "\"" + unique("强类型") + "\""));
			assertThat(r.status()).as(what + ": " + r.body()).isEqualTo(400);
			assertThat(r.contentType()).as(what).startsWith("application/problem+json");
		});
		assertThat(opinions()).isEqualTo(before);
		// a routing rule's version as a fraction, a category's due days as text
		problem(county.put("/api/v1/routing-rules/1", "{\"departmentId\":1,\"version\":0.5}"), 400);
		problem(county.post("/api/v1/categories",
				"{\"code\":\"TYPED\",\"nameZh\":\"类\",\"nameEn\":\"T\",\"dueWorkingDays\":\"15\"}"), 400);
	}

	@Test
	void controlCharactersAndLoneSurrogatesInJsonAreRefused() {
		int before = opinions();
		for (String bad : List.of("\\u0000", "\\u0007", "\\u001b[31m", "\\u007f", "\\u0085", "\\ud800", "\\udc00x")) {
			String body = "{\"source\":\"RECEPTION\",\"stationId\":" + stationId + ",\"content\":\"" + unique("控制")
					+ bad + "\"}";
			problem(county.post("/api/v1/opinions", body), 400);
			problem(county.post("/api/v1/townships", "{\"code\":\"" + unique("C") + "\",\"name\":\"镇" + bad + "\"}"),
					400);
		}
		assertThat(opinions()).isEqualTo(before);
		// tabs and line breaks are text
		Api.Response ok = county.post("/api/v1/opinions",
				"{\"source\":\"RECEPTION\",\"stationId\":" + stationId + ",\"content\":\"第一行\\n第二行\\t完\"}");
		assertThat(ok.status()).as(ok.body()).isEqualTo(201);
	}

	@Test
	void aNulOnThePublicFormIsCleanedAwayOnEitherDatabase() throws Exception {
		FormSession s = new FormSession(port);
		s.get("/public/opinions/new");
		String content = unique("公开\u0000表\u0007单\u202e");
		HttpResponse<String> r = s.post("/public/opinions", Map.of("content", content, "anonymous", "true"), true);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
		String stored = jdbc.sql("select content from opinion order by id desc limit 1").query(String.class).single();
		assertThat(stored).isEqualTo(content.replace("\u0000", "").replace("\u0007", ""));
	}

	@Test
	void aNulInAFormOfStaffIsCleanedToo() throws Exception {
		FormSession s = new FormSession(port).login("county");
		s.get("/org/townships/new");
		String code = unique("N");
		HttpResponse<String> r = s.post("/org/townships", Map.of("code", code, "name", "空\u0000字符镇"), true);
		assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
		assertThat(jdbc.sql("select name from township where code = :c").param("c", code).query(String.class).single())
			.isEqualTo("空字符镇");
	}

	@Test
	void aNulInAnUploadedFileNameIsRefusedAndOtherControlsAreCleaned() {
		long id = county
			.post("/api/v1/opinions",
					Api.json(Map.of("source", "RECEPTION", "stationId", stationId, "content", unique("文件名"))))
			.id();
		// Tomcat refuses a multipart body whose file name holds a NUL: 400, not 500
		problem(county.post("/api/v1/opinions/" + id + "/attachments",
				new Multipart().file("file", "现\u0000场.png", Images.png())), 400);
		Api.Response up = county.post("/api/v1/opinions/" + id + "/attachments",
				new Multipart().file("file", "现\u0001场\u202e.png", Images.png()));
		assertThat(up.status()).as(up.body()).isEqualTo(201);
		assertThat(up.json().get(0).get("filename").asString()).isEqualTo("现场.png");
	}

	@Test
	void fakeTruncatedAndPolyglotImagesAreRefused() {
		long id = county
			.post("/api/v1/opinions",
					Api.json(Map.of("source", "RECEPTION", "stationId", stationId, "content", unique("假图片"))))
			.id();
		byte[] png = Images.png();
		byte[] eight = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };
		byte[] truncated = Arrays.copyOf(png, png.length - 16);
		byte[] html = "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.US_ASCII);
		byte[] polyglot = Arrays.copyOf(png, png.length + html.length);
		System.arraycopy(html, 0, polyglot, png.length, html.length);
		for (byte[] bad : List.of(eight, truncated, polyglot)) {
			problem(county.post("/api/v1/opinions/" + id + "/attachments", new Multipart().file("file", "照片.png", bad)),
					400);
		}
		assertThat(jdbc.sql("select count(*) from opinion_attachment where opinion_id = :id")
			.param("id", id)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void anAttachmentIsServedUnderItsCleanedNameEncodedAsRfc6266Says() throws Exception {
		long id = county
			.post("/api/v1/opinions",
					Api.json(Map.of("source", "RECEPTION", "stationId", stationId, "content", unique("文件名头"))))
			.id();
		Api.Response up = county.post("/api/v1/opinions/" + id + "/attachments",
				new Multipart().file("file", "../../现场 1;\u202egnp.png", Images.png()));
		assertThat(up.status()).as(up.body()).isEqualTo(201);
		assertThat(up.json().get(0).get("filename").asString()).isEqualTo("现场 1gnp.png");
		HttpResponse<byte[]> served = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + port + up.json().get(0).get("url").asString()))
				.header("Authorization", "Bearer " + county.token())
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(served.statusCode()).isEqualTo(200);
		assertThat(served.headers().firstValue("Content-Disposition").orElseThrow())
			.isEqualTo("inline; filename=\"__ 1gnp.png\"; filename*=UTF-8''%E7%8E%B0%E5%9C%BA%201gnp.png");
	}

	@Test
	void aBodyThatIsNoUtf8IsRefused() throws Exception {
		int before = opinions();
		byte[] body = "{\"source\":\"RECEPTION\",\"content\":\"\u00ff\u00fe\"}".getBytes(StandardCharsets.ISO_8859_1);
		HttpResponse<String> r = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/opinions"))
				.header("Authorization", "Bearer " + county.token())
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
		assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(opinions()).isEqualTo(before);
	}

}
