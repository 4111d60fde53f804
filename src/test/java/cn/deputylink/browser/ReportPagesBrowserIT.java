package cn.deputylink.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.Page;

import cn.deputylink.support.Api;
import cn.deputylink.support.IntegrationTest;

/**
 * Every page of the report tabs that came with the briefings, ledgers, station standards
 * and funding, on a 360-px phone for the roles that have it: the page answers, shows its
 * tab bar with the tab marked, has no sideways scrolling, and is kept as a screenshot
 * (under /tmp/screenshots) for people to look at.
 */
@IntegrationTest
class ReportPagesBrowserIT extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	long id(String sql) {
		return jdbc.sql(sql).query(Long.class).list().stream().findFirst().orElseThrow();
	}

	void check(Page p, String path, String tab, String shot) {
		var r = p.navigate(url(path));
		assertThat(r.status()).as(path).isEqualTo(200);
		assertThat(p.locator(".report-tabs a[aria-current=page]").textContent()).as(path).isEqualTo(tab);
		Object wider = p.evaluate("() => document.documentElement.scrollWidth > window.innerWidth + 1");
		assertThat(wider).as(path + " scrolls sideways at 360 px").isEqualTo(false);
		BrowserSupport.screenshot(p, shot);
	}

	@Test
	void theCountyAdminsReportPagesFitAPhone() {
		long dongling = id("select id from township where name = '东岭镇'");
		Api.Response made = Api.as(port, "county")
			.post("/api/v1/briefings", Api.json(Map.of("from", "2025-01-01", "to", "2025-12-31")));
		assertThat(made.status()).as(made.body()).isEqualTo(201);
		long station = id("select s.id from station s where s.township_id = " + dongling + " order by s.id");
		Page p = phone(360, 780);
		BrowserSupport.login(p, port, "county");
		List<String[]> pages = new ArrayList<>();
		pages.add(new String[] { "/briefings", "联络动态", "briefings-360" });
		pages.add(new String[] { "/briefings/" + made.id(), "联络动态", "briefing-360" });
		pages.add(new String[] { "/ledgers?stationId=" + station + "&quick=lastYear", "台账", "ledgers-360" });
		pages.add(new String[] { "/standards", "工作室标准化", "standards-360" });
		pages.add(new String[] { "/standards/stations/" + station, "工作室标准化", "standards-station-360" });
		pages.add(new String[] { "/standards/inspections/new?stationId=" + station, "工作室标准化",
				"standards-inspection-360" });
		pages.add(new String[] { "/standards/items", "工作室标准化", "standards-items-360" });
		pages.add(new String[] { "/funding", "经费", "funding-360" });
		pages.add(new String[] { "/funding/townships/" + dongling, "经费", "funding-township-360" });
		for (String[] page : pages) {
			check(p, page[0], page[1], page[2]);
		}
	}

	@Test
	void theTownshipAdminsAndTheLiaisonsReportPagesFitAPhone() {
		long dongling = id("select id from township where name = '东岭镇'");
		Page p = phone(360, 780);
		BrowserSupport.login(p, port, "township");
		check(p, "/briefings", "联络动态", "briefings-township-360");
		check(p, "/funding/townships/" + dongling, "经费", "funding-township-admin-360");
		check(p, "/standards", "工作室标准化", "standards-township-360");
		Page l = phone(360, 780);
		BrowserSupport.login(l, port, "liaison");
		check(l, "/ledgers", "台账", "ledgers-liaison-360");
		check(l, "/standards", "工作室标准化", "standards-liaison-360");
	}

}
