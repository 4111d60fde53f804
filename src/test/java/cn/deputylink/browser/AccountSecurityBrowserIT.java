package cn.deputylink.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import cn.deputylink.account.Accounts;
import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.account.internal.Totp;
import cn.deputylink.support.IntegrationTest;

/** The second factor on the login form, and "my sessions" on a 360-px phone. */
@IntegrationTest
class AccountSecurityBrowserIT extends BrowserTest {

	@Autowired
	Accounts accounts;

	private String enrolTotp(String username) {
		var a = accounts.findByUsername(username).orElseThrow();
		String secret = Totp.newSecret();
		accounts.enableTotp(new CurrentUser(a.id(), username, a.displayName(), Role.COUNTY_ADMIN, null, null, null,
				null, false, false, null, true, false), secret, Totp.code(secret, step() - 1));
		return secret;
	}

	private static long step() {
		return Instant.now().getEpochSecond() / 30;
	}

	private void submitLogin(Page p, String username, String code) {
		p.navigate(url("/login"));
		p.locator("#username").fill(username);
		p.locator("#password").fill(BrowserSupport.FRESH_PASSWORD);
		p.locator("#code").fill(code);
		BrowserSupport.submit(p, p.locator("main form button[type=submit]"));
	}

	@Test
	void theLoginFormLetsInOnlyWithTheRightSecondFactorCode() {
		String username = BrowserSupport.freshCountyAdmin(port, "双因素测试");
		String secret = enrolTotp(username);

		submitLogin(page, username, "");
		assertThat(page).hasURL(Pattern.compile(".*/login\\?code$"));
		assertThat(page.locator("main .flash[role=status]")).containsText("6 位动态验证码");
		assertThat(page.locator(".topbar .me")).hasCount(0);

		submitLogin(page, username, Totp.code(secret, step()).equals("000000") ? "000001" : "000000");
		assertThat(page).hasURL(Pattern.compile(".*/login\\?error$"));
		assertThat(page.locator(".topbar .me")).hasCount(0);

		submitLogin(page, username, Totp.code(secret, step()));
		page.waitForURL(Pattern.compile(".*/dashboard$"));
		assertThat(page.locator(".topbar .me")).hasText("双因素测试");
	}

	@Test
	void mySessionsOnA360PxPhoneEndsTheOtherSession() {
		String username = BrowserSupport.freshCountyAdmin(port, "会话测试");
		// the desktop session
		BrowserSupport.login(page, port, username, BrowserSupport.FRESH_PASSWORD);

		try (BrowserContext phoneContext = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
			.setTimezoneId("Asia/Shanghai")
			.setViewportSize(360, 740)
			.setIsMobile(true)
			.setHasTouch(true))) {
			Page phone = phoneContext.newPage();
			BrowserSupport.login(phone, port, username, BrowserSupport.FRESH_PASSWORD);
			phone.navigate(url("/account/password"));
			BrowserSupport.submit(phone, phone.locator(".account-links a[href='/account/sessions']"));
			assertThat(phone).hasURL(Pattern.compile(".*/account/sessions$"));
			assertThat(phone.locator("h1")).hasText("我的登录会话");
			assertThat(phone.locator(".session-list li.session")).hasCount(2);
			assertThat(phone.locator(".session-list li.current")).hasCount(1);
			assertNoHorizontalScroll(phone);
			BrowserSupport.screenshot(phone, "account-sessions-360");

			phone.onDialog(d -> d.accept());
			BrowserSupport.submit(phone, phone.locator(".session-list li.session:not(.current) button[type=submit]"));
			assertThat(phone.locator("main .flash[role=status]")).hasText("会话已结束");
			assertThat(phone.locator(".session-list li.session")).hasCount(1);

			page.navigate(url("/dashboard"));
			assertThat(page).hasURL(Pattern.compile(".*/login$"));

			phone.navigate(url("/account/sessions?lang=en"));
			assertThat(phone.locator("h1")).hasText("My sessions");
			assertNoHorizontalScroll(phone);
			phone.navigate(url("/account/totp?lang=zh"));
			assertNoHorizontalScroll(phone);
			BrowserSupport.screenshot(phone, "account-totp-360");
		}
	}

	private static void assertNoHorizontalScroll(Page p) {
		@SuppressWarnings("unchecked")
		List<Object> w = (List<Object>) p
			.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
		assertThat(((Number) w.get(0)).intValue()).isLessThanOrEqualTo(((Number) w.get(1)).intValue());
	}

}
