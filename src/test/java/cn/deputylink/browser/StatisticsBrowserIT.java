package cn.deputylink.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Paths;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import cn.deputylink.support.IntegrationTest;

/**
 * The statistics dashboard on the demo county (needs the statistics module's facade,
 * wt/stats): a headline figure equals the number of records its drill-down lists; a
 * 360-px screenshot under target/ without sideways scrolling.
 */
@IntegrationTest
class StatisticsBrowserIT extends BrowserTest {

	@Test
	void aHeadlineFigureDrillsDownToAsManyRecords() {
		Page p = phone(360, 780);
		BrowserSupport.login(p, port, "county");
		p.navigate(url("/statistics?quick=all"));
		assertThat(p.locator("#headline .tile")).hasCount(6);
		p.screenshot(new Page.ScreenshotOptions().setPath(Paths.get("target/statistics-360.png")).setFullPage(true));
		// all time on a phone: the month and breakdown tables stay grids that scroll
		// sideways, not a card per row (was 36,000 px tall)
		// (a row of a figure table one line high, not a card of six lines)
		Number tall = (Number) p.evaluate("() => document.documentElement.scrollHeight");
		Number rows = (Number) p.evaluate("() => document.querySelectorAll('.stats-table tbody tr').length");
		assertThat(p.locator("#trend tbody tr").first().evaluate("e => getComputedStyle(e).display"))
			.isEqualTo("table-row");
		assertThat(tall.intValue()).isLessThan(3000 + 50 * rows.intValue());
		Object wider = p.evaluate("() => document.documentElement.scrollWidth > window.innerWidth + 1");
		assertThat(wider).isEqualTo(false);
		long resolved = Long.parseLong(p.locator("#tile-RESOLVED .tile-value").textContent().strip());
		p.locator("#tile-RESOLVED").click();
		p.waitForURL("**/statistics/opinions**");
		p.waitForLoadState();
		long listed = p.locator("#records tbody tr").count();
		while (p.locator("a[rel=next]").count() > 0) {
			String next = p.locator("a[rel=next]").first().getAttribute("href");
			p.navigate(next.startsWith("http") ? next : url(next));
			listed += p.locator("#records tbody tr").count();
		}
		assertThat(listed).isEqualTo(resolved);
	}

}
