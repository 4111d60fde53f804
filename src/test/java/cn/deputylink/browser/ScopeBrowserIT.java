package cn.deputylink.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.deputylink.support.Api;
import cn.deputylink.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * A township admin of 青石乡 sees nothing of 东岭镇, whatever it types into the address bar.
 */
@IntegrationTest
class ScopeBrowserIT extends BrowserTest {

	@BeforeEach
	void signIn() {
		BrowserSupport.login(page, port, "township2");
	}

	/** The township with code T01 (东岭镇), as the county admin sees it. */
	private static JsonNode firstTownship(Api county) {
		for (JsonNode t : county.get("/api/v1/townships?q=T01&limit=500").json().get("items")) {
			if ("T01".equals(t.get("code").asString())) {
				return t;
			}
		}
		throw new AssertionError("no township with code T01");
	}

	/** The active demo stations of 东岭镇. */
	private List<JsonNode> stationsOfTheFirstTownship() {
		Api county = Api.as(port, "county");
		JsonNode township = firstTownship(county);
		assertThat(township.get("name").asString()).isEqualTo("东岭镇");
		List<JsonNode> stations = county
			.get("/api/v1/stations?active=true&limit=500&townshipId=" + township.get("id").asLong())
			.json()
			.get("items")
			.valueStream()
			.filter(s -> s.get("name").asString().startsWith("东岭镇"))
			.toList();
		assertThat(stations).isNotEmpty();
		return stations;
	}

	@Test
	void editingAStationOfAnotherTownshipGivesTheForbiddenPageAndNoData() {
		JsonNode station = stationsOfTheFirstTownship().get(0);
		String name = station.get("name").asString();
		String address = station.get("address").asString();

		var response = page.navigate(url("/org/stations/" + station.get("id").asLong() + "/edit"));

		assertThat(response.status()).isEqualTo(403);
		assertThat(page.locator("main h1")).hasText("无权访问");
		assertThat(page.locator("main")).containsText("您的账号无权查看或修改此内容。");
		assertThat(page.locator("main form")).hasCount(0);
		assertThat(page.locator("#name")).hasCount(0);
		String html = page.content();
		assertThat(html).doesNotContain(name).doesNotContain(address);
		// still signed in as 青石乡: the error page is not a log-out
		assertThat(page.locator(".topbar .me")).hasText("青石乡人大主席团");
	}

	@Test
	void theStationListOfAnotherTownshipShowsNoneOfTheFirstTownshipsStations() {
		List<JsonNode> foreign = stationsOfTheFirstTownship();
		long foreignTownship = foreign.get(0).get("townshipId").asLong();

		page.navigate(url("/org/stations"));
		assertThat(page.locator("main h1")).hasText("代表联系群众工作室");
		assertThat(page.locator("main table tbody tr").first()).isVisible();
		assertThat(page.locator("main table tbody")).containsText("青石乡");
		assertThat(page.locator("main table tbody")).not().containsText("东岭镇");
		// a township-scoped admin gets no township filter to choose from
		assertThat(page.locator("main form[role=search] select#townshipId")).hasCount(0);

		// asking for 东岭镇 by address bar or search text changes nothing
		page.navigate(url("/org/stations?townshipId=" + foreignTownship));
		assertThat(page.locator("main table tbody")).not().containsText("东岭镇");
		for (JsonNode s : foreign) {
			page.navigate(
					url("/org/stations?q=" + URLEncoder.encode(s.get("name").asString(), StandardCharsets.UTF_8)));
			assertThat(page.locator("main table tbody tr")).hasCount(0);
		}
		page.navigate(url("/org/stations?q=" + URLEncoder.encode("东岭镇", StandardCharsets.UTF_8)));
		assertThat(page.locator("main table tbody tr")).hasCount(0);
	}

}
