package cn.deputylink.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.deputylink.support.Api;
import cn.deputylink.support.IntegrationTest;

/**
 * The routing table's department picker follows the category, tier and township chosen.
 */
@IntegrationTest
class RoutingBrowserIT extends BrowserTest {

	@Test
	void thePickerOffersOnlyTheDepartmentsThatFitTheCell() {
		long government = Api.as(port, "department").get("/api/v1/me").json().get("departmentId").asLong();
		long township = Api.as(port, "township").get("/api/v1/me").json().get("townshipId").asLong();
		BrowserSupport.login(page, port, "county");
		page.navigate(url("/admin/routing"));
		// nothing chosen yet: nothing to pick; each choice replaces the answer to the one
		// before (hx-sync)
		assertThat(page.locator("#n-dept option")).hasCount(1);
		page.locator("#n-category").selectOption("RURAL_INFRASTRUCTURE");
		page.locator("#n-tier").selectOption("TOWNSHIP");
		page.locator("#n-township").selectOption(String.valueOf(township));
		assertThat(page.locator("#n-dept option[value='" + government + "']")).hasCount(1);
		// at the county tier the township's government is no choice
		page.locator("#n-tier").selectOption("COUNTY");
		assertThat(page.locator("#n-dept option[value='" + government + "']")).hasCount(0);
		assertThat(page.locator("#n-dept option")).not().hasCount(1);
	}

}
