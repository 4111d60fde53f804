package cn.deputylink.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;

import cn.deputylink.support.Api;
import cn.deputylink.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * A proposal from two of the deputy's opinions, each step clicked by its user: drafted
 * and submitted by the deputy, registered and assigned (lead and co-unit) by the county,
 * replied with a result class and a PDF letter by the lead unit, evaluated by the deputy;
 * the opinions' public tracking pages then say they became a proposal. The public list
 * under axe-core, the detail page on a 360-px phone.
 */
@IntegrationTest
class ProposalBrowserIT extends BrowserTest {

	private static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa");

	static final Path SHOTS = Paths.get("/work/shots-pages");

	private Page as(String user) {
		context.close();
		context = BrowserSupport.newContext(browser);
		page = context.newPage();
		BrowserSupport.login(page, port, user);
		return page;
	}

	/** An opinion the demo deputy received, triaged by the township. */
	private long deputysOpinion(String content) {
		long deputyId = Api.as(port, "deputy").get("/api/v1/me").json().get("deputyId").asLong();
		long stationId = Api.as(port, "liaison").get("/api/v1/me").json().get("stationId").asLong();
		var r = Api.as(port, "liaison")
			.post("/api/v1/opinions", Api.json(Map.of("source", "RECEPTION", "stationId", stationId, "content", content,
					"deputyIds", List.of(deputyId), "constituent", Map.of("anonymous", true))));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		var t = Api.as(port, "township")
			.post("/api/v1/opinions/" + r.id() + "/triage",
					Api.json(Map.of("categoryCode", "RURAL_INFRASTRUCTURE", "tier", "TOWNSHIP")));
		assertThat(t.status()).as(t.body()).isEqualTo(200);
		return r.id();
	}

	@Test
	void aProposalFromTwoOpinionsGoesFromTheDeputyToTheUnitAndBack() throws Exception {
		long first = deputysOpinion(BrowserSupport.unique("村小学门前路段需要减速带"));
		long second = deputysOpinion(BrowserSupport.unique("村小学放学时段车辆多"));
		Api county = Api.as(port, "county");
		String firstCode = county.get("/api/v1/opinions/" + first).json().get("trackingCode").asString();
		long lead = Api.as(port, "department").get("/api/v1/me").json().get("departmentId").asLong();
		JsonNode co = county.get("/api/v1/departments?limit=500")
			.json()
			.get("items")
			.valueStream()
			.filter(d -> d.get("id").asLong() != lead && d.get("active").asBoolean())
			.findFirst()
			.orElseThrow();
		String title = BrowserSupport.unique("关于村小学门前交通安全的建议");

		// the deputy drafts it from the two opinions and submits it
		Page p = as("deputy");
		p.navigate(url("/proposals/new?opinionIds=" + first));
		assertThat(p.locator("input[name=opinionIds][value='" + first + "']")).isChecked();
		p.locator("#title").fill(title);
		p.locator("#content").fill("建议在村小学门前设置减速带和警示标志，上下学时段安排交通劝导。");
		p.locator("input[name=period][value=RECESS]").check();
		p.locator("input[name=publicConsent]").check();
		p.locator("input[name=opinionIds][value='" + second + "']").check();
		BrowserSupport.submit(p, p.locator("main form button[type=submit]"));
		assertThat(p).hasURL(Pattern.compile(".*/proposals/\\d+$"));
		String where = p.url().replaceFirst("^https?://[^/]+", "");
		assertThat(p.locator("h1")).hasText(title);
		assertThat(p.locator("#proposal-status")).hasText("草稿");
		assertThat(p.locator("#linked-opinions a")).hasCount(2);
		BrowserSupport.submit(p, p.locator("main form[action$='/submit'] button[type=submit]"));
		assertThat(p.locator("#proposal-status")).hasText("已提交");
		assertThat(p.locator("main form[action$='/submit']")).hasCount(0);

		// the county registers it and assigns it to a lead unit and a co-unit
		p = as("county");
		p.navigate(url(where));
		BrowserSupport.submit(p, p.locator("main form[action$='/register'] button[type=submit]"));
		assertThat(p.locator("#proposal-status")).hasText("已立案");
		assertThat(p.locator(".case-head .code")).containsText(Pattern.compile("\\d{4}-\\d{3}"));
		p.locator("#a-lead").selectOption(String.valueOf(lead));
		p.locator("#a-co").selectOption(co.get("id").asString());
		BrowserSupport.submit(p, p.locator("main form[action$='/assign'] button[type=submit]"));
		assertThat(p.locator("#proposal-status")).hasText("办理中");
		assertThat(p.locator("#units li")).hasCount(2);

		// the lead unit finds it in its list with its part and the deadline's colour,
		// and replies with a result class and the letter
		p = as("department");
		p.navigate(url("/proposals"));
		var row = p.locator("#proposal-list li").filter(new Locator.FilterOptions().setHasText(title));
		assertThat(row.locator(".badge").first()).hasText("主办");
		assertThat(row.locator(".dl-GREEN")).hasCount(1);
		p.navigate(url(where));
		p.locator("#y-class").selectOption("A");
		p.locator("#y-content").fill("已在村小学门前设置减速带两处和警示标志。");
		p.locator("#y-letter")
			.setInputFiles(new FilePayload("答复函.pdf", "application/pdf",
					"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes()));
		BrowserSupport.submit(p, p.locator("#reply-form button[type=submit]"));
		assertThat(p.locator("#proposal-status")).hasText("已答复");
		assertThat(p.locator("#reply")).containsText("已在村小学门前设置减速带两处");
		assertThat(p.locator("#reply a[href*='/attachments/']")).containsText("答复函.pdf");

		// the deputy evaluates the reply
		p = as("deputy");
		p.navigate(url(where));
		assertThat(p.locator("#reply")).containsText("A");
		p.locator("input[name=evaluation][value=SATISFIED]").check();
		BrowserSupport.submit(p, p.locator("#evaluate-form button[type=submit]"));
		assertThat(p.locator("#proposal-status")).hasText("已评价");
		assertThat(p.locator("#evaluation")).hasText("满意");

		// the detail page on a 360-px phone: no sideways scrolling
		context.close();
		context = BrowserSupport.newPhoneContext(browser, 360, 780);
		page = context.newPage();
		BrowserSupport.login(page, port, "deputy");
		page.navigate(url(where));
		assertNoHorizontalScroll(page, where);
		shot(page, "proposal-detail-360");
		page.navigate(url("/proposals"));
		assertNoHorizontalScroll(page, "/proposals");
		shot(page, "proposals-360");
		page.navigate(url("/proposals/new?opinionIds=" + first));
		assertNoHorizontalScroll(page, "/proposals/new");
		shot(page, "proposal-new-360");

		// the constituent's tracking page says it became a proposal (after the
		// listener, which runs after the commit)
		Page anyone = browser.newPage();
		try {
			// the public list has it, since the deputy agreed
			anyone.navigate(url("/public/proposals"));
			assertThat(anyone.locator("#public-proposals")).containsText(title);
			boolean shown = false;
			for (int i = 0; i < 40 && !shown; i++) {
				anyone.navigate(url("/public/opinions/" + firstCode));
				shown = anyone.locator("main").innerText().contains("已转为代表建议");
				if (!shown) {
					Thread.sleep(250);
				}
			}
			assertThat(shown).as("the tracking page of " + firstCode + " shows 已转为代表建议").isTrue();
		}
		finally {
			anyone.close();
		}
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "''", "?text=large", "?lang=en" })
	void thePublicListHasNoWcagViolationsOnAPhone(String query) {
		phone(360, 780);
		var response = page.navigate(url("/public/proposals" + query));
		assertThat(response.status()).isEqualTo(200);
		assertAxeClean(page, "/public/proposals" + query);
		assertNoHorizontalScroll(page, "/public/proposals" + query);
		shot(page, "public-proposals-360" + query.replaceAll("[^a-z]", "-"));
		var one = page.locator("#public-proposals a").first();
		if (one.count() > 0) {
			String href = one.getAttribute("href");
			page.navigate(url(href + query));
			assertAxeClean(page, href + query);
			assertNoHorizontalScroll(page, href + query);
			shot(page, "public-proposal-360" + query.replaceAll("[^a-z]", "-"));
		}
	}

	private static void assertAxeClean(Page page, String where) {
		AxeResults results = new AxeBuilder(page).withTags(WCAG_AA).analyze();
		assertThat(results.isErrored()).as("axe-core error: %s", results.getErrorMessage()).isFalse();
		List<Rule> violations = results.getViolations();
		assertThat(violations)
			.as(() -> "axe-core WCAG 2 A/AA violations on " + where + ":\n" + PublicPagesBrowserIT.describe(violations))
			.isEmpty();
	}

	private static void assertNoHorizontalScroll(Page page, String where) {
		List<?> w = (List<?>) page
			.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
		assertThat(((Number) w.get(0)).intValue()).as("scrollWidth of " + where)
			.isLessThanOrEqualTo(((Number) w.get(1)).intValue());
	}

	private static void shot(Page page, String name) {
		try {
			Files.createDirectories(SHOTS);
			page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		BrowserSupport.screenshot(page, name);
	}

}
