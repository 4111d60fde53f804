package cn.deputylink.calendar;

import java.time.LocalDate;

/**
 * Working-day arithmetic over the county's calendar. A day is a working day when it is a
 * Monday to Friday that is not a public holiday, or a weekend day declared an adjusted
 * working day (调休上班).
 */
public interface WorkingCalendar {

	/** Whether {@code day} is a working day. */
	boolean isWorkingDay(LocalDate day);

	/**
	 * Whether the calendar holds {@code year}'s holidays and adjusted working days
	 * (shipped, imported or entered). In a year it does not hold, only weekends are days
	 * off — New Year's Day included — until the State Council's schedule is imported.
	 */
	boolean knowsYear(int year);

	/**
	 * The date {@code n} working days after {@code from} ({@code from} itself does not
	 * count): the deadline of something started on {@code from} with {@code n} working
	 * days to go. {@code n = 0} gives {@code from} when it is a working day, else the
	 * next working day.
	 */
	LocalDate addWorkingDays(LocalDate from, int n);

	/**
	 * Working days in the half-open interval ({@code from}, {@code to}]: how many working
	 * days are left from {@code from} until {@code to}. Negative when {@code to} is
	 * before {@code from}.
	 */
	int workingDaysBetween(LocalDate from, LocalDate to);

}
