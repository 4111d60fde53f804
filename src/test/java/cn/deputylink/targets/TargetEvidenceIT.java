package cn.deputylink.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import cn.deputylink.support.Api;
import cn.deputylink.support.FormSession;
import cn.deputylink.support.Images;
import cn.deputylink.support.IntegrationTest;
import cn.deputylink.support.Multipart;

/**
 * The manual items' evidence files (photos and PDF documents, by the township's admin or
 * the county) and the page forms of the assessment: manual scores, rules and marks, each
 * refused form shown again with the input and changing nothing.
 */
@IntegrationTest
class TargetEvidenceIT {

	static final int YEAR = 2098;

	static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
		.getBytes(StandardCharsets.ISO_8859_1);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	long dongling;

	long qingshi;

	@BeforeEach
	void setUp() {
		dongling = jdbc.sql("select id from township where name = '东岭镇'").query(Long.class).single();
		qingshi = jdbc.sql("select id from township where name = '青石乡'").query(Long.class).single();
	}

	@AfterEach
	void tearDown() {
		jdbc.sql("delete from target_evidence where target_year = :y").param("y", YEAR).update();
		jdbc.sql("delete from target_manual_score where target_year = :y").param("y", YEAR).update();
		jdbc.sql("update target_rule set name = '工作创新与特色（县人大常委会评定）', max_points = 5, target = 5, position = 7,"
				+ " active = true where code = 'WORK'")
			.update();
		jdbc.sql("update target_marks set excellent_mark = 90, pass_mark = 80 where id = 1").update();
	}

	long files() {
		return jdbc.sql("select count(*) from target_evidence where target_year = :y")
			.param("y", YEAR)
			.query(Long.class)
			.single();
	}

	String evidence(long township, String rule) {
		return "/api/v1/targets/townships/" + township + "/evidence?year=" + YEAR + "&rule=" + rule;
	}

	@Test
	void theTownshipUploadsEvidenceThatTheCountySeesAndNoOtherRoleDoes() {
		Api township = Api.as(port, "township");
		byte[] png = Images.png();
		Api.Response r = township.post(evidence(dongling, "WORK"),
				new Multipart().file("file", "一站一品.png", png).file("file", "总结.pdf", PDF));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		JsonNode list = r.json();
		assertThat(list).hasSize(2);
		assertThat(list.get(0).get("filename").asString()).isEqualTo("一站一品.png");
		assertThat(list.get(0).get("contentType").asString()).isEqualTo("image/png");
		assertThat(list.get(1).get("contentType").asString()).isEqualTo("application/pdf");
		assertThat(list.get(0).get("uploadedBy").asString()).isEqualTo("township");

		Api county = Api.as(port, "county");
		JsonNode seen = county.get("/api/v1/targets/townships/" + dongling + "/evidence?year=" + YEAR).json();
		assertThat(seen).hasSize(2);
		Api.Binary got = county
			.getBytes("/api/v1/targets/townships/" + dongling + "/evidence/" + seen.get(0).get("id").asLong());
		assertThat(got.status()).isEqualTo(200);
		assertThat(got.body()).isEqualTo(png);

		Api other = Api.as(port, "township2");
		assertThat(other.get("/api/v1/targets/townships/" + dongling + "/evidence?year=" + YEAR).status())
			.isEqualTo(403);
		assertThat(
				other.getBytes("/api/v1/targets/townships/" + dongling + "/evidence/" + seen.get(0).get("id").asLong())
					.status())
			.isEqualTo(403);
		assertThat(other.post(evidence(dongling, "WORK"), new Multipart().file("file", "a.png", png)).status())
			.isEqualTo(403);
		for (String user : new String[] { "liaison", "deputy", "department" }) {
			assertThat(Api.as(port, user)
				.post(evidence(dongling, "WORK"), new Multipart().file("file", "a.png", png))
				.status()).as(user).isEqualTo(403);
		}
		// a file of another township is not found through this one
		assertThat(
				county.getBytes("/api/v1/targets/townships/" + qingshi + "/evidence/" + seen.get(0).get("id").asLong())
					.status())
			.isEqualTo(404);
		assertThat(files()).isEqualTo(2);
	}

	@Test
	void badFilesAreRefusedAndNothingIsWritten() {
		Api county = Api.as(port, "county");
		byte[] png = Images.png();
		// a page renamed .jpg, next to a good photo: all or nothing
		Api.Response r = county.post(evidence(dongling, "WORK"), new Multipart().file("file", "ok.png", png)
			.file("file", "evil.jpg", "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.body()).contains("evil.jpg");
		// a truncated photo
		byte[] cut = Arrays.copyOf(png, png.length / 2);
		assertThat(county.post(evidence(dongling, "WORK"), new Multipart().file("file", "cut.png", cut)).status())
			.isEqualTo(400);
		assertThat(county.post(evidence(dongling, "WORK"), new Multipart().field("x", "y")).status()).isEqualTo(400);
		assertThat(county.post(evidence(dongling, "ON_TIME"), new Multipart().file("file", "a.png", png)).status())
			.isEqualTo(400);
		assertThat(county.post(evidence(dongling, "NOPE"), new Multipart().file("file", "a.png", png)).status())
			.isEqualTo(404);
		assertThat(county.post(evidence(999_999, "WORK"), new Multipart().file("file", "a.png", png)).status())
			.isEqualTo(404);
		Multipart eleven = new Multipart();
		for (int i = 0; i < 11; i++) {
			eleven.file("file", i + ".png", png);
		}
		assertThat(county.post(evidence(dongling, "WORK"), eleven).status()).isEqualTo(400);
		assertThat(files()).isZero();
	}

	@Test
	void theCountyScoresAManualItemInThePageAndARefusedFormKeepsTheInput() throws Exception {
		FormSession c = new FormSession(port).login("county");
		String page = "/targets/townships/" + dongling + "?year=" + YEAR;
		assertThat(c.get(page).body()).contains("manual-form", "evidence-form");
		String action = "/targets/townships/" + dongling + "/manual/WORK";
		HttpResponse<String> bad = c.post(action,
				Map.of("year", String.valueOf(YEAR), "points", "abc", "evidence", "特色亮点突出"), true);
		assertThat(bad.statusCode()).isEqualTo(200);
		assertThat(bad.body()).contains("得分须在 0 至 5 之间", "value=\"abc\"", "特色亮点突出");
		assertThat(jdbc.sql("select count(*) from target_manual_score where target_year = :y")
			.param("y", YEAR)
			.query(Long.class)
			.single()).isZero();
		HttpResponse<String> good = c.post(action,
				Map.of("year", String.valueOf(YEAR), "points", "4.5", "evidence", "特色亮点突出"), true);
		assertThat(good.statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("select points from target_manual_score where target_year = :y and township_id = :t")
			.param("y", YEAR)
			.param("t", dongling)
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo("4.5");

		HttpResponse<String> up = c.postMultipart(
				"/targets/townships/" + dongling + "/evidence?year=" + YEAR + "&rule=WORK", Map.of(),
				Map.of("files", Map.entry("现场照片.png", Images.png())));
		assertThat(up.statusCode()).isEqualTo(302);
		assertThat(c.get(page).body()).contains("现场照片.png", "特色亮点突出");

		// the township's admin sees its page and may upload, but not score
		FormSession t = new FormSession(port).login("township");
		String own = t.get(page).body();
		assertThat(own).contains("evidence-form", "现场照片.png").doesNotContain("manual-form");
		assertThat(t.post(action, Map.of("year", String.valueOf(YEAR), "points", "5", "evidence", "自评"), true)
			.statusCode()).isEqualTo(403);
	}

	@Test
	void theCountyEditsRulesAndMarksInThePage() throws Exception {
		FormSession c = new FormSession(port).login("county");
		String rules = c.get("/targets/rules").body();
		assertThat(rules).contains("rule-WORK", "marks-form");
		int version = jdbc.sql("select version from target_rule where code = 'WORK'").query(Integer.class).single();
		HttpResponse<String> bad = c.post("/targets/rules/WORK", Map.of("name", "特色工作", "maxPoints", "101", "target",
				"5", "position", "7", "active", "on", "version", String.valueOf(version)), true);
		assertThat(bad.statusCode()).isEqualTo(200);
		assertThat(bad.body()).contains("分值须在 0 至 100 之间", "value=\"101\"", "value=\"特色工作\"");
		assertThat(jdbc.sql("select name from target_rule where code = 'WORK'").query(String.class).single())
			.isEqualTo("工作创新与特色（县人大常委会评定）");
		HttpResponse<String> good = c.post("/targets/rules/WORK", Map.of("name", "特色工作", "maxPoints", "6", "target",
				"6", "position", "7", "active", "on", "version", String.valueOf(version)), true);
		assertThat(good.statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("select max_points from target_rule where code = 'WORK'").query(BigDecimal.class).single())
			.isEqualByComparingTo("6");
		// the same version again is stale
		HttpResponse<String> stale = c.post("/targets/rules/WORK", Map.of("name", "再改", "maxPoints", "5", "target", "5",
				"position", "7", "active", "on", "version", String.valueOf(version)), true);
		assertThat(stale.statusCode()).isEqualTo(200);
		assertThat(stale.body()).contains("该指标已被他人修改");

		int marks = jdbc.sql("select version from target_marks where id = 1").query(Integer.class).single();
		HttpResponse<String> badMarks = c.post("/targets/marks",
				Map.of("excellent", "70", "pass", "85", "version", String.valueOf(marks)), true);
		assertThat(badMarks.statusCode()).isEqualTo(200);
		assertThat(badMarks.body()).contains("等次分数线须满足", "value=\"70\"");
		assertThat(c
			.post("/targets/marks", Map.of("excellent", "92", "pass", "75", "version", String.valueOf(marks)), true)
			.statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("select pass_mark from target_marks where id = 1").query(BigDecimal.class).single())
			.isEqualByComparingTo("75");

		FormSession t = new FormSession(port).login("township");
		assertThat(t.get("/targets/rules").body()).doesNotContain("rule-WORK").doesNotContain("marks-form");
		assertThat(t.post("/targets/marks", Map.of("excellent", "1", "pass", "1", "version", "0"), true).statusCode())
			.isEqualTo(403);
	}

}
