package cn.deputylink.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import cn.deputylink.support.IntegrationTest;

/** Signing in and out through the login form. */
@IntegrationTest
class LoginBrowserIT extends BrowserTest {

	@Test
	void theRightPasswordLeadsToTheDashboardWithTheUsersName() {
		BrowserSupport.login(page, port, "county");

		assertThat(page.locator("h1")).hasText("县人大常委会联工委，您好");
		assertThat(page.locator(".topbar .me")).hasText("县人大常委会联工委");
		assertThat(page.locator(".mainnav")).isVisible();
		assertThat(page).hasTitle(Pattern.compile("工作台"));
	}

	@Test
	void aWrongPasswordShowsTheErrorAndStaysOnTheLoginPage() {
		// a throwaway account, so that the failure counts against nobody else's lockout
		String username = BrowserSupport.freshCountyAdmin(port, "错密码测试");

		BrowserSupport.submitLogin(page, port, username, "Wrong#2026pw");

		assertThat(page).hasURL(Pattern.compile(".*/login\\?error$"));
		assertThat(page.locator("main .errors[role=alert]")).hasText("用户名、密码或验证码错误");
		assertThat(page.locator("#username")).hasValue(username);
		assertThat(page.locator("#password")).hasValue("");
		assertThat(page.locator(".topbar .me")).hasCount(0);
		// not signed in: the dashboard sends the browser back to the form
		page.navigate(BrowserSupport.base(port) + "/dashboard");
		assertThat(page).hasURL(Pattern.compile(".*/login$"));
	}

	@Test
	void loggingOutEndsTheSession() {
		BrowserSupport.login(page, port, "deputy");
		assertThat(page.locator(".topbar .me")).isVisible();

		page.locator(".topbar form.inline button[type=submit]").click();
		page.waitForURL(Pattern.compile(".*/login\\?logout$"));

		assertThat(page.locator("main .flash[role=status]")).hasText("您已安全退出");
		assertThat(page.locator(".topbar .me")).hasCount(0);
		var dashboard = page.navigate(BrowserSupport.base(port) + "/dashboard");
		assertThat(dashboard.ok()).isTrue();
		assertThat(page).hasURL(Pattern.compile(".*/login$"));
		assertThat(page.locator("#username")).isVisible();
	}

}
