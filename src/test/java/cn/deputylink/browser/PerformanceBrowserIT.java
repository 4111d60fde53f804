package cn.deputylink.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Media;
import org.junit.jupiter.api.Test;

import cn.deputylink.support.Api;
import cn.deputylink.support.IntegrationTest;

/**
 * The performance file and the points pages on a 360-px phone: no sideways scrolling,
 * twelve month grids with a legend, the menu hidden when printing; screenshots under
 * /work/shots-perf (or {@code -Dperf.shots=}).
 */
@IntegrationTest
class PerformanceBrowserIT extends BrowserTest {

	private static final Path SHOTS = Paths.get(System.getProperty("perf.shots", "/work/shots-perf"));

	private static void noSidewaysScroll(Page p) {
		Object wider = p.evaluate("() => document.documentElement.scrollWidth > window.innerWidth + 1");
		assertThat(wider).isEqualTo(false);
	}

	private static void shot(Page p, String name) {
		p.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
	}

	@Test
	void theDeputysFileAndPointsOnA360PxPhone() {
		Page phone = phone(360, 780);
		BrowserSupport.login(phone, port, "deputy");
		phone.navigate(url("/performance"));
		assertThat(phone.locator("h1")).containsText("年度履职档案");
		assertThat(phone.locator(".perf-month")).hasCount(12);
		assertThat(phone.locator("#legend .legend-item")).hasCount(6);
		assertThat(phone.locator("#figures")).containsText("值班 出勤");
		assertThat(phone.locator("#pdf")).hasAttribute("href",
				Pattern.compile(".*/deputies/\\d+/performance\\.pdf\\?year=\\d{4}"));
		noSidewaysScroll(phone);
		shot(phone, "performance-deputy-360");
		phone.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.PRINT));
		assertThat(phone.locator(".mainnav")).isHidden();
		assertThat(phone.locator("#figures")).isVisible();
		phone.emulateMedia(new Page.EmulateMediaOptions().setMedia(Media.SCREEN));
		// a published quarter of its township shows its score and rank
		Api township = Api.as(port, "township");
		long own = township.get("/api/v1/me").json().get("townshipId").asLong();
		int status = township
			.post("/api/v1/points/publications", Api.json(Map.of("year", 2020, "quarter", 4, "townshipId", own)))
			.status();
		assertThat(status).isIn(201, 409);
		phone.navigate(url("/points?year=2020"));
		assertThat(phone.locator("h1")).hasText("我的积分");
		assertThat(phone.locator("#mine .rank")).containsText("名");
		noSidewaysScroll(phone);
		shot(phone, "points-deputy-360");
	}

	@Test
	void theTownshipsTableOnA360PxPhone() {
		Page phone = phone(360, 780);
		BrowserSupport.login(phone, port, "township");
		phone.navigate(url("/points"));
		assertThat(phone.locator("#live tbody tr").first()).isVisible();
		assertThat(phone.locator("#publish button")).isVisible();
		noSidewaysScroll(phone);
		shot(phone, "points-township-360");
		phone.navigate(url("/points/scheme"));
		noSidewaysScroll(phone);
		shot(phone, "points-scheme-township-360");
	}

}
