package cn.deputylink.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

import cn.deputylink.support.Api;
import cn.deputylink.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/** A township admin creates and edits a station through the pages. */
@IntegrationTest
class StationBrowserIT extends BrowserTest {

	@BeforeEach
	void signIn() {
		BrowserSupport.login(page, port, "township");
	}

	/**
	 * Picks the township in the form and waits until htmx has swapped in its village
	 * checkboxes.
	 */
	private void chooseTownship(String name) {
		page.locator("#villages").evaluate("e => e.dataset.stale = 'yes'");
		page.waitForResponse(r -> r.url().contains("/org/stations/villages"),
				() -> page.locator("#townshipId").selectOption(new SelectOption().setLabel(name)));
		page.locator("#villages:not([data-stale])").waitFor();
	}

	private void search(String q) {
		page.navigate(url("/org/stations"));
		page.locator("#q").fill(q);
		BrowserSupport.submit(page, page.locator("form[role=search] button[type=submit]"));
		page.waitForURL(Pattern.compile(".*/org/stations\\?q=.*"));
	}

	private static String encode(String q) {
		return URLEncoder.encode(q, StandardCharsets.UTF_8);
	}

	private void save() {
		BrowserSupport.submit(page, page.locator("main form.stack button[type=submit]"));
	}

	private Locator rowOf(String stationName) {
		return page.locator("table tbody tr").filter(new Locator.FilterOptions().setHasText(stationName));
	}

	@Test
	void createAStationSeeItListedEditItsAddressAndSeeTheChange() {
		String name = BrowserSupport.unique("浏览器测试工作室");
		String address = BrowserSupport.unique("东岭镇政府二楼");
		String newAddress = BrowserSupport.unique("东岭镇文化站一楼");

		page.navigate(url("/org/stations"));
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("新建工作室")).click();
		page.waitForURL(Pattern.compile(".*/org/stations/new$"));
		assertThat(page.locator("h1")).hasText("新建工作室");

		// a township admin has exactly one township to choose
		assertThat(page.locator("#townshipId option")).hasCount(1);
		chooseTownship("东岭镇");
		Locator villages = page.locator("#villages input[name=villageIds]");
		assertThat(villages.first()).isVisible();
		assertThat(villages.count()).isGreaterThanOrEqualTo(2);
		List<Long> chosenVillages = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			villages.nth(i).check();
			chosenVillages.add(Long.parseLong(villages.nth(i).getAttribute("value")));
		}

		page.locator("#name").fill(name);
		page.locator("#address").fill(address);
		page.locator("#openingRule").fill("每月第一个星期三 9:00-12:00");
		page.locator("#liaisonOfficers").fill("张联络");
		// every facility is ticked for a new station; keep two
		Locator facilities = page.locator("input[name=facilities]");
		for (int i = 0; i < facilities.count(); i++) {
			facilities.nth(i).uncheck();
		}
		page.locator("input[name=facilities][value=COMPUTER]").check();
		page.locator("input[name=facilities][value=OPINION_BOX]").check();
		save();

		page.waitForURL(Pattern.compile(".*/org/stations$"));
		assertThat(page.locator("main .flash[role=status]")).hasText("已保存");

		search(name);
		Locator row = rowOf(name);
		assertThat(row).hasCount(1);
		assertThat(row.locator("td").nth(1)).hasText(address);
		assertThat(row.locator("td").nth(2)).hasText("2");

		Api county = Api.as(port, "county");
		JsonNode found = county.get("/api/v1/stations?q=" + encode(address)).json().get("items");
		assertThat(found.size()).isEqualTo(1);
		long id = found.get(0).get("id").asLong();
		JsonNode created = county.get("/api/v1/stations/" + id).json();
		assertThat(created.get("name").asString()).isEqualTo(name);
		assertThat(created.get("openingRule").asString()).isEqualTo("每月第一个星期三 9:00-12:00");
		assertThat(created.get("liaisonOfficers").asString()).isEqualTo("张联络");
		assertThat(created.get("villageIds").valueStream().map(JsonNode::asLong).toList())
			.containsExactlyInAnyOrderElementsOf(chosenVillages);
		assertThat(created.get("facilities").valueStream().map(JsonNode::asString).toList())
			.containsExactlyInAnyOrder("COMPUTER", "OPINION_BOX");

		// edit: the form shows what was saved
		row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("编辑")).click();
		page.waitForURL(Pattern.compile(".*/org/stations/" + id + "/edit$"));
		assertThat(page.locator("h1")).hasText("编辑工作室");
		assertThat(page.locator("#name")).hasValue(name);
		assertThat(page.locator("#address")).hasValue(address);
		for (long v : chosenVillages) {
			assertThat(page.locator("input[name=villageIds][value='" + v + "']")).isChecked();
		}
		assertThat(page.locator("input[name=villageIds]:checked")).hasCount(2);
		assertThat(page.locator("input[name=facilities]:checked")).hasCount(2);
		assertThat(page.locator("input[name=facilities][value=COMPUTER]")).isChecked();

		page.locator("#address").fill(newAddress);
		save();
		page.waitForURL(Pattern.compile(".*/org/stations$"));
		assertThat(page.locator("main .flash[role=status]")).hasText("已保存");

		search(name);
		assertThat(rowOf(name)).hasCount(1);
		assertThat(rowOf(name).locator("td").nth(1)).hasText(newAddress);
		assertThat(page.locator("main table")).not().containsText(address);

		JsonNode updated = county.get("/api/v1/stations/" + id).json();
		assertThat(updated.get("address").asString()).isEqualTo(newAddress);
		assertThat(updated.get("version").asInt()).isEqualTo(1);
		assertThat(updated.get("villageIds").size()).isEqualTo(2);
		assertThat(updated.get("facilities").size()).isEqualTo(2);
	}

	@Test
	void anEmptyNameIsRefusedWithAMessageAndCreatesNothing() {
		String address = BrowserSupport.unique("空名称测试地址");
		page.navigate(url("/org/stations/new"));
		page.locator("#address").fill(address);

		// the browser itself refuses first: the field is required
		page.locator("main form.stack button[type=submit]").click();
		assertThat(page).hasURL(Pattern.compile(".*/org/stations/new$"));
		assertThat(page.locator("#name").evaluate("e => e.validity.valueMissing")).isEqualTo(true);

		// and the server refuses when the browser's check is bypassed
		page.locator("#name").evaluate("e => e.removeAttribute('required')");
		save();

		assertThat(page.locator("main .errors[role=alert]")).containsText("请修改下面标出的内容后再提交。");
		assertThat(page.locator("#name-error")).hasText("必填");
		assertThat(page.locator("#address-error")).hasCount(0);
		// what was typed is kept
		assertThat(page.locator("#address")).hasValue(address);
		assertThat(page.locator("main .flash[role=status]")).hasCount(0);

		// only whitespace is empty too
		page.locator("#name").fill("   ");
		save();
		assertThat(page.locator("#name-error")).hasText("必填");

		Api county = Api.as(port, "county");
		assertThat(county.get("/api/v1/stations?q=" + encode(address)).json().get("items").size()).isZero();
	}

}
