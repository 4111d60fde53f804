package cn.deputylink.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import cn.deputylink.support.Api;
import cn.deputylink.support.IntegrationTest;

/**
 * An opinion's whole life, clicked through in the pages by everyone involved, each in a
 * browser of their own: the constituent (no account), the township admin, the demo
 * township government's handler and a county bureau's handler. And the list and the
 * detail page on a phone in large text.
 */
@IntegrationTest
class OpinionBrowserIT extends BrowserTest {

	private static final String HANDLER_PASSWORD = "Start#2026xy";

	private static final Pattern CODE = Pattern.compile("\\d{4}-\\d{4}-\\d{5}");

	/**
	 * The staff users' contexts; the base class's {@link #page} is the constituent's
	 * (anonymous).
	 */
	private final List<BrowserContext> staff = new ArrayList<>();

	@AfterEach
	void closeStaffContexts() {
		staff.forEach(BrowserContext::close);
		staff.clear();
	}

	/** A fresh desktop context for one user, signed in through the login page. */
	private Page signedIn(String username, String password) {
		BrowserContext c = BrowserSupport.newContext(browser);
		staff.add(c);
		Page p = c.newPage();
		BrowserSupport.login(p, port, username, password);
		return p;
	}

	/**
	 * A county bureau competent for every category and a handler account for it (through
	 * the API).
	 */
	private record Bureau(long id, String name, String handler) {
	}

	private Bureau newCountyBureau(Api county) {
		List<String> codes = county.get("/api/v1/categories")
			.json()
			.valueStream()
			.map(c -> c.get("code").asString())
			.toList();
		String name = BrowserSupport.unique("县浏览器测试局");
		var d = county.post("/api/v1/departments",
				Api.json(Map.of("name", name, "tier", "COUNTY", "categoryCodes", codes)));
		assertThat(d.status()).as(d.body()).isEqualTo(201);
		String username = BrowserSupport.unique("brh");
		var u = county.post("/api/v1/users",
				Api.json(Map.of("username", username, "password", HANDLER_PASSWORD, "displayName", "县局承办人", "role",
						"DEPARTMENT_HANDLER", "departmentId", d.id(), "mustChangePassword", false)));
		assertThat(u.status()).as(u.body()).isEqualTo(201);
		return new Bureau(d.id(), name, username);
	}

	/**
	 * Searches the staff list for the code and opens the one case found; returns the
	 * opinion's id.
	 */
	private static long openFromList(Page p, String code) {
		p.locator("#q").fill(code);
		BrowserSupport.submit(p, p.locator("form[role=search] button[type=submit]"));
		Locator hit = p.locator("ul.cases li.case").filter(new Locator.FilterOptions().setHasText(code));
		assertThat(hit).hasCount(1);
		BrowserSupport.submit(p, hit.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(code)));
		p.waitForURL(Pattern.compile(".*/opinions/\\d+$"));
		Matcher m = Pattern.compile("/opinions/(\\d+)$").matcher(p.url());
		assertThat(m.find()).isTrue();
		return Long.parseLong(m.group(1));
	}

	private static void assertStaffStatus(Page p, String status) {
		assertThat(p.locator("main h1 .badge[class*='st-']")).hasText(status);
	}

	private static void assertPublicStatus(Page p, String status) {
		assertThat(p.locator("main dd .badge[class*='st-']")).hasText(status);
	}

	/**
	 * Clicks the submit button of the action form posting to
	 * {@code /opinions/{id}/{action}}.
	 */
	private static void act(Page p, String action) {
		BrowserSupport.submit(p, p.locator("main form[action$='/" + action + "'] button[type=submit]"));
	}

	private static void assertSaved(Page p) {
		assertThat(p.locator("main .flash.error")).hasCount(0);
		assertThat(p.locator("main .flash[role=status]")).hasText("已保存");
	}

	/**
	 * The constituent's name and phone must appear on no public page, not even masked.
	 */
	private static void assertNoPersonalData(Page p, String name, String phone) {
		String html = p.content();
		assertThat(html).as("public page %s shows the constituent's name", p.url()).doesNotContain(name);
		assertThat(html).as("public page %s shows the phone", p.url()).doesNotContain(phone);
		String masked = phone.substring(0, 3) + "****" + phone.substring(7);
		assertThat(html).as("public page %s shows the masked phone", p.url()).doesNotContain(masked);
	}

	@Test
	void anOpinionGoesFromThePublicFormThroughTriageReturnReassignmentAndTwoRepliesToClosed() {
		Api county = Api.as(port, "county");
		long demoDepartment = Api.as(port, "department").get("/api/v1/me").json().get("departmentId").asLong();
		Bureau bureau = newCountyBureau(county);

		String content = BrowserSupport.unique("浏览器全流程：村口路灯坏了两个月，晚上出行不安全，请尽快修复。编号");
		String name = BrowserSupport.unique("柳浏览");
		String phone = "139" + BrowserSupport.unique("").substring(0, 6) + "27";
		String reason = "路灯由县级部门统一管护，不属于镇政府职责，请改派。";
		String reassignNote = "路灯归县局管护，改派县局办理";
		String firstReply = "已派人检查，更换了两盏路灯。";
		String secondReply = "经复查，已对整条村道的线路进行改造，路灯全部恢复照明。";

		// ---- the constituent submits, without an account
		page.navigate(url("/public/opinions/new"));
		assertThat(page.locator("main h1")).hasText("我要反映意见");
		page.locator("#content").fill(content);
		Locator villages = page.locator("#villageId optgroup[label='东岭镇'] option");
		assertThat(villages.first()).isAttached();
		String villageName = villages.first().textContent().strip();
		page.locator("#villageId").selectOption(villages.first().getAttribute("value"));
		page.locator("#name").fill(name);
		page.locator("#phone").fill(phone);
		page.locator("#consent").check();
		BrowserSupport.submit(page, page.locator("main form button[type=submit]"));

		page.waitForURL(Pattern.compile(".*/public/opinions/\\d{4}-\\d{4}-\\d{5}$"));
		assertThat(page.locator("main h1")).hasText("您的意见已收到");
		String code = page.locator("main .tracking-code").textContent().strip();
		assertThat(code).matches(CODE);
		assertThat(page.locator("main dd.code")).hasText(code);
		assertPublicStatus(page, "已收到，待梳理");
		assertNoPersonalData(page, name, phone);
		BrowserSupport.screenshot(page, "opinion-flow-1-public-submitted");

		// ---- the township admin finds it in the triage queue and triages it
		Page township = signedIn("township", Api.DEMO_PASSWORD);
		township.navigate(url("/opinions"));
		BrowserSupport.submit(township,
				township.locator("nav.tabs").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("待梳理")));
		township.waitForURL(Pattern.compile(".*/opinions\\?status=SUBMITTED$"));
		assertThat(township.locator("#status")).hasValue("SUBMITTED");
		long id = openFromList(township, code);
		assertStaffStatus(township, "待梳理");
		// staff see who wrote it; the list and the detail mask the phone
		assertThat(township.locator("main .facts")).containsText(name);
		assertThat(township.locator("main .facts")).containsText(villageName);
		assertThat(township.locator("main .facts")).containsText("网上");
		assertThat(township.locator("main")).not().containsText(phone);

		township.locator("#t-category").selectOption("RURAL_INFRASTRUCTURE");
		township.locator("#t-tier").selectOption("TOWNSHIP");
		act(township, "triage");
		assertSaved(township);
		assertStaffStatus(township, "待交办");

		// ---- assigns it to the routed department, which the form preselects
		assertThat(township.locator("#a-dept")).hasValue(String.valueOf(demoDepartment));
		assertThat(township.locator("#a-dept option:checked")).containsText("（按分办规则）");
		BrowserSupport.screenshot(township, "opinion-flow-2-township-assign");
		act(township, "assign");
		assertSaved(township);
		assertStaffStatus(township, "已交办");
		assertThat(township.locator("main .facts")).containsText("东岭镇人民政府");

		// ---- the township government's handler returns it with a reason
		Page government = signedIn("department", Api.DEMO_PASSWORD);
		government.navigate(url("/opinions"));
		assertThat(openFromList(government, code)).isEqualTo(id);
		assertStaffStatus(government, "已交办");
		government.locator("#r-reason").fill(reason);
		act(government, "return");
		assertSaved(government);
		assertStaffStatus(government, "待交办");

		// ---- the township admin makes it a county-tier case and reassigns it to the
		// county bureau: the
		// township government is no longer offered, and the bureau is not the routed one,
		// so a note is needed
		township.navigate(url("/opinions/" + id));
		assertStaffStatus(township, "待交办");
		assertThat(township.locator("main .timeline")).containsText(reason);
		assertThat(township.locator("#a-dept")).hasValue(String.valueOf(demoDepartment));
		assertThat(township.locator("#a-dept option[value='" + bureau.id() + "']")).hasCount(0);
		township.locator("#t-category").selectOption("RURAL_INFRASTRUCTURE");
		township.locator("#t-tier").selectOption("COUNTY");
		act(township, "triage");
		assertSaved(township);
		assertThat(township.locator("#a-dept option[value='" + demoDepartment + "']")).hasCount(0);
		township.locator("#a-dept").selectOption(String.valueOf(bureau.id()));
		act(township, "assign");
		// the refusal stands next to the field, with the choice kept
		assertThat(township.locator("#assign #note-error")).containsText("未按分办规则交办，请填写理由");
		assertThat(township.locator("#a-dept")).hasValue(String.valueOf(bureau.id()));
		assertStaffStatus(township, "待交办");

		township.locator("#a-note").fill(reassignNote);
		act(township, "assign");
		assertSaved(township);
		assertStaffStatus(township, "已交办");
		assertThat(township.locator("main .facts")).containsText(bureau.name());

		// ---- the bureau's handler accepts and replies
		Page handler = signedIn(bureau.handler(), HANDLER_PASSWORD);
		handler.navigate(url("/opinions"));
		BrowserSupport.submit(handler,
				handler.locator("nav.tabs").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("待签收")));
		assertThat(openFromList(handler, code)).isEqualTo(id);
		assertStaffStatus(handler, "已交办");
		act(handler, "accept");
		assertSaved(handler);
		assertStaffStatus(handler, "办理中");
		handler.locator("#y-content").fill(firstReply);
		handler.locator("#y-outcome").selectOption("RESOLVED");
		act(handler, "reply");
		assertSaved(handler);
		assertStaffStatus(handler, "已答复");
		assertThat(handler.locator("main p.reply")).hasText(firstReply);

		// ---- the constituent types the code into the tracking form, reads the reply, is
		// not satisfied
		page.navigate(url("/public/opinions/track"));
		page.locator("#code").pressSequentially(code);
		BrowserSupport.submit(page, page.locator("main form button[type=submit]"));
		page.waitForURL(Pattern.compile(".*/public/opinions/" + code + "$"));
		assertThat(page.locator("main h1")).hasText("办理进度");
		assertPublicStatus(page, "已答复，请评价");
		assertThat(page.locator("main p.reply")).hasText(firstReply);
		assertThat(page.locator("main")).containsText("选择“不满意”，意见将退回承办单位重新办理一次。");
		assertNoPersonalData(page, name, phone);
		page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("不满意")).check();
		page.locator("#comment").fill("只换了两盏，村道另一头还是黑的。");
		BrowserSupport.submit(page, page.locator("main form[action$='/feedback'] button[type=submit]"));
		assertThat(page.locator("main .flash[role=status]")).hasText("评价已提交，谢谢！");
		assertPublicStatus(page, "已交承办单位");
		assertThat(page.locator("main .timeline")).containsText("您不满意，重新办理");
		assertThat(page.locator("main form[action$='/feedback']")).hasCount(0);
		assertNoPersonalData(page, name, phone);

		// ---- the bureau accepts again and gives the final reply
		handler.navigate(url("/opinions/" + id));
		assertStaffStatus(handler, "已交办");
		act(handler, "accept");
		assertSaved(handler);
		assertStaffStatus(handler, "办理中");
		assertThat(handler.locator("main form[action$='/reply'] .hint")).hasText("这是群众不满意后的再次答复，为最终答复：群众评价后即办结");
		handler.locator("#y-content").fill(secondReply);
		handler.locator("#y-outcome").selectOption("RESOLVED");
		act(handler, "reply");
		assertSaved(handler);
		assertStaffStatus(handler, "已答复");
		BrowserSupport.screenshot(handler, "opinion-flow-3-handler-second-reply");

		// ---- the constituent is satisfied now: closed
		page.navigate(url("/public/opinions/" + code));
		assertPublicStatus(page, "已答复，请评价");
		assertThat(page.locator("main .card:not(.earlier-reply) p.reply")).hasText(secondReply);
		// the first reply stays readable, and the constituent is told this rating is the
		// last
		assertThat(page.locator("main .earlier-reply p.reply")).hasText(firstReply);
		assertThat(page.locator("main .final-rating")).containsText("本次评价为最终评价");
		// a second 不满意 would not reopen it again, so the hint is gone
		assertThat(page.locator("main")).not().containsText("选择“不满意”，意见将退回承办单位重新办理一次。");
		page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("满意").setExact(true)).check();
		BrowserSupport.submit(page, page.locator("main form[action$='/feedback'] button[type=submit]"));
		assertThat(page.locator("main .flash[role=status]")).hasText("评价已提交，谢谢！");
		assertPublicStatus(page, "已办结");
		assertThat(page.locator("main")).containsText("您的评价：满意。谢谢！");
		assertThat(page.locator("main form[action$='/feedback']")).hasCount(0);
		assertThat(page.locator("main .timeline li strong")).hasText(new String[] { "意见已提交", "工作人员已梳理", "已交承办单位办理",
				"重新确定承办单位", "工作人员已梳理", "已交承办单位办理", "承办单位已签收", "承办单位已答复", "您不满意，重新办理", "承办单位已签收", "承办单位已答复", "您已评价" });
		assertNoPersonalData(page, name, phone);
		BrowserSupport.screenshot(page, "opinion-flow-4-public-closed");

		// ---- the staff timeline shows every step, with who did it and why
		township.navigate(url("/opinions/" + id));
		assertStaffStatus(township, "已办结");
		assertThat(township.locator("main .facts")).containsText("满意");
		Locator steps = township.locator("main .timeline > li");
		assertThat(steps.locator("strong"))
			.hasText(new String[] { "登记", "梳理", "交办", "退回", "梳理", "交办", "签收", "答复", "群众不满意，重新办理", "签收", "答复", "群众评价" });
		assertThat(steps.nth(0)).containsText("群众");
		assertThat(steps.nth(2)).containsText("东岭镇人民政府");
		assertThat(steps.nth(3)).containsText(reason);
		assertThat(steps.nth(5)).containsText(bureau.name());
		assertThat(steps.nth(5)).containsText(reassignNote);
		assertThat(steps.nth(7)).containsText(firstReply);
		assertThat(steps.nth(8)).containsText("只换了两盏");
		assertThat(steps.nth(10)).containsText(secondReply);
		assertThat(township.locator("main .actions")).hasCount(0);
		BrowserSupport.screenshot(township, "opinion-flow-5-staff-timeline");
	}

	/**
	 * The rating is recorded as the note of the 群众评价 / 重新办理 step. The staff timeline
	 * shows it as the raw enum name ("UNSATISFIED: …", "SATISFIED") instead of 不满意 / 满意.
	 */
	@Test
	void theStaffTimelineShowsTheConstituentsRatingInWords() {
		Api liaison = Api.as(port, "liaison");
		Api township = Api.as(port, "township");
		Api department = Api.as(port, "department");
		long stationId = liaison.get("/api/v1/me").json().get("stationId").asLong();
		var r = liaison.post("/api/v1/opinions", Api.json(Map.of("source", "RECEPTION", "stationId", stationId,
				"content", BrowserSupport.unique("评价显示测试：村卫生室缺少常用药。编号"), "constituent", Map.of("anonymous", true))));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		long id = r.id();
		String code = r.json().get("trackingCode").asString();
		long demoDepartment = department.get("/api/v1/me").json().get("departmentId").asLong();
		for (var step : List.of(
				township.post("/api/v1/opinions/" + id + "/triage",
						Api.json(Map.of("categoryCode", "HEALTH", "tier", "TOWNSHIP"))),
				township.post("/api/v1/opinions/" + id + "/assign", Api.json(Map.of("departmentId", demoDepartment))),
				department.post("/api/v1/opinions/" + id + "/accept", ""),
				department.post("/api/v1/opinions/" + id + "/reply",
						Api.json(Map.of("content", "已补充常用药。", "outcome", "RESOLVED"))),
				Api.anonymous(port)
					.post("/api/v1/public/opinions/" + code + "/feedback",
							Api.json(Map.of("satisfaction", "UNSATISFIED", "comment", "还缺降压药"))))) {
			assertThat(step.status()).as(step.body()).isEqualTo(200);
		}

		Page township2 = signedIn("township", Api.DEMO_PASSWORD);
		township2.navigate(url("/opinions/" + id));
		assertStaffStatus(township2, "已交办");
		Locator reopen = township2.locator("main .timeline > li").last();
		assertThat(reopen.locator("strong")).hasText("群众不满意，重新办理");
		assertThat(reopen).containsText("还缺降压药");
		String text = reopen.innerText();
		assertThat(text)
			.as("BUG (ConstituentFeedback.feedback stores the note as satisfaction.name() + \": \" + comment, and "
					+ "opinion/detail.html prints it as is): the staff timeline shows the raw enum name "
					+ "UNSATISFIED instead of 不满意. Timeline entry:\n%s", text)
			.doesNotContain("UNSATISFIED")
			.contains("不满意");
	}

	// ------------------------------------------------------------------ phone

	/** Elements sticking out to the right of the viewport, for the failure message. */
	private static final String OVERFLOWING = """
			() => { const w = document.documentElement.clientWidth; const out = [];
			  for (const e of document.querySelectorAll('body *')) {
			    const r = e.getBoundingClientRect();
			    if (r.width > 0 && r.right > w + 0.5) {
			      out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string'
			        ? '.' + e.className.trim().split(/\\s+/).join('.') : '') + ' right=' + Math.round(r.right)
			        + ' width=' + Math.round(r.width));
			    }
			  }
			  return out.slice(0, 15).join('\\n'); }""";

	private static void assertNoHorizontalScroll(Page p, String where) {
		List<?> w = (List<?>) p.evaluate(
				"() => [document.documentElement.scrollWidth, window.innerWidth, document.documentElement.clientWidth]");
		int scrollWidth = ((Number) w.get(0)).intValue();
		int innerWidth = ((Number) w.get(1)).intValue();
		int clientWidth = ((Number) w.get(2)).intValue();
		assertThat(scrollWidth)
			.as(() -> "horizontal scroll on " + where + ": scrollWidth " + scrollWidth + " > innerWidth " + innerWidth
					+ " (clientWidth " + clientWidth + "); elements past the right edge:\n" + p.evaluate(OVERFLOWING))
			.isLessThanOrEqualTo(Math.min(innerWidth, clientWidth));
		assertThat(innerWidth).as("innerWidth on " + where).isLessThanOrEqualTo(390);
	}

	@Test
	void theListAndTheDetailPageFitAPhoneInLargeText() {
		Api liaison = Api.as(port, "liaison");
		Api township = Api.as(port, "township");
		long townshipId = township.get("/api/v1/me").json().get("townshipId").asLong();
		long stationId = liaison.get("/api/v1/me").json().get("stationId").asLong();
		long villageId = township.get("/api/v1/villages?townshipId=" + townshipId)
			.json()
			.get("items")
			.get(0)
			.get("id")
			.asLong();
		String content = BrowserSupport.unique("手机大字测试：村委会门前的排水沟长期堵塞，下雨天积水严重，影响群众出行和附近几户人家的房屋安全。编号");
		var r = liaison.post("/api/v1/opinions",
				Api.json(Map.of("source", "RECEPTION", "stationId", stationId, "villageId", villageId, "content",
						content, "constituent", Map.of("name", "赵手机", "phone", "13812345678", "anonymous", false))));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		long id = r.id();
		String code = r.json().get("trackingCode").asString();
		// triaged, so that the detail page shows both the triage and the (wide) assign
		// form
		var t = township.post("/api/v1/opinions/" + id + "/triage",
				Api.json(Map.of("categoryCode", "RURAL_INFRASTRUCTURE", "tier", "TOWNSHIP")));
		assertThat(t.status()).as(t.body()).isEqualTo(200);

		Page mobile = phone();
		BrowserSupport.login(mobile, port, "township");
		mobile.navigate(url("/opinions?text=large"));
		assertThat(mobile.locator("html")).hasClass(Pattern.compile("(^|\\s)large-text(\\s|$)"));
		assertThat(mobile.locator("main h1")).hasText("群众意见");
		assertThat(mobile.locator("ul.cases li.case").first()).isVisible();
		assertNoHorizontalScroll(mobile, "/opinions (phone, large text)");

		mobile.locator("#q").fill(code);
		BrowserSupport.submit(mobile, mobile.locator("form[role=search] button[type=submit]"));
		Locator hit = mobile.locator("ul.cases li.case").filter(new Locator.FilterOptions().setHasText(code));
		assertThat(hit).hasCount(1);
		assertNoHorizontalScroll(mobile, "/opinions?q=… (phone, large text)");
		BrowserSupport.submit(mobile, hit.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(code)));
		mobile.waitForURL(Pattern.compile(".*/opinions/" + id + "$"));
		assertThat(mobile.locator("html")).hasClass(Pattern.compile("(^|\\s)large-text(\\s|$)"));
		assertStaffStatus(mobile, "待交办");
		assertThat(mobile.locator("#a-dept")).isVisible();
		BrowserSupport.screenshot(mobile, "opinion-detail-phone-large-text");
		assertNoHorizontalScroll(mobile, "/opinions/" + id + " (phone, large text)");
	}

}
