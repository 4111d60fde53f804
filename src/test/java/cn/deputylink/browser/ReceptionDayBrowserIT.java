package cn.deputylink.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;

import cn.deputylink.support.Api;
import cn.deputylink.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * The liaison officer's reception day on a 360-px phone: the month grid, the day, the
 * attendance (one deputy replaced by a substitute), the constituents received and one
 * opinion, saved, and the day shown held; then the deputy's own duty page. Screenshots of
 * the month grid, the reception form and the deputy's page.
 */
@IntegrationTest
class ReceptionDayBrowserIT extends BrowserTest {

	@Test
	void theLiaisonRecordsAReceptionDayOnAPhone() {
		Api api = Api.as(port, "liaison");
		long station = api.get("/api/v1/me").json().get("stationId").asLong();
		JsonNode day = api
			.post("/api/v1/stations/" + station + "/duty-plan",
					Api.json(Map.of("year", 2024, "month", 10, "days", List.of("2024-10-16"))))
			.json()
			.get("items")
			.get(0);
		long id = day.get("id").asLong();
		List<Long> on = new ArrayList<>();
		day.get("deputyIds").forEach(n -> on.add(n.asLong()));
		assertThat(on).hasSize(2);

		try (BrowserContext phone = BrowserSupport.newPhoneContext(browser, 360, 780)) {
			Page p = phone.newPage();
			BrowserSupport.login(p, port, "liaison");
			// this month's grid, with the demo's days, for the screenshot
			p.navigate(url("/duty"));
			assertThat(p.locator("#month-grid")).isVisible();
			assertThat(p.locator("h1")).containsText("值班日");
			BrowserSupport.screenshot(p, "duty-month-360");
			assertThat((Boolean) p.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isTrue();

			p.navigate(url("/duty/stations/" + station + "?month=2024-10"));
			p.locator(".duty-chip[data-duty-day='" + id + "']").click();
			p.waitForURL("**/duty/days/" + id);
			assertThat(p.locator("#reception-form")).isVisible();
			p.locator("input[name='att_" + on.get(0) + "'][value='PRESENT']").check();
			p.locator("input[name='att_" + on.get(1) + "'][value='SUBSTITUTE']").check();
			p.locator("#sub_" + on.get(1)).selectOption(new SelectOption().setIndex(1));
			p.locator("#constituentsReceived").fill("9");
			p.locator("#opinion0").fill("村里的健身器材坏了，希望维修");
			BrowserSupport.screenshot(p, "duty-reception-360");
			assertThat((Boolean) p.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
			BrowserSupport.submit(p, p.locator("#save-reception"));
			assertThat(p.locator("main .flash[role=status]")).containsText("接待登记已保存");
			assertThat(p.locator("#day-status")).hasText("已接待");
			assertThat(p.locator("#day-received")).hasText("9");
		}
		JsonNode held = api.get("/api/v1/duty-days/" + id).json();
		assertThat(held.get("status").asString()).isEqualTo("HELD");
		assertThat(held.get("attendance").get(1).get("status").asString()).isEqualTo("SUBSTITUTE");

		try (BrowserContext phone = BrowserSupport.newPhoneContext(browser, 360, 780)) {
			Page p = phone.newPage();
			BrowserSupport.login(p, port, "deputy");
			p.navigate(url("/duty/me"));
			assertThat(p.locator("h1")).hasText("我的值班");
			p.locator("#create-feed").click();
			assertThat(p.locator("#feed-url")).isVisible();
			assertThat(p.locator("#feed-url").inputValue()).contains("/ical/deputies/");
			BrowserSupport.screenshot(p, "duty-me-360");
			assertThat((Boolean) p.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
		}
	}

}
