package cn.deputylink.calendar.internal;

import java.time.LocalDate;

import org.springframework.stereotype.Service;

import cn.deputylink.calendar.WorkingCalendar;

/**
 * {@link WorkingCalendar} over the county's calendar in the database. Each call reads the
 * special days of the whole years it needs in one query and does the arithmetic in memory
 * ({@link WorkingDays}); nothing is cached, so every node sees an edit at once.
 */
@Service
class DatabaseWorkingCalendar implements WorkingCalendar {

	private final CalendarDays days;

	DatabaseWorkingCalendar(CalendarDays days) {
		this.days = days;
	}

	private WorkingDays years(int first, int last) {
		return WorkingDays.of(days.between(LocalDate.of(first, 1, 1), LocalDate.of(last, 12, 31)));
	}

	@Override
	public boolean isWorkingDay(LocalDate day) {
		return days.find(day).map(d -> d.kind() == DayKind.WORKDAY).orElseGet(() -> !WorkingDays.weekend(day));
	}

	@Override
	public boolean knowsYear(int year) {
		return days.knowsYear(year);
	}

	@Override
	public LocalDate addWorkingDays(LocalDate from, int n) {
		if (n < 0) {
			throw new IllegalArgumentException("working days must not be negative: " + n);
		}
		// generous guess of the last year needed; read more only when the answer falls
		// beyond it
		int last = from.plusDays(n * 2L + 60).getYear();
		while (true) {
			LocalDate result = years(from.getYear(), last).addWorkingDays(from, n);
			if (result.getYear() <= last) {
				return result;
			}
			last = result.getYear();
		}
	}

	@Override
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		LocalDate first = from.isBefore(to) ? from : to;
		LocalDate last = from.isBefore(to) ? to : from;
		return years(first.getYear(), last.getYear()).workingDaysBetween(from, to);
	}

}
