package cn.deputylink.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.deputylink.demo.DemoStatus;
import cn.deputylink.demo.internal.TestPreparation;
import cn.deputylink.support.IntegrationTest;

/**
 * The sign-in page on a 360-px phone while the demo's work is still being written: the
 * banner says so (and passes axe-core), polls the status fragment, and turns into "ready,
 * reload" by itself once the work is there. The preparation is the application's own,
 * started here with work that waits for the test.
 */
@IntegrationTest
class DemoPreparationBrowserIT extends BrowserTest {

	@Autowired
	DemoStatus status;

	@Test
	void theBannerFollowsThePreparation() {
		CountDownLatch release = new CountDownLatch(1);
		TestPreparation.start(status, () -> {
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		BrowserContext phone = BrowserSupport.newPhoneContext(browser, 360, 780);
		try {
			Page p = phone.newPage();
			p.navigate(BrowserSupport.base(port) + "/login");
			Locator banner = p.locator("#demo-preparation");
			assertThat(banner).containsText("正在后台生成");
			assertThat(p.locator("#demo-preparation [hx-get]")).hasCount(1);
			BrowserSupport.screenshot(p, "demo-preparing-360");
			int width = ((Number) p.evaluate("document.documentElement.scrollWidth")).intValue();
			assertThat(width).as("no sideways scrolling on a 360-px phone").isLessThanOrEqualTo(360);
			AxeResults axe = new AxeBuilder(p).withTags(List.of("wcag2a", "wcag2aa")).analyze();
			assertThat(axe.getViolations()).as(() -> PublicPagesBrowserIT.describe(axe.getViolations())).isEmpty();

			release.countDown();
			// the banner polls every 3 s
			assertThat(banner).containsText("演示数据已生成", new LocatorAssertions.ContainsTextOptions().setTimeout(10_000));
			assertThat(p.locator("#demo-preparation [hx-get]")).hasCount(0);
		}
		finally {
			release.countDown();
			phone.close();
		}
	}

}
