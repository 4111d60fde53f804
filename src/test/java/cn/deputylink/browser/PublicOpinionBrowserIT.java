package cn.deputylink.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import cn.deputylink.support.Api;
import cn.deputylink.support.IntegrationTest;

/**
 * The constituent's opinion pages: WCAG 2 A/AA by axe-core (the form in both languages
 * and in large text, the tracking form, a tracking page, the form re-shown with errors),
 * and the consent rule.
 */
@IntegrationTest
class PublicOpinionBrowserIT extends BrowserTest {

	private static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa");

	private static final Pattern LARGE_TEXT = Pattern.compile("(^|\\s)large-text(\\s|$)");

	private void assertAccessible(String where) {
		AxeResults results = new AxeBuilder(page).withTags(WCAG_AA).analyze();
		assertThat(results.isErrored()).as("axe-core error: %s", results.getErrorMessage()).isFalse();
		List<Rule> violations = results.getViolations();
		if (!violations.isEmpty()) {
			System.out.println("axe-core, " + where + ":\n" + PublicPagesBrowserIT.describe(violations));
		}
		assertThat(violations)
			.as(() -> "axe-core WCAG 2 A/AA violations on " + where + ":\n" + PublicPagesBrowserIT.describe(violations))
			.isEmpty();
	}

	private static String encode(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	private void submitForm() {
		BrowserSupport.submit(page, page.locator("main form button[type=submit]"));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "/public/opinions/new", "/public/opinions/new?lang=en", "/public/opinions/new?text=large",
			"/public/opinions/new?lang=en&text=large", "/public/opinions/track", "/public/opinions/track?lang=en",
			"/public/opinions/track?text=large", "/public/opinions/track?code=1234-5678-00000" })
	void noWcagViolations(String path) {
		var response = page.navigate(url(path));
		assertThat(response.status()).isEqualTo(200);
		assertThat(page.locator("html")).hasAttribute("lang", path.contains("lang=en") ? "en" : "zh-CN");
		if (path.contains("text=large")) {
			assertThat(page.locator("html")).hasClass(LARGE_TEXT);
		}
		if (path.contains("code=")) {
			assertThat(page.locator("main .flash.error[role=alert]")).containsText("没有找到这个查询码");
		}
		assertAccessible(path);
	}

	@Test
	void theTrackingPagesOfASubmittedAndOfARepliedOpinionHaveNoWcagViolations() {
		// submitted through the form: the page shown right after, with the code to keep
		page.navigate(url("/public/opinions/new"));
		page.locator("#content").fill(BrowserSupport.unique("无障碍检查：村里的健身器材坏了，请维修。编号"));
		page.locator("#anonymous").check();
		submitForm();
		page.waitForURL(Pattern.compile(".*/public/opinions/\\d{4}-\\d{4}-\\d{5}$"));
		String code = page.locator("main .tracking-code").textContent().strip();
		assertThat(page.locator("main h1")).hasText("您的意见已收到");
		assertAccessible("the tracking page right after submitting");

		// and looked up again later, in English and in large text
		page.navigate(url("/public/opinions/" + code + "?lang=en&text=large"));
		assertThat(page.locator("html")).hasAttribute("lang", "en");
		assertAccessible("the tracking page of a submitted opinion (en, large text)");

		// a replied one, with the rating form
		String replied = repliedOpinionCode();
		page.navigate(url("/public/opinions/" + replied + "?lang=zh_CN&text=normal"));
		assertThat(page.locator("main form[action$='/feedback']")).isVisible();
		assertThat(page.locator("main p.reply")).isVisible();
		assertAccessible("the tracking page of a replied opinion, with the rating form");
	}

	/**
	 * An opinion the demo township government has replied to, moved there through the
	 * API.
	 */
	private String repliedOpinionCode() {
		Api liaison = Api.as(port, "liaison");
		Api township = Api.as(port, "township");
		Api department = Api.as(port, "department");
		long stationId = liaison.get("/api/v1/me").json().get("stationId").asLong();
		var r = liaison.post("/api/v1/opinions", Api.json(Map.of("source", "RECEPTION", "stationId", stationId,
				"content", BrowserSupport.unique("无障碍检查：答复页面。编号"), "constituent", Map.of("anonymous", true))));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		long id = r.id();
		ok(township.post("/api/v1/opinions/" + id + "/triage",
				Api.json(Map.of("categoryCode", "RURAL_INFRASTRUCTURE", "tier", "TOWNSHIP"))));
		ok(township.post("/api/v1/opinions/" + id + "/assign",
				Api.json(Map.of("departmentId", department.get("/api/v1/me").json().get("departmentId").asLong()))));
		ok(department.post("/api/v1/opinions/" + id + "/accept", ""));
		ok(department.post("/api/v1/opinions/" + id + "/reply",
				Api.json(Map.of("content", "已安排维修，本周内完成。", "outcome", "RESOLVED"))));
		return r.json().get("trackingCode").asString();
	}

	private static void ok(Api.Response r) {
		assertThat(r.status()).as(r.body()).isEqualTo(200);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "/public/opinions/new", "/public/opinions/new?lang=en&text=large" })
	void theFormReShownWithErrorsHasNoWcagViolations(String path) {
		page.navigate(url(path));
		// the browser refuses an empty opinion by itself first
		page.locator("main form button[type=submit]").click();
		assertThat(page).hasURL(Pattern.compile(".*/public/opinions/new.*"));
		assertThat(page.locator("#content").evaluate("e => e.validity.valueMissing")).isEqualTo(true);

		// the server does too, when the browser's check is bypassed
		page.locator("#content").evaluate("e => e.removeAttribute('required')");
		submitForm();
		boolean en = path.contains("lang=en");
		assertThat(page.locator("main .errors[role=alert]"))
			.containsText(en ? "Please correct the marked fields and submit again." : "请修改下面标出的内容后再提交。");
		assertThat(page.locator("#content-error")).hasText(en ? "Required" : "必填");
		assertThat(page.locator("#content")).hasAttribute("aria-describedby", "content-error");
		assertAccessible("the public opinion form with errors (" + path + ")");
	}

	@Test
	void aNameWithoutConsentIsRefusedAndNothingIsCreated() {
		String content = BrowserSupport.unique("未同意测试：请在村口增设公交站台。编号");
		String name = BrowserSupport.unique("未同意");
		page.navigate(url("/public/opinions/new"));
		page.locator("#content").fill(content);
		page.locator("#name").fill(name);
		assertThat(page.locator("#consent")).not().isChecked();
		submitForm();

		assertThat(page).hasURL(Pattern.compile(".*/public/opinions$"));
		assertThat(page.locator("main .errors[role=alert]")).containsText("请修改下面标出的内容后再提交。");
		assertThat(page.locator("#consent-error")).hasText("留下姓名或电话时，请勾选同意个人信息使用说明，或选择匿名反映");
		// what was typed is kept, and no tracking code was handed out
		assertThat(page.locator("#content")).hasValue(content);
		assertThat(page.locator("#name")).hasValue(name);
		assertThat(page.locator("main .tracking-code")).hasCount(0);

		Api county = Api.as(port, "county");
		var found = county.get("/api/v1/opinions?q=" + encode(content));
		assertThat(found.status()).as(found.body()).isEqualTo(200);
		assertThat(found.json().get("items").size()).as("opinions created without consent").isZero();

		// with consent, the same opinion goes through
		page.locator("#consent").check();
		submitForm();
		page.waitForURL(Pattern.compile(".*/public/opinions/\\d{4}-\\d{4}-\\d{5}$"));
		assertThat(county.get("/api/v1/opinions?q=" + encode(content)).json().get("items").size()).isEqualTo(1);
	}

	/**
	 * A screen reader announces an error with its field only when the field points to it
	 * (aria-describedby); the content field does, the phone field and the consent box do
	 * not.
	 */
	@Test
	void everyFieldErrorIsTiedToItsField() {
		page.navigate(url("/public/opinions/new"));
		page.locator("#content").fill(BrowserSupport.unique("错误关联测试。编号"));
		page.locator("#name").fill("错误关联");
		page.locator("#phone").fill("12ab");
		submitForm();

		assertThat(page.locator("main .errors[role=alert]")).isVisible();
		Locator consentError = page.locator("[id='consent-error']");
		Locator phoneError = page.locator("[id='constituent.phone-error']");
		assertThat(consentError).hasText("留下姓名或电话时，请勾选同意个人信息使用说明，或选择匿名反映");

		SoftAssertions soft = new SoftAssertions();
		soft.assertThat(describedBy("#consent"))
			.as("BUG (public/opinion-new.html): the consent checkbox's aria-describedby is \"consent-notice\" only; "
					+ "when the consent error is shown it should be \"consent-notice consent-error\"")
			.contains("consent-error");

		// the phone is checked only once consent is given
		page.locator("#consent").check();
		submitForm();
		assertThat(phoneError).hasText("请输入有效的电话号码");
		soft.assertThat(describedBy("#phone"))
			.as("BUG (public/opinion-new.html): #phone has no aria-describedby pointing to its error "
					+ "(id \"constituent.phone-error\"); likewise #name for \"constituent.name-error\"")
			.contains("constituent.phone-error");
		soft.assertAll();
	}

	private String describedBy(String selector) {
		String value = page.locator(selector).getAttribute("aria-describedby");
		return value == null ? "" : value;
	}

}
