package cn.deputylink.statistics;

import java.util.List;

/**
 * Everything the statistics page shows for a period and a scope: the scope actually used
 * (a township admin's is its township whatever it asked), the six figures, the handling
 * indicators, the months, and the breakdowns by category, source and department.
 */
public record Dashboard(Period period, Scope scope, Summary summary, Indicators indicators, List<MonthFigures> months,
		List<BreakdownRow> byCategory, List<BreakdownRow> bySource, List<BreakdownRow> byDepartment) {
}
