package cn.deputylink.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import cn.deputylink.support.Api;
import cn.deputylink.support.IntegrationTest;

/**
 * The pages anyone can open: WCAG 2 A/AA by axe-core in both languages and in large-text
 * mode, the login form on a phone, and screenshots for people to look at
 * ({@code /tmp/screenshots}).
 */
@IntegrationTest
class PublicPagesBrowserIT extends BrowserTest {

	private static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa");

	/**
	 * One line per rule and a line per offending element: rule id, impact, selector, what
	 * axe says.
	 */
	static String describe(List<Rule> violations) {
		return violations.stream().map(v -> {
			String nodes = v.getNodes()
				.stream()
				.map(n -> "    at " + n.getTarget() + "\n      " + n.getHtml() + "\n      "
						+ summary(n).replace("\n", "\n      "))
				.collect(Collectors.joining("\n"));
			return "- " + v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " " + v.getHelpUrl() + "\n" + nodes;
		}).collect(Collectors.joining("\n"));
	}

	private static String summary(CheckedNode n) {
		return n.getFailureSummary() == null ? "" : n.getFailureSummary();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "/", "/?lang=en", "/?text=large", "/login", "/login?lang=en", "/login?text=large", "/login?error",
			"/login?error&lang=en&text=large" })
	void noWcagViolations(String path) {
		var response = page.navigate(url(path));
		assertThat(response.status()).isEqualTo(200);
		if (path.contains("lang=en")) {
			assertThat(page.locator("html")).hasAttribute("lang", "en");
		}
		else {
			assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
		}
		if (path.contains("text=large")) {
			assertThat(page.locator("html")).hasClass(Pattern.compile("(^|\\s)large-text(\\s|$)"));
		}

		AxeResults results = new AxeBuilder(page).withTags(WCAG_AA).analyze();

		assertThat(results.isErrored()).as("axe-core error: %s", results.getErrorMessage()).isFalse();
		List<Rule> violations = results.getViolations();
		if (!violations.isEmpty()) {
			System.out.println("axe-core, " + path + ":\n" + describe(violations));
		}
		assertThat(violations).as(() -> "axe-core WCAG 2 A/AA violations on " + path + ":\n" + describe(violations))
			.isEmpty();
	}

	/**
	 * The stations' public pages with their published duty days: the list, then the first
	 * station's page, in both languages and in large-text mode, and on a phone.
	 */
	@ParameterizedTest(name = "{0}")
	@CsvSource({ "''", "?lang=en", "?text=large" })
	void theStationsPagesHaveNoWcagViolations(String query) {
		phone();
		page.navigate(url("/public/stations" + query));
		assertAxeClean(page, "/public/stations" + query);
		assertNoHorizontalScroll(page, "/public/stations" + query);
		String station = page.locator("main a[href^='/public/stations/']").first().getAttribute("href");
		var response = page.navigate(url(station + query));
		assertThat(response.status()).isEqualTo(200);
		// the published days with the deputies on duty
		assertThat(page.locator("#public-days li").count()).isPositive();
		assertAxeClean(page, station + query);
		assertNoHorizontalScroll(page, station + query);
		assertThat(BrowserSupport.screenshot(page, "public-station-360" + query.replaceAll("[^a-z]", "-")))
			.isNotEmptyFile();
	}

	private static void assertAxeClean(Page page, String where) {
		AxeResults results = new AxeBuilder(page).withTags(WCAG_AA).analyze();
		assertThat(results.isErrored()).as("axe-core error: %s", results.getErrorMessage()).isFalse();
		List<Rule> violations = results.getViolations();
		assertThat(violations).as(() -> "axe-core WCAG 2 A/AA violations on " + where + ":\n" + describe(violations))
			.isEmpty();
	}

	@SuppressWarnings("deprecation")
	@ParameterizedTest(name = "{0}")
	@CsvSource({ "/login", "/login?text=large", "/login?lang=en&text=large" })
	void theLoginFormIsUsableOnAPhone(String path) {
		phone();
		page.navigate(url(path));

		for (String field : List.of("#username", "#password", "#code")) {
			Locator input = page.locator(field);
			assertThat(input).isVisible();
			assertThat(input).isEditable();
			// not squeezed: the field takes most of the phone's width
			assertThat(input.boundingBox().width).as(field + " width").isGreaterThan(250);
			assertThat(input.boundingBox().x).as(field + " left edge").isGreaterThanOrEqualTo(0);
			assertThat(input.boundingBox().x + input.boundingBox().width).as(field + " right edge")
				.isLessThanOrEqualTo(390);
		}
		Locator submit = page.locator("main form button[type=submit]");
		assertThat(submit).isVisible();
		// large enough to tap (WCAG 2.5.8: 24×24 CSS pixels at least)
		assertThat(submit.boundingBox().height).isGreaterThanOrEqualTo(24);
		assertThat(submit.boundingBox().width).isGreaterThanOrEqualTo(24);
		assertNoHorizontalScroll(page, path);

		page.locator("#username").tap();
		page.keyboard().type("deputy");
		page.locator("#password").tap();
		page.keyboard().type(Api.DEMO_PASSWORD);
		page.waitForNavigation(() -> submit.tap());
		page.waitForURL(Pattern.compile(".*/dashboard$"));
		assertThat(page.locator("main h1")).isVisible();
		assertNoHorizontalScroll(page, "/dashboard after " + path);
	}

	private static void assertNoHorizontalScroll(Page page, String where) {
		Object widths = page
			.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
		List<?> w = (List<?>) widths;
		int scrollWidth = ((Number) w.get(0)).intValue();
		int clientWidth = ((Number) w.get(1)).intValue();
		assertThat(scrollWidth).as("scrollWidth of " + where + " (clientWidth " + clientWidth + ")")
			.isLessThanOrEqualTo(clientWidth);
	}

	@Test
	void screenshotsOfTheLoginPageAndTheDashboard() {
		page.navigate(url("/login"));
		assertThat(page.locator("#username")).isVisible();
		assertThat(BrowserSupport.screenshot(page, "login-desktop")).exists().isNotEmptyFile();

		BrowserSupport.login(page, port, "county");
		assertThat(page.locator(".grid .card").first()).isVisible();
		assertThat(BrowserSupport.screenshot(page, "dashboard-desktop")).exists().isNotEmptyFile();

		Page mobile = phone();
		mobile.navigate(url("/login"));
		assertThat(mobile.locator("#username")).isVisible();
		assertThat(BrowserSupport.screenshot(mobile, "login-phone")).exists().isNotEmptyFile();
		mobile.navigate(url("/login?text=large"));
		assertThat(BrowserSupport.screenshot(mobile, "login-phone-large-text")).exists().isNotEmptyFile();
	}

}
