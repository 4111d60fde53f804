package cn.deputylink.performance.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import cn.deputylink.performance.PerformanceFile;
import cn.deputylink.performance.PerformanceFile.DayMark;

/**
 * The twelve month grids of a file's year (weeks from Monday), each day with its marks:
 * the calendar of the page and of the PDF.
 */
public final class CalendarView {

	private CalendarView() {
	}

	/** A month: its number and its weeks of seven cells. */
	public record Month(int month, List<List<Cell>> weeks) {
	}

	/** A cell: a day of the month (null: padding) and what happened on it. */
	public record Cell(@Nullable LocalDate date, List<DayMark> marks) {

		public boolean marked() {
			return !marks.isEmpty();
		}

	}

	public static List<Month> months(PerformanceFile file) {
		Map<LocalDate, List<DayMark>> byDay = new LinkedHashMap<>();
		for (DayMark m : file.days()) {
			byDay.computeIfAbsent(m.date(), d -> new ArrayList<>()).add(m);
		}
		List<Month> months = new ArrayList<>();
		for (int m = 1; m <= 12; m++) {
			YearMonth ym = YearMonth.of(file.year(), m);
			List<List<Cell>> weeks = new ArrayList<>();
			List<Cell> week = new ArrayList<>();
			int lead = ym.atDay(1).getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue();
			for (int i = 0; i < lead; i++) {
				week.add(new Cell(null, List.of()));
			}
			for (int d = 1; d <= ym.lengthOfMonth(); d++) {
				LocalDate date = ym.atDay(d);
				week.add(new Cell(date, List.copyOf(byDay.getOrDefault(date, List.of()))));
				if (week.size() == 7) {
					weeks.add(List.copyOf(week));
					week = new ArrayList<>();
				}
			}
			if (!week.isEmpty()) {
				while (week.size() < 7) {
					week.add(new Cell(null, List.of()));
				}
				weeks.add(List.copyOf(week));
			}
			months.add(new Month(m, List.copyOf(weeks)));
		}
		return List.copyOf(months);
	}

}
