package cn.deputylink.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;

import cn.deputylink.support.Images;
import cn.deputylink.support.IntegrationTest;

/**
 * A deputy on a narrow phone (360 px) reports an activity with a photo; the liaison
 * officer, also on a phone, approves it in the review queue with the bulk checkboxes; the
 * deputy then sees it approved among its activities. Screenshots of the report form, the
 * queue and "my activities" go to {@link BrowserSupport#SCREENSHOTS}.
 */
@IntegrationTest
class ActivityBrowserIT extends BrowserTest {

	private static boolean fits(Page p) {
		return (Boolean) p.evaluate("document.documentElement.scrollWidth <= window.innerWidth");
	}

	@Test
	void aDeputyReportsFromAPhoneAndTheLiaisonApprovesIt() {
		String title = BrowserSupport.unique("手机报告走访");
		Page deputy = phone(360, 780);
		BrowserSupport.login(deputy, port, "deputy");
		deputy.navigate(url("/activities/new"));
		assertThat(deputy.locator("#photos")).hasAttribute("capture", "environment");
		BrowserSupport.screenshot(deputy, "activity-report-360");
		assertThat(fits(deputy)).as("the report form fits 360 px").isTrue();
		deputy.locator("#type").selectOption("PRACTICAL_DEED");
		deputy.locator("#title").fill(title);
		deputy.locator("#constituentsReceived").fill("8");
		deputy.locator("#note").fill("帮村里修好了路灯");
		deputy.locator("#photos").setInputFiles(new FilePayload("现场.png", "image/png", Images.png()));
		BrowserSupport.submit(deputy, deputy.locator("#activity-form button[type=submit]"));
		Matcher m = Pattern.compile("/activities/(\\d+)$").matcher(deputy.url());
		assertThat(m.find()).as(deputy.url()).isTrue();
		String id = m.group(1);
		assertThat(deputy.locator("#status")).hasText("待审核");
		assertThat(deputy.locator("ul.photos img")).hasCount(1);
		assertThat(fits(deputy)).isTrue();

		BrowserContext staff = BrowserSupport.newPhoneContext(browser, 360, 780);
		try {
			Page liaison = staff.newPage();
			BrowserSupport.login(liaison, port, "liaison");
			liaison.navigate(url("/activities/review"));
			Locator item = liaison.locator("#queue li[data-id='" + id + "']");
			assertThat(item).containsText(title);
			BrowserSupport.screenshot(liaison, "activity-review-360");
			assertThat(fits(liaison)).as("the review queue fits 360 px").isTrue();
			item.locator("input[name=ids]").check();
			BrowserSupport.submit(liaison, liaison.locator("#approve-selected"));
			assertThat(liaison.locator(".flash")).containsText("已通过 1 项");
			assertThat(liaison.locator("#queue li[data-id='" + id + "']")).hasCount(0);
		}
		finally {
			staff.close();
		}

		deputy.navigate(url("/activities"));
		Locator mine = deputy.locator("#activities li").filter(new Locator.FilterOptions().setHasText(title));
		assertThat(mine.locator(".badge")).hasText("已通过");
		BrowserSupport.screenshot(deputy, "activity-mine-360");
		assertThat(fits(deputy)).isTrue();
		deputy.navigate(url("/activities/" + id));
		assertThat(deputy.locator("#edit")).hasCount(0);
		BrowserSupport.screenshot(deputy, "activity-detail-360");
	}

}
