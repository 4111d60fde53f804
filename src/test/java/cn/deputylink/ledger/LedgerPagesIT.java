package cn.deputylink.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.deputylink.support.Api;
import cn.deputylink.support.FormSession;
import cn.deputylink.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The ledger page: the station picker per role, the quick periods, the preview's figures
 * (the statistics API's), bad dates re-shown in the form, the download from the page.
 */
@IntegrationTest
class LedgerPagesIT {

	@LocalServerPort
	int port;

	@Test
	void theLiaisonOfficersStationIsPreselectedAndThePreviewShowsTheStatisticsFigures() throws Exception {
		FormSession liaison = new FormSession(port).login("liaison");
		long station = Api.as(port, "liaison").get("/api/v1/me").json().get("stationId").asLong();
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		HttpResponse<String> page = liaison.get("/ledgers?quick=thisYear");
		assertThat(page.statusCode()).isEqualTo(200);
		String html = page.body();
		assertThat(html).contains("value=\"" + station + "\" selected")
			.contains("value=\"" + today.getYear() + "-01-01\"")
			.contains("value=\"" + today.getYear() + "-12-31\"")
			.contains("id=\"preview\"")
			.contains("aria-current=\"page\"")
			.doesNotContain("<optgroup");
		JsonNode s = Api.as(port, "county")
			.get("/api/v1/statistics/summary?from=" + today.getYear() + "-01-01&to=" + today.getYear()
					+ "-12-31&stationId=" + station)
			.json();
		assertThat(html).contains("id=\"fig-activities\"><span class=\"tile-value\">" + s.get("activities").asLong())
			.contains("id=\"fig-opinions\"><span class=\"tile-value\">" + s.get("opinions").asLong());
		// nothing asked: this month
		YearMonth month = YearMonth.from(today);
		assertThat(liaison.get("/ledgers").body()).contains("value=\"" + month.atDay(1) + "\"")
			.contains("value=\"" + month.atEndOfMonth() + "\"");
	}

	@Test
	void theCountyPicksFromStationsGroupedByTownship() throws Exception {
		String html = new FormSession(port).login("county").get("/ledgers").body();
		assertThat(html).contains("<optgroup").contains("东岭镇").doesNotContain("id=\"preview\"");
	}

	@Test
	void badDatesAreReShownInTheFormWithTheirMessage() throws Exception {
		FormSession township = new FormSession(port).login("township");
		long station = Api.as(port, "liaison").get("/api/v1/me").json().get("stationId").asLong();
		HttpResponse<String> r = township.get("/ledgers?stationId=" + station + "&from=2026-03-01&to=2026-01-01");
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.body()).contains("结束日期不能早于开始日期")
			.contains("value=\"2026-03-01\"")
			.contains("aria-invalid=\"true\"")
			.doesNotContain("id=\"preview\"");
		HttpResponse<String> download = township
			.get("/ledgers/download?stationId=" + station + "&from=2020-01-01&to=2026-01-01");
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		assertThat(download.body()).contains("期间不能超过 5 年");
		assertThat(township.get("/ledgers/download?from=2026-01-01&to=2026-01-31").body()).contains("请选择工作室");
	}

	@Test
	void theWorkbookDownloadsFromThePage() throws Exception {
		FormSession township = new FormSession(port).login("township");
		long station = Api.as(port, "liaison").get("/api/v1/me").json().get("stationId").asLong();
		HttpResponse<String> r = township
			.get("/ledgers/download?stationId=" + station + "&from=2026-01-01&to=2026-03-31");
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.headers().firstValue("Content-Type").orElse(""))
			.startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(r.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment")
			.contains("2026-01-01");
	}

}
