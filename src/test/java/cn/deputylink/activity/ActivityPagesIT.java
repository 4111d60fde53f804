package cn.deputylink.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.deputylink.support.FormSession;
import cn.deputylink.support.Images;
import cn.deputylink.support.IntegrationTest;

/**
 * The activity pages through forms: a deputy reports with a photo, sees the review status
 * and a rejection's reason, edits and resubmits; staff record, review in the queue (bulk
 * approval) and reject with a reason; bad input shows the form again with its messages
 * and writes nothing.
 */
@IntegrationTest
class ActivityPagesIT {

	private static final Pattern ACTIVITY = Pattern.compile("/activities/(\\d+)$");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private final String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

	private int activities() {
		return jdbc.sql("select count(*) from activity").query(Integer.class).single();
	}

	private String status(long id) {
		return jdbc.sql("select status from activity where id = ?").param(id).query(String.class).single();
	}

	private long station(FormSession s) throws Exception {
		// the first station offered on the form
		Matcher m = Pattern.compile("<option value=\"(\\d+)\"").matcher(s.get("/activities/new").body());
		assertThat(m.find()).isTrue();
		return Long.parseLong(m.group(1));
	}

	private Map<String, String> fields(long station, String title) {
		Map<String, String> f = new HashMap<>();
		// not a visit: the demo deputy's "三个一" this quarter stays as the demo tells it
		f.put("type", "INSPECTION");
		f.put("date", today);
		f.put("stationId", String.valueOf(station));
		f.put("title", title);
		f.put("constituentsReceived", "2");
		f.put("householdsVisited", "3");
		f.put("note", "走访了三户困难群众");
		return f;
	}

	private static long idOf(HttpResponse<String> r) {
		assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
		Matcher m = ACTIVITY.matcher(r.headers().firstValue("Location").orElseThrow());
		assertThat(m.find()).isTrue();
		return Long.parseLong(m.group(1));
	}

	@Test
	void aDeputyReportsWithAPhotoAndStaffReviewIt() throws Exception {
		FormSession deputy = new FormSession(port).login("deputy");
		String form = deputy.get("/activities/new").body();
		assertThat(form).contains("capture=\"environment\"", "报告活动", "name=\"photos\"");
		long station = station(deputy);
		deputy.get("/activities/new");
		long id = idOf(deputy.postMultipart("/activities", fields(station, "页面走访"),
				Map.of("photos", Map.entry("现场.jpg", Images.jpeg()))));
		String detail = deputy.get("/activities/" + id).body();
		assertThat(detail).contains("页面走访", "待审核", "/activities/" + id + "/photos/");
		String name = jdbc
			.sql("select d.name from deputy d join app_user u on u.deputy_id = d.id where u.username = 'deputy'")
			.query(String.class)
			.single();
		assertThat(detail).contains(name).doesNotContain("null");
		assertThat(status(id)).isEqualTo("SUBMITTED");

		FormSession liaison = new FormSession(port).login("liaison");
		String queue = liaison.get("/activities/review").body();
		assertThat(queue).contains("页面走访", "name=\"ids\"", name).doesNotContain("null");
		var r = liaison.post("/activities/" + id + "/reject", Map.of("reason", "请写明走访对象"), true);
		assertThat(r.statusCode()).isEqualTo(302);
		assertThat(status(id)).isEqualTo("REJECTED");

		String mine = deputy.get("/activities?status=REJECTED").body();
		assertThat(mine).contains("页面走访", "请写明走访对象");
		String edit = deputy.get("/activities/" + id + "/edit").body();
		assertThat(edit).contains("请写明走访对象", "name=\"version\"");
		Matcher v = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(edit);
		assertThat(v.find()).isTrue();
		Map<String, String> again = fields(station, "页面走访（补充）");
		again.put("version", v.group(1));
		// an edit with a refused photo leaves the report as it was
		var refused = deputy.postMultipart("/activities/" + id + "/edit", again,
				Map.of("photos", Map.entry("x.jpg", "MZ\u0090 not a photo".getBytes(StandardCharsets.ISO_8859_1))));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("photos-error");
		assertThat(status(id)).isEqualTo("REJECTED");
		assertThat(jdbc.sql("select title from activity where id = ?").param(id).query(String.class).single())
			.isEqualTo("页面走访");
		assertThat(idOf(deputy.postMultipart("/activities/" + id + "/edit", again, Map.of()))).isEqualTo(id);
		assertThat(status(id)).isEqualTo("SUBMITTED");

		liaison.get("/activities/review");
		var bulk = liaison.post("/activities/review/approve", Map.of("ids", String.valueOf(id)), true);
		assertThat(bulk.statusCode()).isEqualTo(302);
		assertThat(status(id)).isEqualTo("APPROVED");
		String approved = deputy.get("/activities/" + id).body();
		assertThat(approved).contains("已通过").doesNotContain("id=\"edit\"");
		// the deputy's dashboard and the staff's show the queues
		assertThat(deputy.get("/dashboard").body()).contains("/activities?status=REJECTED");
		assertThat(liaison.get("/dashboard").body()).contains("/activities/review");
	}

	@Test
	void badInputShowsTheFormAgainAndWritesNothing() throws Exception {
		FormSession deputy = new FormSession(port).login("deputy");
		long station = station(deputy);
		int before = activities();
		Map<String, String> bad = fields(station, "");
		bad.put("date", "2999-01-01");
		bad.put("householdsVisited", "-3");
		deputy.get("/activities/new");
		var r = deputy.postMultipart("/activities", bad, Map.of());
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.body()).contains("title-error", "date-error", "householdsVisited-error");
		var photo = deputy.postMultipart("/activities", fields(station, "坏照片"),
				Map.of("photos", Map.entry("x.jpg", "MZ\u0090 not a photo".getBytes(StandardCharsets.ISO_8859_1))));
		assertThat(photo.statusCode()).isEqualTo(200);
		assertThat(photo.body()).contains("photos-error", "坏照片");
		assertThat(activities()).isEqualTo(before);
	}

	@Test
	void staffRecordAndOthersAreRefused() throws Exception {
		FormSession liaison = new FormSession(port).login("liaison");
		assertThat(liaison.get("/activities/new").body()).contains("登记活动");
		long station = station(liaison);
		Map<String, String> f = fields(station, "页面登记学习");
		f.put("type", "STUDY");
		Matcher dep = Pattern.compile("name=\"deputyIds\" value=\"(\\d+)\"")
			.matcher(liaison.get("/activities/new").body());
		assertThat(dep.find()).isTrue();
		f.put("deputyIds", dep.group(1));
		// a refused photo records nothing: the record and its photos are one transaction
		int before = activities();
		var refused = liaison.postMultipart("/activities", f,
				Map.of("photos", Map.entry("x.jpg", "MZ\u0090 not a photo".getBytes(StandardCharsets.ISO_8859_1))));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("photos-error", "页面登记学习");
		assertThat(activities()).isEqualTo(before);
		long id = idOf(liaison.postMultipart("/activities", f, Map.of()));
		assertThat(status(id)).isEqualTo("RECORDED");
		assertThat(liaison.get("/activities").body()).contains("页面登记学习");
		FormSession department = new FormSession(port).login("department");
		assertThat(department.get("/activities").statusCode()).isEqualTo(403);
		assertThat(department.get("/activities/" + id).statusCode()).isEqualTo(403);
		FormSession deputy = new FormSession(port).login("deputy");
		assertThat(deputy.get("/activities/review").statusCode()).isEqualTo(403);
		assertThat(new FormSession(port).login("township2").get("/activities/" + id).statusCode()).isEqualTo(403);
		assertThat(deputy.get("/activities/new?lang=en").body()).contains("Report an activity", "Send for review");
	}

}
