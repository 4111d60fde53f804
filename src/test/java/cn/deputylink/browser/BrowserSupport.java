package cn.deputylink.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;

import cn.deputylink.support.Api;

/**
 * What the browser tests share: launching the system Chromium (Playwright may not
 * download browsers here), a fresh context per test, signing in through the login form,
 * and throwaway accounts.
 */
final class BrowserSupport {

	static final Path CHROMIUM = Paths.get(System.getProperty("deputylink.chromium", "/usr/bin/chromium"));

	/**
	 * Where screenshots go, for people to look at; not under target/, so a clean build
	 * keeps them.
	 */
	static final Path SCREENSHOTS = Paths.get("/tmp/screenshots");

	/** A password that satisfies the policy and contains no test username. */
	static final String FRESH_PASSWORD = "Brwsr#2026kq";

	private BrowserSupport() {
	}

	static Browser launch(Playwright playwright) {
		return playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update")));
	}

	/**
	 * A desktop context (1280×800, Chinese); short timeouts so that a failure is quick.
	 */
	static BrowserContext newContext(Browser browser) {
		return configure(browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
			.setTimezoneId("Asia/Shanghai")
			.setViewportSize(1280, 800)));
	}

	/** A phone context: 390×844 CSS pixels, touch, as an iPhone 12–15 shows pages. */
	static BrowserContext newPhoneContext(Browser browser) {
		return newPhoneContext(browser, 390, 844);
	}

	/**
	 * A phone context of that size in CSS pixels (360×780: the narrow Android phones many
	 * clerks carry).
	 */
	static BrowserContext newPhoneContext(Browser browser, int width, int height) {
		return configure(browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN")
			.setTimezoneId("Asia/Shanghai")
			.setViewportSize(width, height)
			.setDeviceScaleFactor(3)
			.setIsMobile(true)
			.setHasTouch(true)));
	}

	private static BrowserContext configure(BrowserContext context) {
		context.setDefaultTimeout(15_000);
		context.setDefaultNavigationTimeout(30_000);
		return context;
	}

	static String base(int port) {
		return "http://localhost:" + port;
	}

	static String unique(String prefix) {
		return prefix + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
	}

	/** Fills and submits the login form; the caller checks where it lands. */
	static void submitLogin(Page page, int port, String username, String password) {
		page.navigate(base(port) + "/login");
		page.locator("#username").fill(username);
		page.locator("#password").fill(password);
		submit(page, page.locator("main form button[type=submit]"));
	}

	/**
	 * Clicks a form's submit button and waits until the page it leads to (after any
	 * redirect) has loaded, so that nothing is asserted against the page the form was on.
	 */
	@SuppressWarnings("deprecation")
	static Response submit(Page page, Locator button) {
		return page.waitForNavigation(button::click);
	}

	/** Signs in through the form and waits for the dashboard. */
	static void login(Page page, int port, String username, String password) {
		submitLogin(page, port, username, password);
		page.waitForURL(Pattern.compile(".*/dashboard$"));
	}

	static void login(Page page, int port, String demoUser) {
		login(page, port, demoUser, Api.DEMO_PASSWORD);
	}

	/**
	 * A new county admin with {@link #FRESH_PASSWORD}, created through the API by the
	 * demo county admin.
	 */
	static String freshCountyAdmin(int port, String displayName) {
		String username = unique("brw");
		var r = Api.as(port, "county")
			.post("/api/v1/users", Api.json(Map.of("username", username, "password", FRESH_PASSWORD, "displayName",
					displayName, "role", "COUNTY_ADMIN")));
		if (r.status() != 201) {
			throw new AssertionError("creating user " + username + " gave " + r.status() + ": " + r.body());
		}
		return username;
	}

	static Path screenshot(Page page, String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Path file = SCREENSHOTS.resolve(name + ".png");
		// a long page at a phone's width takes a while on a busy two-core machine: more
		// than Playwright's default of the page's timeout
		page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true).setTimeout(60_000));
		return file;
	}

}
