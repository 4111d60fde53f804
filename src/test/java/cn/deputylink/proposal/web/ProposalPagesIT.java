package cn.deputylink.proposal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;

import cn.deputylink.support.Api;
import cn.deputylink.support.FormSession;
import cn.deputylink.support.IntegrationTest;

/**
 * The proposal pages over HTTP with a browser's cookies and CSRF token: a draft from the
 * deputy's opinions through every step, each taken on the page by its user; refused input
 * shown with nothing written; a stale page's step refused; a county admin's entry on a
 * deputy's behalf; the result classes' list; the public pages.
 */
@IntegrationTest
class ProposalPagesIT {

	static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	long deputyId;

	long stationId;

	long villageId;

	long departmentId;

	@BeforeEach
	void ids() {
		deputyId = Api.as(port, "deputy").get("/api/v1/me").json().get("deputyId").asLong();
		stationId = Api.as(port, "liaison").get("/api/v1/me").json().get("stationId").asLong();
		departmentId = Api.as(port, "department").get("/api/v1/me").json().get("departmentId").asLong();
		long township = Api.as(port, "township").get("/api/v1/me").json().get("townshipId").asLong();
		villageId = Api.as(port, "county")
			.get("/api/v1/villages?townshipId=" + township)
			.json()
			.get("items")
			.get(0)
			.get("id")
			.asLong();
	}

	static String unique(String prefix) {
		return prefix + ThreadLocalRandom.current().nextInt(100_000_000);
	}

	static String location(HttpResponse<String> r) {
		assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
		return r.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
	}

	static long idOf(String where) {
		return Long.parseLong(where.substring(where.lastIndexOf('/') + 1));
	}

	static String version(String page) {
		Matcher m = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page);
		assertThat(m.find()).as("a version field").isTrue();
		return m.group(1);
	}

	/**
	 * An opinion the demo deputy received, triaged by the township: one it may convert.
	 */
	long deputysTriagedOpinion(String content) {
		Api liaison = Api.as(port, "liaison");
		var r = liaison.post("/api/v1/opinions",
				Api.json(Map.of("source", "RECEPTION", "stationId", stationId, "villageId", villageId, "content",
						content, "deputyIds", List.of(deputyId), "constituent",
						Map.of("name", "王小明", "phone", "13812345678", "anonymous", false))));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		long id = r.id();
		var t = Api.as(port, "township")
			.post("/api/v1/opinions/" + id + "/triage",
					Api.json(Map.of("categoryCode", "RURAL_INFRASTRUCTURE", "tier", "TOWNSHIP")));
		assertThat(t.status()).as(t.body()).isEqualTo(200);
		return id;
	}

	int proposals() {
		return jdbc.sql("select count(*) from proposal").query(Integer.class).single();
	}

	@Test
	void aProposalFromTheDeputysOpinionsGoesThroughEveryStepOnThePages() throws Exception {
		long opinion = deputysTriagedOpinion(unique("村道硬化"));
		FormSession deputy = new FormSession(port).login("deputy");
		// the opinion's page offers the draft, the form comes with the opinion ticked
		assertThat(deputy.get("/opinions/" + opinion).body()).contains("/proposals/new?opinionIds=" + opinion);
		String form = deputy.get("/proposals/new?opinionIds=" + opinion).body();
		assertThat(form).contains("name=\"title\"", "name=\"coSignerIds\"", "name=\"publicConsent\"")
			.containsPattern("name=\"opinionIds\" value=\"" + opinion + "\"\\s+checked");
		assertThat(form).doesNotContain("name=\"leadDeputyId\"");
		String title = unique("关于硬化村道的建议");
		String where = location(deputy.post("/proposals", Map.of("title", title, "content", "建议将村道列入硬化计划。", "period",
				"RECESS", "publicConsent", "true", "opinionIds", String.valueOf(opinion)), true));
		long id = idOf(where);
		String draft = deputy.get(where).body();
		assertThat(draft).contains(title, "草稿", "/proposals/" + id + "/submit", "/proposals/" + id + "/edit",
				"/proposals/" + id + "/withdraw");
		assertThat(draft).doesNotContain("/proposals/" + id + "/register");
		location(deputy.post("/proposals/" + id + "/submit", Map.of("version", version(draft)), true));
		String submitted = deputy.get(where).body();
		assertThat(submitted).contains("已提交").doesNotContain("/proposals/" + id + "/submit\"");

		FormSession county = new FormSession(port).login("county");
		String toRegister = county.get(where).body();
		assertThat(toRegister).contains("/proposals/" + id + "/register", "/proposals/" + id + "/refuse");
		location(county.post("/proposals/" + id + "/register", Map.of("version", version(toRegister)), true));
		String registered = county.get(where).body();
		assertThat(registered).contains("已立案", "name=\"leadDepartmentId\"", "name=\"coDepartmentIds\"");
		location(county.post("/proposals/" + id + "/assign",
				Map.of("leadDepartmentId", String.valueOf(departmentId), "version", version(registered)), true));
		assertThat(county.get(where).body()).contains("办理中", "答复期限");

		FormSession unit = new FormSession(port).login("department");
		String list = unit.get("/proposals").body();
		assertThat(list).contains(title, "主办");
		String toReply = unit.get(where).body();
		assertThat(toReply).contains("name=\"resultClass\"", "name=\"letter\"", "enctype=\"multipart/form-data\"");
		location(unit.postMultipart("/proposals/" + id + "/reply",
				Map.of("content", "已列入明年硬化计划。", "resultClass", "B", "version", version(toReply)),
				Map.of("letter", Map.entry("答复函.pdf", PDF))));
		String replied = deputy.get(where).body();
		assertThat(replied).contains("已答复", "已列入明年硬化计划。", "答复函.pdf", "/proposals/" + id + "/evaluate");
		Matcher letter = Pattern.compile("href=\"(/proposals/" + id + "/attachments/\\d+)\"").matcher(replied);
		assertThat(letter.find()).isTrue();
		var file = deputy.get(letter.group(1));
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.body()).startsWith("%PDF");

		location(deputy.post("/proposals/" + id + "/evaluate",
				Map.of("evaluation", "SATISFIED", "version", version(replied)), true));
		assertThat(deputy.get(where).body()).contains("已评价", "满意");
		// consented and replied: on the public list
		FormSession anyone = new FormSession(port);
		assertThat(anyone.get("/public/proposals").body()).contains(title);
		assertThat(anyone.get("/public/proposals/" + id).body()).contains(title, "已列入明年硬化计划。");
	}

	@Test
	void badInputIsShownNextToItsFieldAndWritesNothing() throws Exception {
		FormSession deputy = new FormSession(port).login("deputy");
		deputy.get("/proposals/new");
		int before = proposals();
		var r = deputy.post("/proposals", Map.of("title", " ", "content", "内容", "period", "RECESS"), true);
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.body()).contains("aria-describedby=\"title-error\"", "id=\"title-error\"", "aria-invalid=\"true\"",
				"内容");
		// a co-signer who is no deputy, an opinion the deputy may not see
		var bad = deputy.post("/proposals",
				Map.of("title", "标题", "content", "内容", "period", "RECESS", "coSignerIds", "99999999"), true);
		assertThat(bad.statusCode()).isEqualTo(200);
		assertThat(bad.body()).contains("class=\"errors\"");
		assertThat(proposals()).isEqualTo(before);
		// without the CSRF token nothing at all
		assertThat(
				deputy.post("/proposals", Map.of("title", "x", "content", "y", "period", "RECESS"), false).statusCode())
			.isEqualTo(403);
		assertThat(proposals()).isEqualTo(before);
	}

	@Test
	void aStalePagesStepIsRefusedWithAMessageAndChangesNothing() throws Exception {
		FormSession deputy = new FormSession(port).login("deputy");
		deputy.get("/proposals/new");
		String title = unique("旧页面");
		String where = location(
				deputy.post("/proposals", Map.of("title", title, "content", "内容", "period", "SESSION"), true));
		long id = idOf(where);
		String old = version(deputy.get(where).body());
		deputy.get(location(deputy.post("/proposals/" + id + "/edit",
				Map.of("title", title + "改", "content", "新内容", "period", "SESSION", "version", old), true)));
		location(deputy.post("/proposals/" + id + "/submit", Map.of("version", old), true));
		String page = deputy.get(where).body();
		assertThat(page).contains("flash error", title + "改", "草稿");
		// the edit form posted from a stale page keeps the typed text and says why
		var stale = deputy.post("/proposals/" + id + "/edit",
				Map.of("title", "又一次", "content", "旧页面的内容", "period", "SESSION", "version", old), true);
		assertThat(stale.statusCode()).isEqualTo(200);
		assertThat(stale.body()).contains("class=\"errors\"", "旧页面的内容");
		assertThat(deputy.get(where).body()).contains(title + "改").doesNotContain("又一次");
	}

	@Test
	void aCountyAdminDraftsOnADeputysBehalfAndOthersOnlyLook() throws Exception {
		FormSession county = new FormSession(port).login("county");
		String form = county.get("/proposals/new").body();
		assertThat(form).contains("name=\"leadDeputyId\"", "代录入");
		String number = String.valueOf(ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000));
		String title = "代录入的建议" + number;
		var missing = county.post("/proposals", Map.of("title", title, "content", "内容", "period", "RECESS"), true);
		assertThat(missing.statusCode()).isEqualTo(200);
		assertThat(missing.body()).contains("class=\"errors\"");
		String where = location(county.post("/proposals",
				Map.of("title", title, "content", "内容", "period", "RECESS", "leadDeputyId", String.valueOf(deputyId)),
				true));
		String page = county.get(where).body();
		assertThat(page).contains(title, "（代录入）");
		// the deputy finds it among its own
		FormSession deputy = new FormSession(port).login("deputy");
		assertThat(deputy.get("/proposals?q=" + number).body()).contains(title);
		// a deputy cannot put another deputy in the lead: the lead is itself
		String own = location(deputy.post("/proposals", Map.of("title", unique("自己的"), "content", "内容", "period",
				"RECESS", "leadDeputyId", String.valueOf(deputyId + 1)), true));
		assertThat(jdbc.sql("select lead_deputy_id from proposal where id = :id")
			.param("id", idOf(own))
			.query(Long.class)
			.single()).isEqualTo(deputyId);
		// a handling unit and the township look, without steps of the county
		FormSession township = new FormSession(port).login("township");
		String seen = township.get(where).body();
		assertThat(seen).contains(title).doesNotContain("/register", "/assign\"");
		assertThat(township.post(where + "/register", Map.of("version", version(page)), true).statusCode()).isIn(302,
				403);
		assertThat(county.get(where).body()).contains("草稿");
	}

	@Test
	void theCountyEditsTheResultClassesAndSeesWhyARefusedListIsRefused() throws Exception {
		FormSession county = new FormSession(port).login("county");
		String page = county.get("/admin/proposal-result-classes").body();
		assertThat(page).contains("name=\"code0\"", "value=\"A\"", "name=\"label1\"");
		int rows = 0;
		Map<String, String> form = new LinkedHashMap<>();
		Matcher m = Pattern.compile("name=\"(code|label|explanation|sortOrder)(\\d+)\" value=\"([^\"]*)\"")
			.matcher(page);
		while (m.find()) {
			form.put(m.group(1) + m.group(2), HtmlUtils.htmlUnescape(m.group(3)));
			rows = Math.max(rows, Integer.parseInt(m.group(2)) + 1);
		}
		Matcher box = Pattern.compile("<input type=\"checkbox\"[^>]*>").matcher(page);
		while (box.find()) {
			Matcher name = Pattern.compile("name=\"((favourable|active)\\d+)\"").matcher(box.group());
			if (name.find() && box.group().contains("checked")) {
				form.put(name.group(1), "true");
			}
		}
		assertThat(form).containsEntry("active0", "true").containsEntry("favourable0", "true");
		// the last row is the empty one: a bad order there is refused, nothing changes
		int blank = rows - 1;
		Map<String, String> badOrder = new LinkedHashMap<>(form);
		badOrder.put("code" + blank, "Z");
		badOrder.put("label" + blank, "测试类");
		badOrder.put("explanation" + blank, "说明");
		badOrder.put("sortOrder" + blank, "abc");
		var r = county.post("/admin/proposal-result-classes", badOrder, true);
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.body()).contains("class=\"errors\"", "顺序须为整数", "value=\"测试类\"");
		// a duplicate code is refused by the list's rules
		Map<String, String> duplicate = new LinkedHashMap<>(badOrder);
		duplicate.put("code" + blank, "A");
		duplicate.put("sortOrder" + blank, "99");
		var d = county.post("/admin/proposal-result-classes", duplicate, true);
		assertThat(d.statusCode()).isEqualTo(200);
		assertThat(d.body()).contains("class=\"errors\"", "id=\"code" + blank + "-error\"");
		assertThat(
				jdbc.sql("select count(*) from proposal_result_class where code = 'Z'").query(Integer.class).single())
			.isZero();
		// the same list saved as it was is fine
		assertThat(location(county.post("/admin/proposal-result-classes", form, true)))
			.isEqualTo("/admin/proposal-result-classes");
		assertThat(new FormSession(port).login("deputy").get("/admin/proposal-result-classes").statusCode())
			.isEqualTo(403);
	}

	@Test
	void thePublicPagesNeedNoAccountAndAnUnpublishedProposalIsNotFound() throws Exception {
		FormSession anyone = new FormSession(port);
		var list = anyone.get("/public/proposals");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("代表建议办理公开");
		assertThat(anyone.get("/").body()).contains("href=\"/public/proposals\"");
		assertThat(anyone.get("/public/proposals/99999999").statusCode()).isEqualTo(404);
		// a draft is no public proposal
		FormSession deputy = new FormSession(port).login("deputy");
		deputy.get("/proposals/new");
		String where = location(deputy.post("/proposals",
				Map.of("title", unique("未公开"), "content", "内容", "period", "RECESS", "publicConsent", "true"), true));
		assertThat(anyone.get("/public/proposals/" + idOf(where)).statusCode()).isEqualTo(404);
	}

	@Test
	void theDashboardShowsWhatWaitsForEachRole() throws Exception {
		assertThat(new FormSession(port).login("county").get("/dashboard").body()).contains("待立案", "超期建议",
				"/proposals?status=SUBMITTED", "/proposals?keySupervised=true");
		assertThat(new FormSession(port).login("deputy").get("/dashboard").body()).contains("待我附议", "待评价的答复",
				"/proposals?status=REPLIED");
		assertThat(new FormSession(port).login("department").get("/dashboard").body()).contains("待答复",
				"/proposals?status=ASSIGNED");
		var liaison = new FormSession(port).login("liaison").get("/dashboard");
		assertThat(liaison.statusCode()).isEqualTo(200);
		assertThat(liaison.body()).doesNotContain("/proposals?");
	}

}
