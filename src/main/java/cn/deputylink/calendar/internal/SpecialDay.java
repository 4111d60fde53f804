package cn.deputylink.calendar.internal;

import java.time.LocalDate;

/**
 * One exception to the weekly rhythm: a holiday, or an adjusted working day, with its
 * name ("国庆节").
 */
public record SpecialDay(LocalDate date, DayKind kind, String name) {
}
