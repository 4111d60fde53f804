package cn.deputylink.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * The life of every browser test: one Chromium per test class, a fresh desktop context
 * and page per test. Skipped, not failed, unless the build asks for browser tests
 * ({@code -Dbrowser.tests=true}), so a machine without Chromium still runs the rest of
 * the suite.
 */
abstract class BrowserTest {

	private static Playwright playwright;

	static Browser browser;

	@LocalServerPort
	int port;

	BrowserContext context;

	Page page;

	@BeforeAll
	static void launch() {
		Assumptions.assumeTrue(Boolean.getBoolean("deputylink.browser-tests"),
				"browser tests need -Dbrowser.tests=true");
		playwright = Playwright.create();
		browser = BrowserSupport.launch(playwright);
	}

	@AfterAll
	static void shutDown() {
		if (playwright != null) {
			playwright.close();
			playwright = null;
		}
	}

	@BeforeEach
	void openPage() {
		context = BrowserSupport.newContext(browser);
		page = context.newPage();
	}

	@AfterEach
	void closeContext() {
		if (context != null) {
			context.close();
		}
	}

	/**
	 * Swaps the desktop context for a phone one (390×844, touch) and returns its page.
	 */
	Page phone() {
		return phone(390, 844);
	}

	/**
	 * Swaps the desktop context for a phone one of that size (touch) and returns its
	 * page.
	 */
	Page phone(int width, int height) {
		context.close();
		context = BrowserSupport.newPhoneContext(browser, width, height);
		page = context.newPage();
		return page;
	}

	String url(String path) {
		return BrowserSupport.base(port) + path;
	}

}
