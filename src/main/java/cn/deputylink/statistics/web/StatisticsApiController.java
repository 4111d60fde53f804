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

	@GetMapping("/summary")
	Summary summary(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable Long townshipId,
			@RequestParam(required = false) @Nullable Long stationId,
			@RequestParam(required = false) @Nullable Long deputyId) {
		return statistics.summary(CurrentUser.get(), new Period(from, to), new Scope(townshipId, stationId, deputyId));
	}

	@GetMapping("/dashboard")
	Dashboard dashboard(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable Long townshipId,
			@RequestParam(required = false) @Nullable Long stationId,
			@RequestParam(required = false) @Nullable Long deputyId) {
		return statistics.dashboard(CurrentUser.get(), new Period(from, to),
				new Scope(townshipId, stationId, deputyId));
	}

	@GetMapping("/breakdown")
	List<BreakdownRow> breakdown(@RequestParam Dimension dimension,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable Long townshipId,
			@RequestParam(required = false) @Nullable Long stationId,
			@RequestParam(required = false) @Nullable Long deputyId) {
		return statistics.breakdown(CurrentUser.get(), new Period(from, to), new Scope(townshipId, stationId, deputyId),
				dimension);
	}

	@GetMapping("/opinions")
	CursorPage<OpinionEntry> opinions(@RequestParam Figure figure,
			@RequestParam(required = false) @Nullable Dimension dimension,
			@RequestParam(required = false) @Nullable String key,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") @Nullable YearMonth month,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable Long townshipId,
			@RequestParam(required = false) @Nullable Long stationId,
			@RequestParam(required = false) @Nullable Long deputyId,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable Integer limit) {
		return statistics.opinions(CurrentUser.get(), new Period(from, to), new Scope(townshipId, stationId, deputyId),
				new Drill(figure, dimension, key, month), cursor, limit);
	}

	@GetMapping("/activities")
	CursorPage<ActivityEntry> activities(@RequestParam Figure figure,
			@RequestParam(required = false) @DateTimeFormat(pattern = "yyyy-MM") @Nullable YearMonth month,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable Long townshipId,
			@RequestParam(required = false) @Nullable Long stationId,
			@RequestParam(required = false) @Nullable Long deputyId,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable Integer limit) {
		return statistics.activities(CurrentUser.get(), new Period(from, to),
				new Scope(townshipId, stationId, deputyId), new Drill(figure, null, null, month), cursor, limit);
	}

	@PostMapping("/reconciliation")
	ReconciliationReport reconcile(@RequestParam(defaultValue = "false") boolean repair) {
		if (!CurrentUser.get().isCountyAdmin()) {
			throw new AccessDeniedException("statistics reconciliation");
		}
		return reconciliation.reconcile(repair);
	}

}
