package cn.deputylink.calendar.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import cn.deputylink.calendar.WorkingCalendar;

/**
 * The working-day arithmetic of {@link WorkingCalendar} over a fixed set of special days,
 * without a database: Monday to Friday work and weekends rest, except where a special day
 * says otherwise. The answers are right for dates whose special days are all in the map;
 * {@link DatabaseWorkingCalendar} builds one per call from the years the call needs.
 */
final class WorkingDays implements WorkingCalendar {

	/** 1970-01-05, the first Monday of the epoch: weekday counting starts here. */
	private static final long MONDAY = 4;

	private final NavigableMap<LocalDate, DayKind> special;

	public WorkingDays(Map<LocalDate, DayKind> special) {
		this.special = new TreeMap<>(special);
	}

	public static WorkingDays of(Collection<SpecialDay> days) {
		TreeMap<LocalDate, DayKind> map = new TreeMap<>();
		days.forEach(d -> map.put(d.date(), d.kind()));
		return new WorkingDays(map);
	}

	public static boolean weekend(LocalDate day) {
		DayOfWeek w = day.getDayOfWeek();
		return w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY;
	}

	@Override
	public boolean knowsYear(int year) {
		return !special.subMap(LocalDate.of(year, 1, 1), true, LocalDate.of(year, 12, 31), true).isEmpty();
	}

	@Override
	public boolean isWorkingDay(LocalDate day) {
		DayKind kind = special.get(day);
		return kind == null ? !weekend(day) : kind == DayKind.WORKDAY;
	}

	/**
	 * @throws IllegalArgumentException {@code n} is negative
	 */
	@Override
	public LocalDate addWorkingDays(LocalDate from, int n) {
		if (n < 0) {
			throw new IllegalArgumentException("working days must not be negative: " + n);
		}
		LocalDate day = from;
		if (n == 0) {
			while (!isWorkingDay(day)) {
				day = day.plusDays(1);
			}
			return day;
		}
		int left = n;
		while (left > 0) {
			day = day.plusDays(1);
			if (isWorkingDay(day)) {
				left--;
			}
		}
		return day;
	}

	@Override
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			return -workingDaysBetween(to, from);
		}
		// Monday-to-Friday days in (from, to], then the special days in that interval
		// that change it
		long count = weekdaysBefore(to.toEpochDay() + 1) - weekdaysBefore(from.toEpochDay() + 1);
		for (Map.Entry<LocalDate, DayKind> e : special.subMap(from, false, to, true).entrySet()) {
			boolean weekend = weekend(e.getKey());
			if (e.getValue() == DayKind.HOLIDAY && !weekend) {
				count--;
			}
			else if (e.getValue() == DayKind.WORKDAY && weekend) {
				count++;
			}
		}
		return Math.toIntExact(count);
	}

	/**
	 * Monday-to-Friday days from the epoch's first Monday up to, not including, epoch day
	 * {@code e}.
	 */
	private static long weekdaysBefore(long e) {
		long d = e - MONDAY;
		return Math.floorDiv(d, 7) * 5 + Math.min(Math.floorMod(d, 7), 5);
	}

}
