package cn.deputylink.calendar.internal;

/**
 * What a special day of the calendar is: a public holiday, or a weekend day made a
 * working day (调休上班).
 */
public enum DayKind {

	HOLIDAY, WORKDAY

}
