package cn.deputylink.calendar.internal;

import java.util.List;

/** The special days of one calendar year, in date order. */
public record CalendarYear(int year, List<SpecialDay> days) {

	public CalendarYear {
		days = List.copyOf(days);
	}

	public long holidays() {
		return days.stream().filter(d -> d.kind() == DayKind.HOLIDAY).count();
	}

	public long workdays() {
		return days.stream().filter(d -> d.kind() == DayKind.WORKDAY).count();
	}
}
