package cn.deputylink.statistics.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.shared.CursorPage;
import cn.deputylink.statistics.ActivityEntry;
import cn.deputylink.statistics.BreakdownRow;
import cn.deputylink.statistics.Dashboard;
import cn.deputylink.statistics.Dimension;
import cn.deputylink.statistics.Drill;
import cn.deputylink.statistics.Figure;
import cn.deputylink.statistics.OpinionEntry;
import cn.deputylink.statistics.Period;
import cn.deputylink.statistics.ReconciliationReport;
import cn.deputylink.statistics.Scope;
import cn.deputylink.statistics.Statistics;
import cn.deputylink.statistics.StatisticsReconciliation;
import cn.deputylink.statistics.Summary;

/**
 * The figures as JSON: the summary of {@code api.md}, the dashboard, a breakdown, the
 * records behind a figure ({@code {items, nextCursor}}), and the reconciliation (county
 * admins). Scope as {@link Statistics} says; bad dates, ids or names 400.
 */
@RestController
@RequestMapping("/api/v1/statistics")
class StatisticsApiController {

	private final Statistics statistics;

	private final StatisticsReconciliation reconciliation;

	StatisticsApiController(Statistics statistics, StatisticsReconciliation reconciliation) {
		this.statistics = statistics;
		this.reconciliation = reconciliation;
	}

	/**
	 * The period and scope parameters every statistics request takes, bound from the
	 * query string (an unreadable date or id: 400).
	 */
	record Query(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to, @Nullable Long townshipId,
			@Nullable Long stationId, @Nullable Long deputyId) {

		Period period() {
			return new Period(from, to);
		}

		Scope scope() {
			return new Scope(townshipId, stationId, deputyId);
		}

	}

	@GetMapping("/summary")
	Summary summary(Query q) {
		return statistics.summary(CurrentUser.get(), q.period(), q.scope());
	}

	@GetMapping("/dashboard")
	Dashboard dashboard(Query q) {
		return statistics.dashboard(CurrentUser.get(), q.period(), q.scope());
	}

	@GetMapping("/breakdown")
	List<BreakdownRow> breakdown(@RequestParam Dimension dimension, Query q) {
		return statistics.breakdown(CurrentUser.get(), q.period(), q.scope(), dimension);
	}

	@GetMapping("/opinions")
	CursorPage<OpinionEntry> opinions(@RequestParam Figure figure,
			@RequestParam(required = false) @Nullable Dimension dimension,
			@RequestParam(required = false) @Nullable String key,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") @Nullable YearMonth month, Query q,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable Integer limit) {
		return statistics.opinions(CurrentUser.get(), q.period(), q.scope(), new Drill(figure, dimension, key, month),
				cursor, limit);
	}

	@GetMapping("/activities")
	CursorPage<ActivityEntry> activities(@RequestParam Figure figure,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") @Nullable YearMonth month, Query q,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable Integer limit) {
		return statistics.activities(CurrentUser.get(), q.period(), q.scope(), new Drill(figure, null, null, month),
				cursor, limit);
	}

	@PostMapping("/reconciliation")
	ReconciliationReport reconcile(@RequestParam(defaultValue = "false") boolean repair) {
		if (!CurrentUser.get().isCountyAdmin()) {
			throw new AccessDeniedException("statistics reconciliation");
		}
		return reconciliation.reconcile(repair);
	}

}
