package cn.deputylink.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import cn.deputylink.support.Api;
import cn.deputylink.support.Images;
import cn.deputylink.support.IntegrationTest;
import cn.deputylink.support.Multipart;

/**
 * The activities API: staff record (counted at once), deputies report (awaiting review),
 * the review's rules (nobody approves a report of their own, a deputy never approves, a
 * rejected report does not count and comes back with its reason, an approved one is no
 * longer editable, a stale version loses), bad input, unknown ids, role and township
 * scope, photos.
 */
@IntegrationTest
class ActivityApiIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api county;

	Api township;

	Api township2;

	Api liaison;

	Api deputy;

	Api department;

	long station;

	long deputyId;

	long otherStation;

	String today;

	@BeforeEach
	void signIn() {
		county = Api.as(port, "county");
		township = Api.as(port, "township");
		township2 = Api.as(port, "township2");
		liaison = Api.as(port, "liaison");
		deputy = Api.as(port, "deputy");
		department = Api.as(port, "department");
		station = liaison.get("/api/v1/me").json().get("stationId").asLong();
		deputyId = deputy.get("/api/v1/me").json().get("deputyId").asLong();
		long other = township2.get("/api/v1/me").json().get("townshipId").asLong();
		otherStation = county.get("/api/v1/stations?townshipId=" + other).json().get("items").get(0).get("id").asLong();
		today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
	}

	private Map<String, Object> body(String type, String title) {
		Map<String, Object> b = new HashMap<>();
		b.put("type", type);
		b.put("date", today);
		b.put("stationId", station);
		b.put("deputyIds", List.of(deputyId));
		b.put("constituentsReceived", 3);
		b.put("householdsVisited", 2);
		b.put("title", title);
		return b;
	}

	private long report(String title) {
		Map<String, Object> b = body("PRACTICAL_DEED", title);
		b.put("deputyIds", List.of());
		Api.Response r = deputy.post("/api/v1/activities", Api.json(b));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.id();
	}

	private int counting(long id) {
		return jdbc.sql("select count(*) from activity where id = ? and status in ('RECORDED', 'APPROVED')")
			.param(id)
			.query(Integer.class)
			.single();
	}

	/** In-app notices queued in the outbox for the user, mentioning the text. */
	private int queued(String username, String text) {
		return jdbc
			.sql("select count(*) from outbox_message where channel = 'INBOX' and user_id = "
					+ "(select id from app_user where username = ?) and (subject like ? or body like ?)")
			.params(username, "%" + text + "%", "%" + text + "%")
			.query(Integer.class)
			.single();
	}

	private static void problem(Api.Response r, int status) {
		assertThat(r.status()).as(r.body()).isEqualTo(status);
		assertThat(r.contentType()).startsWith("application/problem+json");
	}

	private static List<String> fields(Api.Response r) {
		return r.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
	}

	@Test
	void staffRecordsCountAtOnceAndADeputyReportAwaitsReview() {
		Api.Response recorded = liaison.post("/api/v1/activities", Api.json(body("STUDY", "学习宪法")));
		assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
		JsonNode r = recorded.json();
		assertThat(r.get("status").asString()).isEqualTo("RECORDED");
		assertThat(r.get("counts").asBoolean()).isTrue();
		assertThat(r.get("reported").asBoolean()).isFalse();
		assertThat(r.get("version").asInt()).isZero();
		assertThat(counting(r.get("id").asLong())).isEqualTo(1);

		long id = report("修路办实事");
		JsonNode rep = deputy.get("/api/v1/activities/" + id).json();
		assertThat(rep.get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(rep.get("reported").asBoolean()).isTrue();
		// the deputy who left itself out is among the deputies
		assertThat(rep.get("deputyIds").valueStream().map(JsonNode::asLong)).contains(deputyId);
		assertThat(counting(id)).isZero();
		// the township's reviewers are told
		assertThat(queued("liaison", "修路办实事")).isPositive();
		assertThat(queued("township", "修路办实事")).isPositive();
	}

	@Test
	void aDeputyNeverApprovesAndAnApprovedReportIsNoLongerEditable() {
		long id = report("走访");
		problem(deputy.post("/api/v1/activities/" + id + "/approve", "{}"), 403);
		problem(deputy.post("/api/v1/activities/approve", Api.json(Map.of("ids", List.of(id)))), 403);
		assertThat(counting(id)).isZero();

		Api.Response ok = liaison.post("/api/v1/activities/" + id + "/approve", Api.json(Map.of("version", 0)));
		assertThat(ok.status()).as(ok.body()).isEqualTo(200);
		assertThat(ok.json().get("status").asString()).isEqualTo("APPROVED");
		assertThat(ok.json().get("reviewedBy").isNull()).isFalse();
		assertThat(counting(id)).isEqualTo(1);
		assertThat(queued("deputy", "活动报告已通过")).isPositive();

		Map<String, Object> edit = body("PRACTICAL_DEED", "改过");
		edit.put("version", ok.json().get("version").asInt());
		problem(deputy.put("/api/v1/activities/" + id, Api.json(edit)), 409);
		problem(deputy.post("/api/v1/activities/" + id + "/withdraw", "{}"), 409);
		// approved twice: the second finds it approved
		problem(township.post("/api/v1/activities/" + id + "/approve", "{}"), 409);
		// staff may withdraw a counted one
		Api.Response w = township.post("/api/v1/activities/" + id + "/withdraw", "{}");
		assertThat(w.json().get("status").asString()).as(w.body()).isEqualTo("WITHDRAWN");
		assertThat(counting(id)).isZero();
	}

	@Test
	void aRejectedReportDoesNotCountAndComesBackWithItsReason() {
		long id = report("宣讲");
		problem(liaison.post("/api/v1/activities/" + id + "/reject", "{}"), 400);
		problem(liaison.post("/api/v1/activities/" + id + "/reject", Api.json(Map.of("reason", "长".repeat(501)))), 400);
		Api.Response rej = liaison.post("/api/v1/activities/" + id + "/reject", Api.json(Map.of("reason", "请补充照片")));
		assertThat(rej.status()).as(rej.body()).isEqualTo(200);
		assertThat(counting(id)).isZero();
		JsonNode seen = deputy.get("/api/v1/activities/" + id).json();
		assertThat(seen.get("status").asString()).isEqualTo("REJECTED");
		assertThat(seen.get("rejectReason").asString()).isEqualTo("请补充照片");
		assertThat(seen.get("allowedActions").toString()).contains("EDIT");
		assertThat(queued("deputy", "请补充照片")).isPositive();

		Map<String, Object> edit = body("PRACTICAL_DEED", "宣讲（补充）");
		// an edit without its version is refused, one with a stale version loses
		problem(deputy.put("/api/v1/activities/" + id, Api.json(edit)), 400);
		edit.put("version", 0);
		problem(deputy.put("/api/v1/activities/" + id, Api.json(edit)), 409);
		edit.put("version", seen.get("version").asInt());
		Api.Response again = deputy.put("/api/v1/activities/" + id, Api.json(edit));
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(again.json().get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(again.json().get("title").asString()).isEqualTo("宣讲（补充）");
		assertThat(again.json().get("rejectReason").isNull()).isTrue();
		// a reviewer with the version before the edit loses
		problem(liaison.post("/api/v1/activities/" + id + "/approve",
				Api.json(Map.of("version", seen.get("version").asInt()))), 409);
		// only the reporting deputy edits
		edit.put("version", again.json().get("version").asInt());
		problem(liaison.put("/api/v1/activities/" + id, Api.json(edit)), 403);
		// the deputy withdraws it: never counted, no longer in review
		Api.Response w = deputy.post("/api/v1/activities/" + id + "/withdraw", "{}");
		assertThat(w.json().get("status").asString()).as(w.body()).isEqualTo("WITHDRAWN");
		problem(liaison.post("/api/v1/activities/" + id + "/approve", "{}"), 409);
	}

	@Test
	void badInputIsRefusedFieldByFieldAndWritesNothing() {
		int before = jdbc.sql("select count(*) from activity").query(Integer.class).single();
		Api.Response empty = liaison.post("/api/v1/activities", "{}");
		problem(empty, 400);
		assertThat(fields(empty)).contains("type", "date", "deputyIds", "title");
		Map<String, Object> bad = new HashMap<>();
		bad.put("type", "STUDY");
		bad.put("date", "2999-01-01");
		bad.put("stationId", 99_999_999);
		bad.put("deputyIds", List.of(99_999_999));
		bad.put("constituentsReceived", -1);
		bad.put("householdsVisited", 100_001);
		bad.put("title", "题".repeat(201));
		bad.put("note", "注".repeat(2001));
		Api.Response all = liaison.post("/api/v1/activities", Api.json(bad));
		problem(all, 400);
		assertThat(fields(all)).contains("date", "stationId", "deputyIds", "constituentsReceived", "householdsVisited",
				"title", "note");
		// the same checks for a deputy's report
		Api.Response rep = deputy.post("/api/v1/activities", Api.json(bad));
		problem(rep, 400);
		assertThat(fields(rep)).contains("date", "stationId", "title", "note");
		problem(liaison.post("/api/v1/activities", Api.json(Map.of("type", "PARTY", "title", "x"))), 400);
		problem(liaison.post("/api/v1/activities", "{\"type\": \"STUDY\", \"date\": \"2026-13-45\"}"), 400);
		problem(liaison.post("/api/v1/activities", "{not json"), 400);
		problem(liaison.post("/api/v1/activities/approve", "{}"), 400);
		problem(liaison.get("/api/v1/activities?limit=0"), 400);
		problem(liaison.get("/api/v1/activities?status=NOPE"), 400);
		assertThat(jdbc.sql("select count(*) from activity").query(Integer.class).single()).isEqualTo(before);
	}

	@Test
	void unknownIdsAre404() {
		problem(county.get("/api/v1/activities/99999999"), 404);
		problem(liaison.post("/api/v1/activities/99999999/approve", "{}"), 404);
		problem(deputy.post("/api/v1/activities/99999999/withdraw", "{}"), 404);
		problem(county.get("/api/v1/activities/99999999/photos/1"), 404);
	}

	@Test
	void rolesAndTownshipsAreKeptApart() {
		long id = report("范围");
		problem(department.post("/api/v1/activities", Api.json(body("STUDY", "承办单位"))), 403);
		problem(department.get("/api/v1/activities"), 403);
		problem(department.get("/api/v1/activities/" + id), 403);
		problem(township2.get("/api/v1/activities/" + id), 403);
		problem(township2.post("/api/v1/activities/" + id + "/approve", "{}"), 403);
		problem(township2.post("/api/v1/activities/" + id + "/reject", Api.json(Map.of("reason", "不是我镇的"))), 403);
		// staff record in their township only
		Map<String, Object> elsewhere = body("STUDY", "他乡学习");
		elsewhere.put("stationId", otherStation);
		problem(liaison.post("/api/v1/activities", Api.json(elsewhere)), 403);
		assertThat(county.post("/api/v1/activities", Api.json(elsewhere)).status()).isEqualTo(201);
		// lists: a township sees only its own, a deputy only its own activities
		township2.get("/api/v1/activities?limit=500")
			.json()
			.get("items")
			.forEach(a -> assertThat(a.get("id").asLong()).isNotEqualTo(id));
		JsonNode mine = deputy.get("/api/v1/activities?limit=500").json().get("items");
		assertThat(mine.size()).isPositive();
		mine.forEach(a -> assertThat(a.get("deputyIds").valueStream().map(JsonNode::asLong)).contains(deputyId));
		JsonNode others = township2
			.get("/api/v1/activities?townshipId=" + township.get("/api/v1/me").json().get("townshipId").asLong())
			.json()
			.get("items");
		assertThat(others.size()).isZero();
		// bulk approval: per item
		long second = report("范围二");
		JsonNode results = township2
			.post("/api/v1/activities/approve", Api.json(Map.of("ids", List.of(id, second, 99_999_999))))
			.json()
			.get("results");
		assertThat(results.valueStream().map(x -> x.get("outcome").asString())).containsExactly("FORBIDDEN",
				"FORBIDDEN", "NOT_FOUND");
		JsonNode mixed = liaison
			.post("/api/v1/activities/approve", Api.json(Map.of("ids", List.of(id, second, 99_999_999))))
			.json()
			.get("results");
		assertThat(mixed.valueStream().map(x -> x.get("outcome").asString())).containsExactly("APPROVED", "APPROVED",
				"NOT_FOUND");
		assertThat(counting(id) + counting(second)).isEqualTo(2);
	}

	@Test
	void photosFollowTheAttachmentRulesAndTheActivitysReaders() {
		long id = report("带照片");
		Api.Response pdf = deputy.post("/api/v1/activities/" + id + "/photos",
				new Multipart().file("file", "a.pdf", "%PDF-1.7\n%%EOF".getBytes(StandardCharsets.US_ASCII)));
		problem(pdf, 400);
		assertThat(fields(pdf)).contains("photos");
		problem(deputy.post("/api/v1/activities/" + id + "/photos",
				new Multipart().file("file", "photo.jpg", "MZ not a photo".getBytes(StandardCharsets.US_ASCII))), 400);
		byte[] truncated = Arrays.copyOf(Images.png(), 40);
		problem(deputy.post("/api/v1/activities/" + id + "/photos",
				new Multipart().file("file", "half.png", truncated)), 400);
		Api.Response ok = deputy.post("/api/v1/activities/" + id + "/photos",
				new Multipart().file("file", "现场.png", Images.png()).file("file", "b.jpg", Images.jpeg()));
		assertThat(ok.status()).as(ok.body()).isEqualTo(201);
		JsonNode photos = ok.json().get("photos");
		assertThat(photos.size()).isEqualTo(2);
		assertThat(photos.get(0).get("contentType").asString()).isEqualTo("image/png");
		String url = photos.get(0).get("url").asString();
		Api.Response img = liaison.get(url);
		assertThat(img.status()).isEqualTo(200);
		assertThat(img.contentType()).isEqualTo("image/png");
		problem(township2.get(url), 403);
		problem(department.get(url), 403);
		Multipart many = new Multipart();
		for (int i = 0; i < 4; i++) {
			many.file("file", i + ".png", Images.png());
		}
		problem(deputy.post("/api/v1/activities/" + id + "/photos", many), 400);
		assertThat(deputy.get("/api/v1/activities/" + id).json().get("photos").size()).isEqualTo(2);
	}

}
