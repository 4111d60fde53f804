package cn.deputylink.statistics;

import java.time.YearMonth;

/** The six figures of one month of the period (the trend). */
public record MonthFigures(YearMonth month, Summary summary) {
}
