package cn.deputylink.statistics.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.shared.CursorPage;
import cn.deputylink.statistics.ActivityEntry;
import cn.deputylink.statistics.BreakdownRow;
import cn.deputylink.statistics.Dashboard;
import cn.deputylink.statistics.Dimension;
import cn.deputylink.statistics.Drill;
import cn.deputylink.statistics.Figure;
import cn.deputylink.statistics.Indicators;
import cn.deputylink.statistics.MonthFigures;
import cn.deputylink.statistics.OpinionEntry;
import cn.deputylink.statistics.Period;
import cn.deputylink.statistics.Scope;
import cn.deputylink.statistics.Statistics;
import cn.deputylink.statistics.Summary;
import cn.deputylink.support.Api;
import cn.deputylink.support.FormSession;
import cn.deputylink.support.IntegrationTest;

/**
 * The statistics pages with every role on the demo county, the figures from a stand-in
 * facade that grants scopes as the real one does: a county admin any, a township admin
 * its township whatever it asks, a deputy itself, a department handler none. Bad
 * parameters answer the 400 page.
 */
@IntegrationTest
class StatisticsPagesIT {

	@LocalServerPort
	int port;

	@MockitoBean
	Statistics statistics;

	private static Scope grant(CurrentUser u, Scope asked) {
		if (u.is(Role.DEPARTMENT_HANDLER)) {
			throw new AccessDeniedException("no statistics");
		}
		if (u.is(Role.DEPUTY)) {
			return Scope.deputy(u.deputyId());
		}
		if (u.isCountyAdmin()) {
			return asked;
		}
		return new Scope(u.townshipId(), asked.stationId(), asked.deputyId());
	}

	private static Dashboard dashboard(Period p, Scope s) {
		Summary sum = new Summary(2123, 3726, 4215, 963, 526, 57);
		Indicators i = new Indicators(963, 600, 526, 700, 650, 12, 400, 380, new BigDecimal("0.8767"),
				new BigDecimal("0.9286"), new BigDecimal("0.9500"), new BigDecimal("6.4"), 12);
		return new Dashboard(p, s, sum, i,
				List.of(new MonthFigures(YearMonth.of(2026, 1), new Summary(11, 22, 33, 44, 5, 1))),
				List.of(new BreakdownRow("ROADS", 40, 20, 3, 30, 2), new BreakdownRow("", 1, 0, 0, 0, 0)),
				List.of(new BreakdownRow("RECEPTION", 30, 15, 2, 20, 1)),
				List.of(new BreakdownRow("1", 25, 10, 1, 20, 0)));
	}

	@BeforeEach
	void stand() {
		when(statistics.effectiveScope(any(), any())).thenAnswer(a -> grant(a.getArgument(0), a.getArgument(1)));
		when(statistics.dashboard(any(), any(), any()))
			.thenAnswer(a -> dashboard(a.getArgument(1), grant(a.getArgument(0), a.getArgument(2))));
		when(statistics.opinions(any(), any(), any(), any(), any(), any())).thenAnswer(a -> {
			grant(a.getArgument(0), a.getArgument(2));
			return new CursorPage<>(List.of(new OpinionEntry(4711, "2026-0101-00001", LocalDate.of(2026, 1, 5), null,
					null, "ROADS", "RECEPTION", "CLOSED", "RESOLVED", null, true, false)), "NDcxMQ");
		});
		when(statistics.activities(any(), any(), any(), any(), any(), any())).thenAnswer(a -> {
			grant(a.getArgument(0), a.getArgument(2));
			return new CursorPage<>(
					List.of(new ActivityEntry(815, "RECEPTION", LocalDate.of(2026, 1, 6), null, null, List.of(), 7, 0)),
					null);
		});
	}

	@Test
	void countyAdminSeesTheFiguresTheChartsTheTablesAndEveryPicker() throws Exception {
		var r = new FormSession(port).login("county").get("/statistics?from=2026-01-01&to=2026-12-31");
		assertThat(r.statusCode()).isEqualTo(200);
		String b = r.body();
		assertThat(b)
			.contains("id=\"tile-ACTIVITIES\"", ">2123<", ">57<", "id=\"townshipId\"", "id=\"stationId\"",
					"id=\"deputyId\"", "/dist/echarts.min.js", "data-table=\"byCategory\"", "id=\"trend\"",
					"id=\"bySource\"", "id=\"byDepartment\"", "87.7%", "class=\"report-tabs\"", "href=\"/briefings\"",
					"href=\"/funding\"", "aria-current=\"page\">统计考核<")
			.contains("href=\"/statistics/opinions?from=2026-01-01&amp;to=2026-12-31&amp;figure=RESOLVED\"")
			.contains("figure=OPINIONS&amp;dimension=CATEGORY&amp;key=ROADS")
			.contains("figure=OVERDUE&amp;dimension=DEPARTMENT&amp;key=1")
			.contains("figure=ACTIVITIES&amp;month=2026-01")
			.contains("/statistics/activities?from=2026-01-01&amp;to=2026-12-31&amp;figure=HOUSEHOLDS_VISITED")
			.contains("接待日")
			.doesNotContain("null</");
		verify(statistics).dashboard(any(), eq(new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))),
				eq(Scope.county()));
	}

	@Test
	void aTownshipAdminIsHeldToItsTownshipAndSeesItSaid() throws Exception {
		long own = Api.as(port, "township").get("/api/v1/me").json().get("townshipId").asLong();
		long other = Api.as(port, "county")
			.get("/api/v1/townships?q=T02")
			.json()
			.get("items")
			.get(0)
			.get("id")
			.asLong();
		var r = new FormSession(port).login("township").get("/statistics?quick=all&townshipId=" + other);
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.body()).contains("class=\"fixed\">东岭镇<", "id=\"stationId\"")
			.doesNotContain("id=\"townshipId\"")
			.doesNotContain("青石乡")
			.contains("townshipId=" + own + "&amp;figure=OPINIONS")
			.contains("href=\"/targets\"");
	}

	@Test
	void aDeputySeesItsOwnFiguresWithoutPickersAndNoOtherReportTabs() throws Exception {
		var r = new FormSession(port).login("deputy").get("/statistics");
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.body()).contains("id=\"tile-OPINIONS\"", "class=\"fixed\"")
			.doesNotContain("id=\"townshipId\"")
			.doesNotContain("id=\"stationId\"")
			.doesNotContain("href=\"/ledgers\"")
			.doesNotContain("href=\"/briefings\"");
		var liaison = new FormSession(port).login("liaison").get("/statistics");
		assertThat(liaison.body()).contains("href=\"/ledgers\"", "href=\"/standards\"")
			.doesNotContain("href=\"/funding\"")
			.doesNotContain("href=\"/targets\"");
	}

	@Test
	void aDepartmentHandlerHasNoStatistics() throws Exception {
		FormSession s = new FormSession(port).login("department");
		for (String path : List.of("/statistics", "/statistics/opinions?figure=OPINIONS",
				"/statistics/activities?figure=ACTIVITIES")) {
			assertThat(s.get(path).statusCode()).as(path).isEqualTo(403);
		}
		assertThat(s.get("/dashboard").body()).doesNotContain("href=\"/statistics\"");
		verify(statistics, never()).dashboard(any(), any(), any());
	}

	@Test
	void badParametersAnswerTheBadRequestPage() throws Exception {
		FormSession s = new FormSession(port).login("county");
		for (String path : List.of("/statistics?from=2026-13-01", "/statistics?from=2026-05-01&to=2026-04-01",
				"/statistics?townshipId=abc", "/statistics?townshipId=-3", "/statistics?quick=forever",
				"/statistics/opinions?figure=NOPE", "/statistics/opinions?figure=ACTIVITIES",
				"/statistics/opinions?figure=OVERDUE&month=2026-01",
				"/statistics/opinions?figure=OPINIONS&month=2026-1x",
				"/statistics/opinions?figure=OPINIONS&dimension=COLOUR&key=x",
				"/statistics/opinions?figure=OPINIONS&dimension=DEPARTMENT&key=abc",
				"/statistics/opinions?figure=OPINIONS&key=ROADS", "/statistics/activities?figure=RESOLVED",
				"/statistics/activities?figure=ACTIVITIES&dimension=CATEGORY&key=ROADS")) {
			var r = s.get(path, "Accept", "text/html");
			assertThat(r.statusCode()).as(path).isEqualTo(400);
			assertThat(r.body()).as(path).contains("<main").doesNotContain("Exception").doesNotContain("at cn.");
		}
	}

	@Test
	void theRecordsBehindAFigureLinkToTheirPagesAndSayHowMany() throws Exception {
		FormSession s = new FormSession(port).login("county");
		var r = s
			.get("/statistics/opinions?from=2026-01-01&to=2026-12-31&figure=RESOLVED&dimension=CATEGORY&key=ROADS");
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.body()).contains("href=\"/opinions/4711\"", "解决落实", "：20 条", "2026-0101-00001", "已转建议")
			.contains("cursor=NDcxMQ")
			.contains("href=\"/statistics?from=2026-01-01&amp;to=2026-12-31\"");
		verify(statistics).opinions(any(), any(), eq(Scope.county()),
				eq(new Drill(Figure.RESOLVED, Dimension.CATEGORY, "ROADS", null)), isNull(), isNull());
		var a = s.get("/statistics/activities?quick=all&figure=ACTIVITIES&month=2026-01");
		assertThat(a.statusCode()).isEqualTo(200);
		assertThat(a.body()).contains("href=\"/activities/815\"", "：11 条").doesNotContain("rel=\"next\"");
		var en = s.get("/statistics/opinions?figure=OVERDUE&lang=en");
		assertThat(en.body()).contains("Overdue", ": 12");
	}

}
