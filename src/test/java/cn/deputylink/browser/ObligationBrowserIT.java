package cn.deputylink.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

import cn.deputylink.support.IntegrationTest;

/**
 * The deputy's "三个一" page and the compliance page on a 360-px phone: no sideways
 * scrolling, the quarters' states shown; screenshots under /tmp/screenshots.
 */
@IntegrationTest
class ObligationBrowserIT extends BrowserTest {

	private static void noSidewaysScroll(Page p) {
		Object wider = p.evaluate("() => document.documentElement.scrollWidth > window.innerWidth + 1");
		assertThat(wider).isEqualTo(false);
	}

	@Test
	void theDeputysPageOnA360PxPhone() {
		Page phone = phone(360, 780);
		BrowserSupport.login(phone, port, "deputy");
		phone.navigate(url("/obligations/me"));
		assertThat(phone.locator("h1")).hasText("我的“三个一”");
		assertThat(phone.locator("#quarters li")).hasCount(4);
		assertThat(phone.locator("#deed")).hasAttribute("data-state", "MET");
		assertThat(phone.locator("#aid .ob-state")).not().hasText("已完成");
		noSidewaysScroll(phone);
		Path shot = BrowserSupport.screenshot(phone, "obligations-deputy-360");
		assertThat(Files.exists(shot)).isTrue();
		phone.navigate(url("/obligations/me?lang=en"));
		assertThat(phone.locator("h1")).hasText("My three duties");
		noSidewaysScroll(phone);
		BrowserSupport.screenshot(phone, "obligations-deputy-360-en");
	}

	@Test
	void theCompliancePageOnA360PxPhone() {
		Page phone = phone(360, 780);
		BrowserSupport.login(phone, port, "township");
		phone.navigate(url("/obligations/compliance"));
		assertThat(phone.locator("h1")).hasText("“三个一”履职情况");
		assertThat(phone.locator("#compliance tbody tr").first()).isVisible();
		noSidewaysScroll(phone);
		BrowserSupport.screenshot(phone, "obligations-compliance-360");
		// the first screen of it, as the phone shows it
		phone.screenshot(new Page.ScreenshotOptions()
			.setPath(BrowserSupport.SCREENSHOTS.resolve("obligations-compliance-360-screen.png")));
		phone.navigate(url("/households"));
		noSidewaysScroll(phone);
		BrowserSupport.screenshot(phone, "households-360");
	}

}
