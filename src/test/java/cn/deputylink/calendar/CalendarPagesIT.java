package cn.deputylink.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.deputylink.support.Api;
import cn.deputylink.support.FormSession;
import cn.deputylink.support.IntegrationTest;

/** The calendar page over real HTTP with a browser's cookies and CSRF tokens. */
@IntegrationTest
class CalendarPagesIT {

	@LocalServerPort
	int port;

	@Test
	void theCountyAdminSeesTheYearInChineseOrEnglish() throws Exception {
		FormSession s = new FormSession(port).login("county");
		var r = s.get("/admin/calendar?year=2025");
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.body()).contains("2025 年工作日历", "国庆节、中秋节", "调休上班", "星期三", "放假 28 天，调休上班 5 天", "data-confirm=",
				"name=\"file\"", "2026 年 ›");
		var en = s.get("/admin/calendar?year=2025&lang=en");
		assertThat(en.body()).contains("Working calendar 2025", "Wednesday", "Adjusted working day");
		s.get("/admin/calendar?lang=zh_CN");
	}

	@Test
	void aFormPostAddsAChangesAndDeletesADay() throws Exception {
		FormSession s = new FormSession(port).login("county");
		s.get("/admin/calendar?year=2032");
		var r = s.post("/admin/calendar/days",
				Map.of("year", "2032", "date", "2032-06-01", "kind", "HOLIDAY", "name", "页面假日"), true);
		assertThat(r.statusCode()).isEqualTo(302);
		assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/admin/calendar?year=2032");
		assertThat(s.get("/admin/calendar?year=2032").body()).contains("页面假日", "已保存", "2032-06-01");
		assertThat(Api.as(port, "county").get("/api/v1/calendar/2032").body()).contains("页面假日");

		var edit = s.get("/admin/calendar?year=2032&edit=2032-06-01");
		assertThat(edit.body()).contains("value=\"页面假日\"");

		var invalid = s.post("/admin/calendar/days",
				Map.of("year", "2032", "date", "2032-06-02", "kind", "HOLIDAY", "name", ""), true);
		assertThat(invalid.statusCode()).isEqualTo(200);
		assertThat(invalid.body()).contains("请修改下面标出的内容", "必填");
		assertThat(Api.as(port, "county").get("/api/v1/calendar/2032").body()).doesNotContain("2032-06-02");

		var deleted = s.post("/admin/calendar/days/2032-06-01/delete", Map.of(), true);
		assertThat(deleted.statusCode()).isEqualTo(302);
		assertThat(s.get("/admin/calendar?year=2032").body()).contains("已删除 2032-06-01").doesNotContain("页面假日");
	}

	@Test
	void anUploadReplacesTheYearOrListsTheBadRows() throws Exception {
		FormSession s = new FormSession(port).login("county");
		s.get("/admin/calendar?year=2033");
		var bad = s.postMultipart("/admin/calendar/import", Map.of("year", "2033"), Map.of("file", Map.entry("2033.csv",
				"date,kind,name\n2033-10-01,HOLIDAY,国庆节\n2033-10-02,休假,国庆节\n".getBytes(StandardCharsets.UTF_8))));
		assertThat(bad.statusCode()).isEqualTo(422);
		assertThat(bad.body()).contains("import-errors", "休假");
		assertThat(Api.as(port, "county").get("/api/v1/calendar/2033").json().get("days").size()).isZero();

		s.get("/admin/calendar?year=2033");
		var good = s.postMultipart("/admin/calendar/import", Map.of("year", "2033"), Map.of("file",
				Map.entry("2033.csv", "date,kind,name\n2033-10-03,HOLIDAY,国庆节\n".getBytes(StandardCharsets.UTF_8))));
		assertThat(good.statusCode()).isEqualTo(302);
		assertThat(s.get("/admin/calendar?year=2033").body()).contains("已导入 2033 年的 1 天安排", "2033-10-03");
	}

	@Test
	void othersNeitherGetThePageNorChange() throws Exception {
		FormSession s = new FormSession(port).login("township");
		// the page is the county's; everyone reads the calendar through the API
		var r = s.get("/admin/calendar?year=2025");
		assertThat(r.statusCode()).isEqualTo(403);
		assertThat(r.body()).doesNotContain("国庆节、中秋节", "id=\"day-form\"");
		Map<String, String> form = new LinkedHashMap<>(Map.of("date", "2025-10-09", "kind", "HOLIDAY", "name", "私放"));
		assertThat(s.post("/admin/calendar/days", form, true).statusCode()).isEqualTo(403);
		assertThat(s.post("/admin/calendar/days/2025-10-01/delete", Map.of(), true).statusCode()).isEqualTo(403);
		assertThat(Api.as(port, "county").get("/api/v1/calendar/2025").body()).contains("2025-10-01")
			.doesNotContain("私放");
	}

}
