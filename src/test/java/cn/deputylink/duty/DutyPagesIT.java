package cn.deputylink.duty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.deputylink.support.Api;
import cn.deputylink.support.FormSession;
import cn.deputylink.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * The duty pages over real HTTP with a browser's cookies and CSRF tokens: the liaison's
 * month grid, generating a month, a day's reception form (refused input shown again, then
 * saved), the deputy's page (feed link, unavailability) and the public station page
 * showing published days only.
 */
@IntegrationTest
class DutyPagesIT {

	@LocalServerPort
	int port;

	@Test
	void aMonthOfAYearTheCalendarDoesNotHoldWarnsOfHolidays() throws Exception {
		long station = Api.as(port, "liaison").get("/api/v1/me").json().get("stationId").asLong();
		FormSession s = new FormSession(port).login("liaison");
		// 2026's holidays ship with the application; 2041's are not published yet
		assertThat(s.get("/duty/stations/" + station + "?month=2026-10").body()).doesNotContain("calendar-unknown");
		assertThat(s.get("/duty/stations/" + station + "?month=2041-01").body()).contains("id=\"calendar-unknown\"",
				"2041 年的节假日和调休安排尚未导入工作日历");
		assertThat(s.get("/duty/stations/" + station + "?month=2041-01&lang=en").body())
			.contains("adjusted working days of 2041 yet", "New Year&#39;s Day");
		s.get("/duty?lang=zh_CN");
	}

	@Test
	void theLiaisonGeneratesAMonthAndRecordsAReception() throws Exception {
		Api api = Api.as(port, "liaison");
		long station = api.get("/api/v1/me").json().get("stationId").asLong();
		FormSession s = new FormSession(port).login("liaison");
		var grid = s.get("/duty/stations/" + station + "?month=2032-02");
		assertThat(grid.statusCode()).isEqualTo(200);
		assertThat(grid.body()).contains("值班日", "month-grid", "生成本月值班", "这个月还没有值班日");
		var planned = s.post("/duty/stations/" + station + "/plan", Map.of("month", "2032-02"), true);
		assertThat(planned.statusCode()).isEqualTo(302);
		assertThat(s.get("/duty/stations/" + station + "?month=2032-02").body()).contains("已生成 2 个值班日", "duty-chip",
				"草稿");
		assertThat(s.get("/duty/stations/" + station + "?month=2032-02&lang=en").body()).contains("Draft",
				"Generate this month");
		s.get("/duty?lang=zh_CN");
		// the liaison declares a deputy of the station on leave
		long onLeave = api.get("/api/v1/stations/" + station).json().get("deputyIds").get(0).asLong();
		assertThat(s
			.post("/duty/stations/" + station + "/unavailability", Map.of("deputyId", String.valueOf(onLeave), "from",
					"2032-07-01", "to", "2032-07-31", "reason", "ILLNESS", "month", "2032-02"), true)
			.statusCode()).isEqualTo(302);
		assertThat(api.get("/api/v1/deputies/" + onLeave + "/unavailability").body()).contains("2032-07-01", "ILLNESS");
		// the station's setting: one day a month from now on; a bad value is refused
		var setting = s.post("/duty/stations/" + station + "/settings",
				Map.of("daysPerMonth", "0", "deputiesPerDay", "2", "month", "2032-03"), true);
		assertThat(setting.statusCode()).isEqualTo(302);
		assertThat(s.get("/duty/stations/" + station + "?month=2032-03").body()).contains("应在 1 到 10 之间");
		assertThat(s
			.post("/duty/stations/" + station + "/settings",
					Map.of("daysPerMonth", "1", "deputiesPerDay", "3", "month", "2032-03"), true)
			.statusCode()).isEqualTo(302);
		assertThat(s.get("/duty/stations/" + station + "?month=2032-03").body()).contains("已保存", "value=\"3\"");
		s.post("/duty/stations/" + station + "/plan", Map.of("month", "2032-03"), true);
		assertThat(s.get("/duty/stations/" + station + "?month=2032-03").body()).contains("已生成 1 个值班日");
		JsonNode march = api.get("/api/v1/stations/" + station + "/duty-days?from=2032-03-01&to=2032-03-31")
			.json()
			.get("items");
		assertThat(march).hasSize(1);
		assertThat(march.get(0).get("deputyIds")).hasSize(3);
		api.put("/api/v1/stations/" + station + "/duty-settings",
				Api.json(Map.of("daysPerMonth", 2, "deputiesPerDay", 2)));

		// a past day: the reception form
		JsonNode day = api
			.post("/api/v1/stations/" + station + "/duty-plan",
					Api.json(Map.of("year", 2024, "month", 11, "days", List.of("2024-11-13"))))
			.json()
			.get("items")
			.get(0);
		long id = day.get("id").asLong();
		List<Long> on = new ArrayList<>();
		day.get("deputyIds").forEach(n -> on.add(n.asLong()));
		var page = s.get("/duty/days/" + id);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("接待登记", "att_" + on.get(0), "sub_" + on.get(1), "保存接待登记");

		Map<String, String> form = new HashMap<>();
		form.put("version", day.get("version").asString());
		form.put("att_" + on.get(0), "PRESENT");
		form.put("att_" + on.get(1), "SUBSTITUTE");
		form.put("sub_" + on.get(1), "");
		form.put("constituentsReceived", "7");
		form.put("opinion0", "希望修一修村口的便民桥");
		var refused = s.post("/duty/days/" + id + "/reception", form, true);
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("必填", "希望修一修村口的便民桥", "value=\"7\"");
		assertThat(api.get("/api/v1/duty-days/" + id).json().get("status").asString()).isEqualTo("DRAFT");

		form.put("att_" + on.get(1), "ABSENT");
		var saved = s.post("/duty/days/" + id + "/reception", form, true);
		assertThat(saved.statusCode()).isEqualTo(302);
		var held = s.get("/duty/days/" + id);
		assertThat(held.body()).contains("接待登记已保存", "已接待", "登记的意见");
		assertThat(api.get("/api/v1/duty-days/" + id).json().get("constituentsReceived").asInt()).isEqualTo(7);
	}

	@Test
	void theDeputysPageShowsTheFeedLinkAndTakesUnavailability() throws Exception {
		FormSession s = new FormSession(port).login("deputy");
		var page = s.get("/duty/me");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("我的值班", "日历订阅", "不能值班的日期", "今年的值班记录");
		var created = s.post("/duty/me/feed", Map.of(), true);
		assertThat(created.statusCode()).isEqualTo(302);
		var withLink = s.get("/duty/me");
		assertThat(withLink.body()).contains("/ical/deputies/", "data-copy=\"feed-url\"", "撤销链接");
		var declared = s.post("/duty/me/unavailability",
				Map.of("from", "2033-01-04", "to", "2033-01-08", "reason", "LEAVE", "note", "外出学习"), true);
		assertThat(declared.statusCode()).isEqualTo(302);
		assertThat(s.get("/duty/me").body()).contains("2033-01-04", "外出学习", "请假");
		var bad = s.post("/duty/me/unavailability", Map.of("from", "2033-02-04", "to", "2033-02-01", "reason", "LEAVE"),
				true);
		assertThat(bad.statusCode()).isEqualTo(302);
		assertThat(s.get("/duty/me").body()).contains("结束日期不能早于开始日期").doesNotContain("2033-02-04");
		// a deputy has no station grid of another township, and no liaison pages
		assertThat(new FormSession(port).login("department").get("/duty/me").statusCode()).isEqualTo(403);
	}

	/** Plans the first day from {@code from} on that the station has free. */
	private static LocalDate planFree(Api api, long station, LocalDate from, boolean publish) {
		for (LocalDate d = from;; d = d.plusDays(1)) {
			Api.Response r = api.post("/api/v1/stations/" + station + "/duty-plan", Api.json(Map.of("year", d.getYear(),
					"month", d.getMonthValue(), "days", List.of(d.toString()), "publish", publish)));
			if (r.status() == 201) {
				return d;
			}
			assertThat(r.status()).as(r.body()).isEqualTo(409);
		}
	}

	@Test
	void thePublicStationPageShowsPublishedDaysOnly() throws Exception {
		Api api = Api.as(port, "liaison");
		long station = api.get("/api/v1/me").json().get("stationId").asLong();
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		LocalDate published = planFree(api, station, today.plusDays(10), true);
		LocalDate draft = planFree(api, station, published.plusDays(1), false);
		var page = new FormSession(port).get("/public/stations/" + station);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("近期开放日", published.toString(), "值班代表：").doesNotContain(draft.toString());
		assertThat(new FormSession(port).get("/public/stations/999999").statusCode()).isEqualTo(404);
		assertThat(new FormSession(port).get("/public/stations").body()).contains("工作室和开放日",
				"/public/stations/" + station);
		assertThat(new FormSession(port).get("/").body()).contains("/public/stations");
	}

}
