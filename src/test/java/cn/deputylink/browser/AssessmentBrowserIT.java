package cn.deputylink.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import cn.deputylink.support.IntegrationTest;

/**
 * The assessment of handling units on a 360-px phone: the county's table as cards without
 * sideways scrolling, a unit's breakdown, the formula form; the department handler's own
 * row under its own menu item. Screenshots also go to {@code /work/shots-assess} when it
 * exists.
 */
@IntegrationTest
class AssessmentBrowserIT extends BrowserTest {

	static final Path SHOTS = Paths.get("/work/shots-assess");

	void shot(Page p, String name) {
		BrowserSupport.screenshot(p, name);
		if (SHOTS.toFile().isDirectory()) {
			p.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
		}
	}

	static boolean noSidewaysScroll(Page p) {
		return (Boolean) p.evaluate("document.documentElement.scrollWidth <= window.innerWidth");
	}

	@Test
	void theCountysTableABreakdownAndTheFormulaOnAPhone() {
		Page p = phone(360, 780);
		BrowserSupport.login(p, port, "county");
		p.navigate(url("/assessment/units"));
		assertThat(p.locator("h1")).hasText("承办单位考核");
		Locator rows = p.locator("#units tbody tr");
		assertThat(rows.first()).isVisible();
		assertThat(rows.first().locator("td").nth(1)).hasAttribute("data-label", "承办单位");
		assertThat(rows.first().locator("td").nth(1).boundingBox().width).isGreaterThan(150);
		assertThat(noSidewaysScroll(p)).as("no sideways scroll on the table").isTrue();
		shot(p, "assessment-units-360");
		rows.first().locator("td").nth(1).locator("a").click();
		assertThat(p.locator("#criteria")).isVisible();
		assertThat(noSidewaysScroll(p)).as("no sideways scroll on the breakdown").isTrue();
		shot(p, "assessment-unit-360");
		p.navigate(url("/assessment/formula"));
		// marks out of order (the browser's own checks pass: the server refuses it)
		p.locator("#passMark").fill("90");
		p.locator("#excellentMark").fill("80");
		BrowserSupport.submit(p, p.locator("#formula-form button[type=submit]"));
		assertThat(p.locator("#excellentMark-error")).hasText("优秀分须高于合格分");
		assertThat(noSidewaysScroll(p)).as("no sideways scroll on the formula").isTrue();
		shot(p, "assessment-formula-refused-360");
	}

	@Test
	void theDepartmentSeesItsOwnRow() {
		Page p = phone(360, 780);
		BrowserSupport.login(p, port, "department");
		p.navigate(url("/assessment/units"));
		assertThat(p.locator("h1")).hasText("本单位考核");
		assertThat(p.locator(".menu-toggle")).containsText("本单位考核");
		assertThat(p.locator("#units tbody tr")).hasCount(1);
		assertThat(noSidewaysScroll(p)).isTrue();
		shot(p, "assessment-department-360");
	}

}
