package cn.deputylink.opinion;

import static cn.deputylink.opinion.OpinionFixtures.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import cn.deputylink.support.Api;
import cn.deputylink.support.FormSession;
import cn.deputylink.support.IntegrationTest;

/**
 * Who may take the steps that belong to one person or one level — answering on the spot,
 * recording a follow-up rating, registering at a station — on the API and on the pages
 * alike; what triage and assignment offer; the words the detail page uses; and what the
 * constituent sees after a case was handled twice.
 */
@IntegrationTest
class OpinionRolesIT extends OpinionTestSupport {

	private static String location(HttpResponse<String> r) {
		assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
		return r.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
	}

	private long otherTownshipStation() {
		return f.county.get("/api/v1/stations?limit=500")
			.json()
			.get("items")
			.valueStream()
			.filter(s -> s.get("townshipId").asLong() != f.townshipId)
			.findFirst()
			.orElseThrow()
			.get("id")
			.asLong();
	}

	private long otherTownshipVillage() {
		long other = f.county.get("/api/v1/townships?q=T02").json().get("items").get(0).get("id").asLong();
		return f.county.get("/api/v1/villages?townshipId=" + other).json().get("items").get(0).get("id").asLong();
	}

	private long registeredByTownship(String content) {
		var r = f.township.post("/api/v1/opinions", Api.json(Map.of("source", "RECEPTION", "stationId", f.stationId,
				"content", content, "constituent", Map.of("phone", "13812340000", "anonymous", false))));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.id();
	}

	private String status(long id) {
		return f.get(id).get("status").asString() + "/" + f.get(id).get("version").asInt();
	}

	// ------------------------------------------------------------------ on the spot

	@Test
	void onlyWhoRegisteredItClosesItOnTheSpot() throws Exception {
		long byTownship = registeredByTownship(OpinionFixtures.unique("镇里登记的意见"));
		String before = status(byTownship);
		var refused = f.liaison.post("/api/v1/opinions/" + byTownship + "/close",
				Api.json(Map.of("outcome", "RESOLVED", "reply", "现场已答复")));
		assertThat(refused.status()).as(refused.body()).isEqualTo(403);
		assertThat(status(byTownship)).isEqualTo(before);

		// the page offers no such form to the liaison officer, and the form posted by
		// hand is refused
		FormSession liaison = new FormSession(port).login("liaison");
		String page = liaison.get("/opinions/" + byTownship).body();
		assertThat(page).doesNotContain("/opinions/" + byTownship + "/close");
		assertThat(liaison
			.post("/opinions/" + byTownship + "/close", Map.of("outcome", "RESOLVED", "reply", "现场已答复", "version", "0"),
					true)
			.statusCode()).isEqualTo(403);
		assertThat(status(byTownship)).isEqualTo(before);

		// what the liaison officer registered itself it may still answer on the spot
		long own = f.submitted(OpinionFixtures.unique("自己登记的意见"));
		assertThat(liaison.get("/opinions/" + own).body()).contains("/opinions/" + own + "/close");
		ok(f.liaison.post("/api/v1/opinions/" + own + "/close",
				Api.json(Map.of("outcome", "RESOLVED", "reply", "现场已答复"))));
		assertThat(f.get(own).get("status").asString()).isEqualTo("CLOSED");
	}

	// ------------------------------------------------------------------ follow-up rating
	// (回访)

	@Test
	void aFollowUpRatingIsTheTownshipsNotTheLiaisons() throws Exception {
		long id = f.replied(OpinionFixtures.unique("回访测试"));
		String before = status(id);
		var refused = f.liaison.post("/api/v1/opinions/" + id + "/feedback",
				Api.json(Map.of("satisfaction", "SATISFIED")));
		assertThat(refused.status()).as(refused.body()).isEqualTo(403);
		assertThat(status(id)).isEqualTo(before);

		FormSession liaison = new FormSession(port).login("liaison");
		assertThat(liaison.get("/opinions/" + id).body()).doesNotContain("/opinions/" + id + "/feedback");
		assertThat(
				liaison.post("/opinions/" + id + "/feedback", Map.of("satisfaction", "SATISFIED", "version", "0"), true)
					.statusCode())
			.isEqualTo(403);
		assertThat(status(id)).isEqualTo(before);

		FormSession township = new FormSession(port).login("township");
		assertThat(township.get("/opinions/" + id).body()).contains("/opinions/" + id + "/feedback");
		var saved = ok(
				f.township.post("/api/v1/opinions/" + id + "/feedback", Api.json(Map.of("satisfaction", "SATISFIED"))));
		assertThat(saved.json().get("status").asString()).isEqualTo("CLOSED");
	}

	// ------------------------------------------------------------------ registration
	// scope

	@Test
	void aDeputyRegistersOnlyInItsOwnStationsTownships() throws Exception {
		int before = jdbc.sql("select count(*) from opinion").query(Integer.class).single();
		long elsewhere = otherTownshipStation();
		var refused = f.deputy.post("/api/v1/opinions",
				Api.json(Map.of("source", "RECEPTION", "stationId", elsewhere, "content", "他乡登记")));
		assertThat(refused.status()).as(refused.body()).isEqualTo(403);
		assertThat(f.deputy
			.post("/api/v1/opinions",
					Api.json(Map.of("source", "RECEPTION", "villageId", otherTownshipVillage(), "content", "他乡登记")))
			.status()).isEqualTo(403);
		FormSession deputy = new FormSession(port).login("deputy");
		deputy.get("/opinions/new");
		assertThat(deputy
			.post("/opinions", Map.of("source", "RECEPTION", "stationId", String.valueOf(elsewhere), "content", "他乡登记"),
					true)
			.statusCode()).isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from opinion").query(Integer.class).single()).isEqualTo(before);

		// at its own station it registers, and without a station the opinion lands at its
		// station
		var own = f.deputy.post("/api/v1/opinions", Api
			.json(Map.of("source", "RECEPTION", "stationId", f.stationId, "content", OpinionFixtures.unique("本站登记"))));
		assertThat(own.status()).as(own.body()).isEqualTo(201);
		var unplaced = f.deputy.post("/api/v1/opinions",
				Api.json(Map.of("source", "VISIT", "content", OpinionFixtures.unique("走访登记"))));
		assertThat(unplaced.status()).as(unplaced.body()).isEqualTo(201);
		assertThat(f.get(unplaced.id()).get("townshipId").asLong()).isEqualTo(f.townshipId);
	}

	@Test
	void aLiaisonOfficerRegistersOnlyInItsTownship() throws Exception {
		int before = jdbc.sql("select count(*) from opinion").query(Integer.class).single();
		assertThat(f.liaison
			.post("/api/v1/opinions",
					Api.json(Map.of("source", "RECEPTION", "stationId", otherTownshipStation(), "content", "越界登记")))
			.status()).isEqualTo(403);
		assertThat(f.liaison
			.post("/api/v1/opinions",
					Api.json(Map.of("source", "RECEPTION", "villageId", otherTownshipVillage(), "content", "越界登记")))
			.status()).isEqualTo(403);
		FormSession liaison = new FormSession(port).login("liaison");
		liaison.get("/opinions/new");
		assertThat(liaison
			.post("/opinions",
					Map.of("source", "RECEPTION", "villageId", String.valueOf(otherTownshipVillage()), "content",
							"越界登记"),
					true)
			.statusCode()).isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from opinion").query(Integer.class).single()).isEqualTo(before);
		// and a department handler gets no intake form at all
		assertThat(new FormSession(port).login("department").get("/opinions/new").statusCode()).isEqualTo(403);
	}

	// ------------------------------------------------------------------ triage

	@Test
	void triageStartsWithNothingChosen() throws Exception {
		long id = f.submitted(OpinionFixtures.unique("未分类"));
		String page = new FormSession(port).login("township").get("/opinions/" + id).body();
		for (String select : List.of("t-category", "t-tier")) {
			Matcher m = Pattern.compile("id=\"" + select + "\"[^>]*>(.*?)</select>", Pattern.DOTALL).matcher(page);
			assertThat(m.find()).as(select).isTrue();
			String options = m.group(1);
			Matcher selected = Pattern.compile("<option([^>]*)selected").matcher(options);
			assertThat(selected.find()).as(select + " has a choice made").isTrue();
			assertThat(selected.group(1)).as(select + ": only the empty choice is selected").contains("value=\"\"");
			assertThat(selected.find()).as(select + ": one selected option").isFalse();
		}
	}

	@Test
	void theSameLampAtTheSameStationIsSuggestedAsADuplicate() {
		var first = f.liaison.post("/api/v1/opinions",
				Api.json(Map.of("source", "RECEPTION", "stationId", f.stationId, "content", "二组的路灯坏了三个多月")));
		assertThat(first.status()).isEqualTo(201);
		var second = f.liaison.post("/api/v1/opinions",
				Api.json(Map.of("source", "RECEPTION", "stationId", f.stationId, "content", "联合社区二组的路灯坏了快三个月了")));
		assertThat(second.status()).isEqualTo(201);
		var duplicates = f.township.get("/api/v1/opinions/" + second.id() + "/duplicates");
		assertThat(duplicates.status()).isEqualTo(200);
		assertThat(duplicates.json().valueStream().map(d -> d.get("opinion").get("id").asLong()).toList())
			.contains(first.id());
	}

	// ------------------------------------------------------------------ competence
	// (归口办理)

	private long townshipDepartment(List<String> categories) {
		var d = f.county.post("/api/v1/departments", Api.json(Map.of("name", OpinionFixtures.unique("镇测试站"), "tier",
				"TOWNSHIP", "townshipId", f.townshipId, "categoryCodes", categories)));
		assertThat(d.status()).as(d.body()).isEqualTo(201);
		return d.id();
	}

	@Test
	void assignmentAndRulesRefuseDepartmentsThatDoNotHandleTheCase() throws Exception {
		long id = f.triaged(OpinionFixtures.unique("路面坑洼")); // RURAL_INFRASTRUCTURE,
																// township tier
		String before = status(id);
		OpinionFixtures.Unit bureau = f.newCountyDepartment(); // county tier
		long notCompetent = townshipDepartment(List.of("OTHER"));
		for (long dept : List.of(bureau.id(), notCompetent)) {
			var r = f.township.post("/api/v1/opinions/" + id + "/assign",
					Api.json(Map.of("departmentId", dept, "note", "试一试")));
			assertThat(r.status()).as(r.body()).isEqualTo(400);
			assertThat(r.contentType()).startsWith("application/problem+json");
		}
		assertThat(status(id)).isEqualTo(before);

		// the picker offers only the departments that fit
		String page = new FormSession(port).login("township").get("/opinions/" + id).body();
		Matcher picker = Pattern.compile("id=\"a-dept\"[^>]*>(.*?)</select>", Pattern.DOTALL).matcher(page);
		assertThat(picker.find()).isTrue();
		assertThat(picker.group(1)).contains("value=\"" + f.departmentId + "\"")
			.doesNotContain("value=\"" + bureau.id() + "\"", "value=\"" + notCompetent + "\"");

		// a routing rule too names only a department competent for its category
		var rule = f.county.post("/api/v1/routing-rules", Api.json(Map.of("categoryCode", "RURAL_INFRASTRUCTURE",
				"tier", "TOWNSHIP", "townshipId", f.townshipId, "departmentId", notCompetent)));
		assertThat(rule.status()).as(rule.body()).isEqualTo(400);
		assertThat(rule.body()).contains("departmentId");
		var otherTier = f.county.post("/api/v1/routing-rules", Api.json(Map.of("categoryCode", "RURAL_INFRASTRUCTURE",
				"tier", "TOWNSHIP", "townshipId", f.townshipId, "departmentId", bureau.id())));
		assertThat(otherTier.status()).as(otherTier.body()).isEqualTo(400);

		FormSession county = new FormSession(port).login("county");
		String options = county
			.get("/admin/routing/departments?categoryCode=RURAL_INFRASTRUCTURE&tier=TOWNSHIP&townshipId="
					+ f.townshipId, "HX-Request", "true")
			.body();
		assertThat(options).contains("value=\"" + f.departmentId + "\"")
			.doesNotContain("value=\"" + bureau.id() + "\"", "value=\"" + notCompetent + "\"", "<html");
		assertThat(county.get("/admin/routing/departments?categoryCode=OTHER&tier=COUNTY", "HX-Request", "true").body())
			.contains("value=\"" + bureau.id() + "\"")
			.doesNotContain("value=\"" + f.departmentId + "\"", "value=\"" + notCompetent + "\"");
	}

	@Test
	void aRefusedAssignmentKeepsTheChoiceAndSaysWhyNextToTheField() throws Exception {
		long id = f.triaged(OpinionFixtures.unique("改派无理由"));
		long alternative = townshipDepartment(List.of("RURAL_INFRASTRUCTURE"));
		FormSession township = new FormSession(port).login("township");
		township.get("/opinions/" + id);
		String back = location(township.post("/opinions/" + id + "/assign",
				Map.of("departmentId", String.valueOf(alternative), "note", "", "version", "1"), true));
		assertThat(back).isEqualTo("/opinions/" + id + "#assign");
		String page = township.get("/opinions/" + id).body();
		Matcher form = Pattern.compile("<form[^>]*id=\"assign\".*?</form>", Pattern.DOTALL).matcher(page);
		assertThat(form.find()).isTrue();
		assertThat(form.group()).containsPattern("value=\"" + alternative + "\"[^>]*selected")
			.contains("id=\"note-error\"", "未按分办规则交办，请填写理由");
		assertThat(f.get(id).get("status").asString()).isEqualTo("TRIAGED");
	}

	// ------------------------------------------------------------------ words, not codes

	@Test
	void theDetailPageSaysNamesNotCodes() throws Exception {
		long deputyId = f.deputy.get("/api/v1/me").json().get("deputyId").asLong();
		String deputyName = f.county.get("/api/v1/deputies/" + deputyId).json().get("name").asString();
		var r = f.liaison.post("/api/v1/opinions", Api.json(Map.of("source", "RECEPTION", "stationId", f.stationId,
				"content", OpinionFixtures.unique("接待代表"), "deputyIds", List.of(deputyId))));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		long id = r.id();
		FormSession liaison = new FormSession(port).login("liaison");
		liaison.get("/opinions/" + id);
		// a real (decodable) image: attachments are decoded in full before they are
		// accepted
		var image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
		var bytes = new ByteArrayOutputStream();
		ImageIO.write(image, "png", bytes);
		byte[] png = bytes.toByteArray();
		location(liaison.postMultipart("/opinions/" + id + "/attachments", Map.of(),
				Map.of("files", Map.entry("小图.png", png))));
		String page = liaison.get("/opinions/" + id).body();
		assertThat(page).contains(deputyName, "image/png · " + png.length + " B").doesNotContain(">null<", "0 KB");

		// a handler's timeline lines name its department once
		ok(f.township.post("/api/v1/opinions/" + id + "/triage",
				Api.json(Map.of("categoryCode", "RURAL_INFRASTRUCTURE", "tier", "TOWNSHIP"))));
		ok(f.township.post("/api/v1/opinions/" + id + "/assign",
				Api.json(Map.of("departmentId", f.departmentId, "note", "办理"))));
		ok(f.department.post("/api/v1/opinions/" + id + "/accept", ""));
		String department = f.county.get("/api/v1/departments/" + f.departmentId).json().get("name").asString();
		String timeline = new FormSession(port).login("county").get("/opinions/" + id).body();
		assertThat(timeline).contains(department)
			.doesNotContainPattern(Pattern.quote(department) + "</span>\\s*<span>· " + Pattern.quote(department));
	}

	@Test
	void registryListsSayNamesNotCodesOrCounts() throws Exception {
		FormSession county = new FormSession(port).login("county");
		String departments = county.get("/org/departments").body();
		String categoryName = f.county.get("/api/v1/categories").json().get(0).get("nameZh").asString();
		String categoryCode = f.county.get("/api/v1/categories").json().get(0).get("code").asString();
		assertThat(departments).contains("class=\"badge\">" + categoryName + "<")
			.doesNotContain("class=\"badge\">" + categoryCode + "<");
		long deputyId = f.deputy.get("/api/v1/me").json().get("deputyId").asLong();
		String stationName = f.county.get("/api/v1/stations/" + f.stationId).json().get("name").asString();
		String deputyName = f.county.get("/api/v1/deputies/" + deputyId).json().get("name").asString();
		String deputies = county.get("/org/deputies?stationId=" + f.stationId).body();
		Matcher row = Pattern.compile("<tr[^>]*>\\s*<td>" + Pattern.quote(deputyName) + "</td>.*?</tr>", Pattern.DOTALL)
			.matcher(deputies);
		assertThat(row.find()).as(deputies).isTrue();
		assertThat(row.group()).contains(stationName).doesNotContainPattern("<td class=\"hide-sm\">\\d+</td>");
	}

	// ------------------------------------------------------------------ the public form
	// and its photo

	@Test
	void aRefusedPublicFormSaysPlainlyToChooseThePhotoAgain() throws Exception {
		FormSession s = new FormSession(port);
		s.get("/public/opinions/new");
		// a real (decodable) image: attachments are decoded in full before they are
		// accepted
		var image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
		var bytes = new ByteArrayOutputStream();
		ImageIO.write(image, "png", bytes);
		byte[] png = bytes.toByteArray();
		var r = s.postMultipart("/public/opinions", Map.of("content", "  "),
				Map.of("files", Map.entry("路灯照片.png", png)));
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.body()).contains("id=\"files-again\"", "路灯照片.png", "重新选择");
	}

	// ------------------------------------------------------------------ the constituent
	// after a second reply

	@Test
	void afterASecondReplyTheConstituentSeesBothAndKnowsTheRatingIsFinal() throws Exception {
		long id = f.replied(OpinionFixtures.unique("二次答复"));
		String code = f.code(id);
		Api anonymous = Api.anonymous(port);
		var reopened = anonymous.post("/api/v1/public/opinions/" + code + "/feedback",
				Api.json(Map.of("satisfaction", "UNSATISFIED", "comment", "还是没修好")));
		assertThat(reopened.status()).as(reopened.body()).isEqualTo(200);
		FormSession s = new FormSession(port);
		assertThat(s.get("/public/opinions/" + code).body()).doesNotContain("本次评价为最终评价");
		ok(f.department.post("/api/v1/opinions/" + id + "/accept", ""));
		ok(f.department.post("/api/v1/opinions/" + id + "/reply",
				Api.json(Map.of("content", "已更换全部灯具并复查", "outcome", "RESOLVED"))));
		String page = s.get("/public/opinions/" + code).body();
		assertThat(page).contains("已修复", "已更换全部灯具并复查", "第 1 次答复", "第 2 次答复", "本次评价为最终评价");
		assertThat(page.indexOf("已修复")).isLessThan(page.indexOf("已更换全部灯具并复查"));
	}

}
