package cn.deputylink.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;

import org.junit.jupiter.api.Test;
import com.microsoft.playwright.Page;

import cn.deputylink.support.IntegrationTest;

/**
 * The township ranking, a township's items with the manual item's score and evidence
 * forms, and the rules with their edit forms on a 360-px phone, as cards without sideways
 * scrolling. Screenshots also go to {@code /work/shots-std} when it exists.
 */
@IntegrationTest
class TargetsBrowserIT extends BrowserTest {

	static final Path SHOTS = Paths.get("/work/shots-std");

	void shot(Page p, String name) {
		BrowserSupport.screenshot(p, name);
		if (SHOTS.toFile().isDirectory()) {
			p.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
		}
	}

	@Test
	void theRankingAndATownshipOnAPhone() {
		Page p = phone(360, 780);
		BrowserSupport.login(p, port, "county");
		p.navigate(url("/targets"));
		assertThat(p.locator("#ranking tbody tr").first()).isVisible();
		assertThat((Boolean) p.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
		shot(p, "targets-ranking-360");
		p.locator("#ranking tbody tr").first().locator("a").click();
		assertThat(p.locator("#items")).isVisible();
		assertThat((Boolean) p.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
		assertThat(p.locator(".manual-form")).isVisible();
		assertThat(p.locator(".evidence-form").first()).isVisible();
		shot(p, "targets-township-360");
		p.navigate(url("/targets/rules"));
		assertThat(p.locator("#marks-form")).isVisible();
		assertThat((Boolean) p.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
		shot(p, "targets-rules-360");
	}

}
