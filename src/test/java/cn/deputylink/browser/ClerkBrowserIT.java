package cn.deputylink.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;

import cn.deputylink.support.Api;
import cn.deputylink.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * A county clerk's first week in the browser: creating and editing a user by picking the
 * township, station or department by name; a refused form keeping what was typed, also
 * across a language switch; the menu and the admin tables on a 360-px phone.
 */
@IntegrationTest
class ClerkBrowserIT extends BrowserTest {

	private void save() {
		BrowserSupport.submit(page, page.locator("main form.stack button[type=submit]"));
	}

	private Locator rowOf(String text) {
		return page.locator("table tbody tr").filter(new Locator.FilterOptions().setHasText(text));
	}

	/** The value of the option with that label inside the group of that township. */
	private String optionIn(String select, String township, String label) {
		Object value = page.locator(select)
			.evaluate("(s, a) => { const g = [...s.querySelectorAll('optgroup')].find(x => x.label === a[0]);"
					+ " const o = g && [...g.querySelectorAll('option')].find(x => x.textContent.trim() === a[1]);"
					+ " return o ? o.value : null; }", List.of(township, label));
		assertThat(value).as(label + " under " + township + " in " + select).isNotNull();
		return (String) value;
	}

	@Test
	void aUserIsCreatedAndEditedByPickingItsStationAndDepartmentByName() {
		Api county = Api.as(port, "county");
		long township = county.get("/api/v1/townships?q=T01").json().get("items").get(0).get("id").asLong();
		JsonNode station = county.get("/api/v1/stations?townshipId=" + township).json().get("items").get(0);
		String stationName = station.get("name").asString();
		JsonNode government = county.get("/api/v1/departments?tier=TOWNSHIP&townshipId=" + township)
			.json()
			.get("items")
			.get(0);
		String username = BrowserSupport.unique("clerk");
		BrowserSupport.login(page, port, "county");

		page.navigate(url("/admin/users"));
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("新建用户")).click();
		page.waitForURL(Pattern.compile(".*/admin/users/new$"));
		// no role yet: no picker; a role shows just the picker it needs
		assertThat(page.locator("#stationId")).isHidden();
		page.locator("#username").fill(username);
		page.locator("#displayName").fill("浏览器联络员");
		page.locator("#role").selectOption("STATION_LIAISON");
		assertThat(page.locator("#stationId")).isVisible();
		assertThat(page.locator("#townshipId")).isHidden();
		assertThat(page.locator("#departmentId")).isHidden();
		assertThat(page.locator("#stationId optgroup[label='东岭镇']")).hasCount(1);
		page.locator("#stationId").selectOption(optionIn("#stationId", "东岭镇", stationName));
		save();

		page.waitForURL(Pattern.compile(".*/admin/users$"));
		assertThat(page.locator("main .flash[role=status]")).containsText("已创建用户 " + username);
		page.navigate(url("/admin/users?q=" + username));
		Locator row = rowOf(username);
		assertThat(row).hasCount(1);
		assertThat(row.locator("td.assignment")).containsText("东岭镇");
		assertThat(row.locator("td.assignment")).containsText(stationName);
		JsonNode created = county.get("/api/v1/users?q=" + username).json().get("items").get(0);
		assertThat(created.get("stationId").asLong()).isEqualTo(station.get("id").asLong());
		assertThat(created.get("townshipId").asLong()).isEqualTo(township);

		// edit: a new name and the township government as department
		row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("编辑用户 " + username)).click();
		page.waitForURL(Pattern.compile(".*/admin/users/\\d+/edit$"));
		assertThat(page.locator("h1")).hasText("编辑用户");
		assertThat(page.locator("#displayName")).hasValue("浏览器联络员");
		assertThat(page.locator("#role")).hasValue("STATION_LIAISON");
		assertThat(page.locator("#stationId")).hasValue(String.valueOf(station.get("id").asLong()));
		page.locator("#displayName").fill("浏览器经办人");
		page.locator("#role").selectOption("DEPARTMENT_HANDLER");
		assertThat(page.locator("#departmentId")).isVisible();
		page.locator("#departmentId").selectOption(optionIn("#departmentId", "东岭镇", government.get("name").asString()));
		save();
		page.waitForURL(Pattern.compile(".*/admin/users$"));
		page.navigate(url("/admin/users?q=" + username));
		assertThat(rowOf(username).locator("td.assignment")).containsText(government.get("name").asString());
		assertThat(rowOf(username)).containsText("浏览器经办人");
		JsonNode edited = county.get("/api/v1/users/" + created.get("id").asLong()).json();
		assertThat(edited.get("role").asString()).isEqualTo("DEPARTMENT_HANDLER");
		assertThat(edited.get("departmentId").asLong()).isEqualTo(government.get("id").asLong());
	}

	@Test
	void aRefusedUserFormKeepsWhatWasTypedAlsoAcrossALanguageSwitch() {
		String username = BrowserSupport.unique("keep");
		BrowserSupport.login(page, port, "county");
		page.navigate(url("/admin/users/new"));
		page.locator("#username").fill(username);
		page.locator("#displayName").fill("保留输入的管理员");
		page.locator("#role").selectOption("TOWNSHIP_ADMIN");
		// the township left at "please choose"
		save();

		assertThat(page.locator("main .errors[role=alert]")).isVisible();
		assertThat(page.locator("#townshipId-error")).hasText("乡镇管理员须指定一个存在的乡镇");
		assertThat(page.locator("#username")).hasValue(username);
		assertThat(page.locator("#displayName")).hasValue("保留输入的管理员");
		assertThat(page.locator("#role")).hasValue("TOWNSHIP_ADMIN");
		assertThat(page.locator("#townshipId")).isVisible();
		BrowserSupport.screenshot(page, "clerk-user-form-refused-desktop");

		// English, on the form the post came from, with the typed input still there
		page.locator(".prefs a", new Page.LocatorOptions().setHasText("English")).click();
		page.waitForURL(Pattern.compile(".*/admin/users/new\\?lang=en$"));
		assertThat(page.locator("h1")).hasText("New user");
		assertThat(page.locator("#username")).hasValue(username);
		assertThat(page.locator("#displayName")).hasValue("保留输入的管理员");
		assertThat(page.locator("#role")).hasValue("TOWNSHIP_ADMIN");
		assertThat(page.locator("#townshipId")).isVisible();
		assertThat(Api.as(port, "county").get("/api/v1/users?q=" + username).json().get("items").size()).isZero();
	}

	@Test
	void onA360PixelPhoneTheMenuReachesAllFifteenCountyItemsAndTablesDoNotScrollSideways() {
		Page p = phone(360, 780);
		BrowserSupport.login(p, port, "county");
		p.navigate(url("/org/stations"));
		Locator toggle = p.locator(".menu-toggle");
		assertThat(toggle).isVisible();
		assertThat(toggle).containsText("工作室");
		assertThat(p.locator("#mainnav-items")).isHidden();
		toggle.click();
		assertThat(toggle).hasAttribute("aria-expanded", "true");
		Locator links = p.locator("#mainnav-items a");
		assertThat(links).hasCount(23);
		assertThat(p.locator("#mainnav-items a[aria-current=page]")).hasText("工作室");
		for (int i = 0; i < 23; i++) {
			BoundingBox box = links.nth(i).boundingBox();
			assertThat(box.x).as("item " + i + " left edge").isGreaterThanOrEqualTo(0);
			assertThat(box.x + box.width).as("item " + i + " right edge").isLessThanOrEqualTo(360);
			assertThat(box.height).as("item " + i + " height").isGreaterThanOrEqualTo(40);
		}
		BrowserSupport.screenshot(p, "clerk-360-menu-open");
		List<String> hrefs = new ArrayList<>();
		for (int i = 0; i < 23; i++) {
			hrefs.add(links.nth(i).getAttribute("href"));
		}

		// every item, reached through the menu, is marked current and fits the screen
		for (String href : hrefs) {
			if (!"true".equals(p.locator(".menu-toggle").getAttribute("aria-expanded"))) {
				p.locator(".menu-toggle").click();
			}
			BrowserSupport.submit(p, p.locator("#mainnav-items a[href='" + href + "']"));
			assertThat(p).hasURL(Pattern.compile(".*" + href + "$"));
			assertThat(p.locator("#mainnav-items a[aria-current=page]")).hasAttribute("href", href);
			assertThat(p.locator("h1").first()).isVisible();
			assertThat((Boolean) p.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
				.as("no sideways scroll on " + href)
				.isTrue();
			BrowserSupport.screenshot(p, "clerk-360" + href.replace('/', '-'));
		}

		// an admin table: each row a card, names on one line, not one character per line
		p.navigate(url("/admin/users"));
		Locator name = p.locator("table tbody tr").first().locator("td").nth(1);
		assertThat(name).hasAttribute("data-label", "姓名");
		assertThat(name.boundingBox().width).isGreaterThan(150);
		assertThat((Boolean) p.evaluate("document.documentElement.scrollWidth <= window.innerWidth")).isTrue();
		for (String path : List.of("/admin/users/new", "/admin/outbox", "/org/stations/import")) {
			p.navigate(url(path));
			assertThat((Boolean) p.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
				.as("no sideways scroll on " + path)
				.isTrue();
			BrowserSupport.screenshot(p, "clerk-360" + path.replace('/', '-'));
		}
	}

}
