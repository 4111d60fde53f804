package cn.deputylink.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import cn.deputylink.support.FormSession;
import cn.deputylink.support.Images;
import cn.deputylink.support.IntegrationTest;
import java.net.http.HttpResponse;

/**
 * The opinion pages over HTTP with a browser's cookies and CSRF token: forms, actions,
 * htmx, scope.
 */
@IntegrationTest
class OpinionPagesIT extends OpinionTestSupport {

	private static String location(HttpResponse<String> r) {
		assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
		return r.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
	}

	@Test
	void staffRegisterAnOpinionAndSeeItsCode() throws Exception {
		FormSession s = new FormSession(port).login("liaison");
		assertThat(s.get("/opinions/new").body()).contains("登记意见", "name=\"content\"", "name=\"_csrf\"");
		String content = OpinionFixtures.unique("页面登记");
		String form = s.get("/opinions/new").body();
		Matcher deputy = Pattern.compile("name=\"deputyIds\" value=\"(\\d+)\"").matcher(form);
		assertThat(deputy.find()).as("the station's deputies are offered").isTrue();
		String where = location(s.post("/opinions", Map.of("source", "OPINION_BOX", "content", content, "name", "赵六",
				"phone", "13700001111", "receivedAt", "2026-01-05T09:30", "deputyIds", deputy.group(1)), true));
		assertThat(where).matches("/opinions/\\d+");
		String page = s.get(where).body();
		assertThat(page).contains(content, "意见已登记", "意见箱", "137****1111");
		assertThat(page).doesNotContain("13700001111");
		// the received time is the one given, not the time of typing it in
		long id = Long.parseLong(where.substring(where.lastIndexOf('/') + 1));
		assertThat(f.get(id).get("receivedAt").asString()).startsWith("2026-01-05T09:30");
		assertThat(f.get(id).get("deputyIds").get(0).asLong()).isEqualTo(Long.parseLong(deputy.group(1)));
	}

	@Test
	void badFormInputIsShownAndWritesNothing() throws Exception {
		FormSession s = new FormSession(port).login("liaison");
		s.get("/opinions/new");
		int before = jdbc.sql("select count(*) from opinion").query(Integer.class).single();
		var r = s.post("/opinions", Map.of("source", "RECEPTION", "content", "  ", "phone", "abc"), true);
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.body()).contains("请修改下面标出的内容", "必填", "请输入有效的电话号码");
		// the messages are tied to their fields for screen readers
		assertThat(r.body()).contains("aria-describedby=\"content-error\"", "id=\"content-error\"",
				"aria-describedby=\"constituent.phone-error\"", "id=\"constituent.phone-error\"",
				"aria-invalid=\"true\"");
		assertThat(s.post("/opinions", Map.of("source", "RECEPTION", "content", "x"), false).statusCode())
			.isEqualTo(403);
		assertThat(jdbc.sql("select count(*) from opinion").query(Integer.class).single()).isEqualTo(before);
	}

	@Test
	void detailShowsExactlyTheViewersActions() throws Exception {
		long submitted = f.submitted("动作测试");
		FormSession township = new FormSession(port).login("township");
		String asTownship = township.get("/opinions/" + submitted).body();
		assertThat(asTownship).contains("/opinions/" + submitted + "/triage", "/close", "不予受理")
			.doesNotContain("/opinions/" + submitted + "/accept", "/opinions/" + submitted + "/escalate");

		String triaged = location(township.post("/opinions/" + submitted + "/triage",
				Map.of("categoryCode", "RURAL_INFRASTRUCTURE", "tier", "TOWNSHIP", "version", "0"), true));
		assertThat(township.get(triaged).body()).contains("已保存", "待交办", "/opinions/" + submitted + "/assign",
				"（按分办规则）");
		// a stale version from an old page is refused with a message, nothing changes
		location(township.post("/opinions/" + submitted + "/triage",
				Map.of("categoryCode", "OTHER", "tier", "COUNTY", "version", "0"), true));
		assertThat(township.get("/opinions/" + submitted).body()).contains("该记录已被他人修改");
		assertThat(f.get(submitted).get("categoryCode").asString()).isEqualTo("RURAL_INFRASTRUCTURE");

		location(township.post("/opinions/" + submitted + "/assign",
				Map.of("departmentId", String.valueOf(f.departmentId), "note", "镇政府", "version", "1"), true));
		FormSession department = new FormSession(port).login("department");
		String asDepartment = department.get("/opinions/" + submitted).body();
		assertThat(asDepartment).contains("/opinions/" + submitted + "/accept", "/opinions/" + submitted + "/return")
			.doesNotContain("/opinions/" + submitted + "/triage");
		FormSession county = new FormSession(port).login("county");
		assertThat(county.get("/opinions/" + submitted).body()).contains("/opinions/" + submitted + "/escalate");
		// another township's admin gets the 403 page
		assertThat(new FormSession(port).login("township2").get("/opinions/" + submitted).statusCode()).isEqualTo(403);
	}

	@Test
	void revealingThePhoneIsAnHtmxFragmentAndAudited() throws Exception {
		long id = f.submitted("电话片段");
		FormSession s = new FormSession(port).login("township");
		assertThat(s.get("/opinions/" + id).body()).contains("138****5678", "查看完整号码").doesNotContain("13812345678");
		var fragment = s.get("/opinions/" + id + "/phone", "HX-Request", "true");
		assertThat(fragment.statusCode()).isEqualTo(200);
		assertThat(fragment.body()).contains("13812345678").doesNotContain("<html");
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'opinion.phone.reveal' and target = :t")
			.param("t", "opinion:" + id)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(new FormSession(port).login("deputy").get("/opinions/" + id + "/phone").statusCode()).isEqualTo(403);
	}

	@Test
	void listFiltersAndPagingKeepTheFilters() throws Exception {
		for (int i = 0; i < 22; i++) {
			f.submitted("分页测试 " + i);
		}
		FormSession s = new FormSession(port).login("township");
		String page1 = s.get("/opinions?status=SUBMITTED&q=%E5%88%86%E9%A1%B5%E6%B5%8B%E8%AF%95").body();
		assertThat(page1).contains("分页测试", "待梳理");
		Matcher next = Pattern.compile("href=\"([^\"]*page=2[^\"]*)\"").matcher(page1);
		assertThat(next.find()).isTrue();
		String href = next.group(1).replace("&amp;", "&");
		assertThat(href).contains("status=SUBMITTED", "q=");
		assertThat(s.get(href).body()).contains("分页测试", "第 2 / ");
		assertThat(s.get("/opinions?deadline=RED").statusCode()).isEqualTo(200);
		assertThat(s.get("/opinions?overdue=true").statusCode()).isEqualTo(200);
	}

	@Test
	void thePublicFormNeedsConsentForPersonalDataAndGivesACode() throws Exception {
		FormSession s = new FormSession(port);
		assertThat(s.get("/public/opinions/new").body()).contains("个人信息保护说明", "匿名反映", "name=\"consent\"");
		String content = OpinionFixtures.unique("公开表单");
		var refused = s.post("/public/opinions", Map.of("content", content, "name", "钱七"), true);
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("请勾选同意个人信息使用说明");
		assertThat(jdbc.sql("select count(*) from opinion where content = :c")
			.param("c", content)
			.query(Integer.class)
			.single()).isZero();
		String where = location(s.post("/public/opinions", Map.of("content", content, "name", "钱七", "phone",
				"13600002222", "consent", "true", "villageId", String.valueOf(f.villageId)), true));
		assertThat(where).matches("/public/opinions/\\d{4}-\\d{4}-\\d{5}");
		String shown = s.get(where).body();
		assertThat(shown).contains("意见已收到", where.substring("/public/opinions/".length()), "已收到，待梳理")
			.doesNotContain("钱七", "13600002222", "136****2222");
		// anonymous needs no consent and keeps nothing personal
		String anon = location(
				s.post("/public/opinions", Map.of("content", content + "匿名", "name", "孙八", "anonymous", "true"), true));
		String code = anon.substring("/public/opinions/".length());
		assertThat(jdbc.sql(
				"select count(*) from opinion where tracking_code = :c and constituent_name is null and anonymous = true")
			.param("c", code)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void trackingAndRatingThroughThePages() throws Exception {
		long id = f.replied("页面评价测试");
		String code = f.code(id);
		FormSession s = new FormSession(port);
		assertThat(location(s.get("/public/opinions/track?code=" + code.replace("-", ""))))
			.isEqualTo("/public/opinions/" + code);
		assertThat(s.get("/public/opinions/track?code=1234").body()).contains("没有找到这个查询码");
		String page = s.get("/public/opinions/" + code).body();
		assertThat(page).contains("已修复", "您对答复满意吗", "name=\"satisfaction\"");
		String back = location(
				s.post("/public/opinions/" + code + "/feedback", Map.of("satisfaction", "SATISFIED"), true));
		assertThat(s.get(back).body()).contains("评价已提交", "已办结", "您的评价：满意");
		assertThat(f.get(id).get("status").asString()).isEqualTo("CLOSED");
	}

	@Test
	void anOversizedUploadOnAPageComesBackWithAMessage() throws Exception {
		long id = f.submitted("大附件页面");
		FormSession s = new FormSession(port).login("liaison");
		s.get("/opinions/" + id);
		var r = s.postMultipart("/opinions/" + id + "/attachments", Map.of(),
				Map.of("files", Map.entry("big.pdf", new byte[11 * 1024 * 1024 + 512 * 1024])));
		assertThat(r.statusCode()).isEqualTo(302);
		assertThat(s.get(location(r)).body()).contains("上传的文件合计不能超过 10 MB");
		var wrongType = s.postMultipart("/opinions/" + id + "/attachments", Map.of(),
				Map.of("files", Map.entry("x.jpg", "<script>".getBytes())));
		assertThat(s.get(location(wrongType)).body()).contains("不是 JPEG、PNG、WebP 图片或 PDF 文件");
		byte[] png = Images.png();
		var photo = s.postMultipart("/opinions/" + id + "/attachments", Map.of(),
				Map.of("files", Map.entry("现场.png", png)));
		String detail = s.get(location(photo)).body();
		assertThat(detail).contains("已保存", "现场.png", "<img")
			.containsPattern("src=\"/opinions/" + id + "/attachments/\\d+\"");
		Matcher src = Pattern.compile("src=\"(/opinions/" + id + "/attachments/\\d+)\"").matcher(detail);
		assertThat(src.find()).isTrue();
		var image = s.get(src.group(1));
		assertThat(image.statusCode()).isEqualTo(200);
		assertThat(image.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/png");
	}

	@Test
	void theDashboardCountsTheQueuesInTheUsersScope() throws Exception {
		f.submitted("工作台计数");
		int mine = f.township.get("/api/v1/opinions?status=SUBMITTED&limit=500").json().get("items").size();
		String dashboard = new FormSession(port).login("township").get("/dashboard").body();
		assertThat(dashboard).contains("/opinions?status=SUBMITTED", "待梳理", "已超期");
		Matcher count = Pattern.compile("href=\"/opinions\\?status=SUBMITTED\"><div class=\"stat\">(\\d+)</div>")
			.matcher(dashboard);
		assertThat(count.find()).isTrue();
		assertThat(Integer.parseInt(count.group(1))).isEqualTo(mine);
		assertThat(new FormSession(port).login("department").get("/dashboard").body())
			.contains("/opinions?status=ASSIGNED");
	}

	@Test
	void theRoutingPageIsTheCountysToEdit() throws Exception {
		FormSession county = new FormSession(port).login("county");
		assertThat(county.get("/admin/routing").body()).contains("分办规则", "新增规则");
		// a refused rule: the form again, as entered, with the reason
		var refused = county.post("/admin/routing", Map.of("categoryCode", "OTHER", "tier", "TOWNSHIP"), true);
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("乡镇级、村级规则须指定乡镇");
		// the table is the county's page; a township admin reads its rules through the
		// API
		FormSession township = new FormSession(port).login("township");
		assertThat(township.get("/admin/routing").statusCode()).isEqualTo(403);
		assertThat(new FormSession(port).login("liaison").get("/admin/routing").statusCode()).isEqualTo(403);
	}

}
