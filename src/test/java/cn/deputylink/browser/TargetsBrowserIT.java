package cn.deputylink.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import com.microsoft.playwright.Page;

import cn.deputylink.statistics.StatisticsRecords;
import cn.deputylink.support.IntegrationTest;

/**
 * The township ranking and a township's items on a 360-px phone, as cards without
 * sideways scrolling (the statistics module's figures stubbed until it lands).
 * Screenshots also go to {@code /work/shots-std} when it exists.
 */
@IntegrationTest
class TargetsBrowserIT extends BrowserTest {

	static final Path SHOTS = Paths.get("/work/shots-std");

	@MockitoBean
	StatisticsRecords statistics;

	void shot(Page p, String name) {
		BrowserSupport.screenshot(p, name);
		if (SHOTS.toFile().isDirectory()) {
			p.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
		}
	}

	@Test
	void theRankingAndATownshipOnAPhone() {
		when(statistics.indicatorsByTownship(any())).thenReturn(Map.of());
		when(statistics.byTownship(any())).thenReturn(Map.of());
		Page p = phone(360, 780);
		BrowserSupport.login(p, port, "county");
		p.navigate(url("/targets"));
		assertThat(p.locator("#ranking tbody tr").first()).isVisible();
		assertThat((Boolean) p.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
		shot(p, "targets-ranking-360");
		p.locator("#ranking tbody tr").first().locator("a").click();
		assertThat(p.locator("#items")).isVisible();
		assertThat((Boolean) p.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
		shot(p, "targets-township-360");
	}

}
