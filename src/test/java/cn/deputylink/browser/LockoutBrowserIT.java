package cn.deputylink.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;


import cn.deputylink.support.Api;
import cn.deputylink.support.IntegrationTest;

/** Five failed logins lock an account: then even the right password is refused. */
@IntegrationTest
class LockoutBrowserIT extends BrowserTest {

	@Test
	void fiveFailuresLockTheAccountAgainstEvenTheRightPassword() {
		// never a demo account: this one stays locked for 30 minutes
		String username = BrowserSupport.freshCountyAdmin(port, "锁定测试");

		for (int i = 1; i <= 5; i++) {
			BrowserSupport.submitLogin(page, port, username, "Wrong#2026-" + i);
			assertThat(page).hasURL(Pattern.compile(".*/login\\?error$"));
			assertThat(page.locator("main .errors[role=alert]")).hasText("用户名、密码或验证码错误");
		}

		BrowserSupport.submitLogin(page, port, username, BrowserSupport.FRESH_PASSWORD);

		assertThat(page).hasURL(Pattern.compile(".*/login\\?locked$"));
		assertThat(page.locator("main .errors[role=alert]")).hasText("连续登录失败次数过多，账号已锁定 30 分钟");
		assertThat(page.locator(".topbar .me")).hasCount(0);
		page.navigate(BrowserSupport.base(port) + "/dashboard");
		assertThat(page).hasURL(Pattern.compile(".*/login$"));
		// the API refuses the locked account too
		var token = Api.anonymous(port)
			.post("/api/v1/auth/token",
					Api.json(Map.of("username", username, "password", BrowserSupport.FRESH_PASSWORD)));
		assertThat(token.status()).isEqualTo(423);
	}

	@Test
	void theLockedMessageSpeaksTheUsersLanguage() {
		page.navigate(BrowserSupport.base(port) + "/login?locked&lang=en");

		assertThat(page.locator("main .errors[role=alert]"))
			.hasText("Too many failed sign-ins: the account is locked for 30 minutes");
		assertThat(page.locator("html")).hasAttribute("lang", "en");
	}
}
