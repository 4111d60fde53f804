package cn.deputylink.statistics;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import cn.deputylink.shared.InvalidInputException;

/**
 * A closed period of days [from, to] in the county's dates; an omitted end is open (all
 * time on that side).
 */
public record Period(@Nullable LocalDate from, @Nullable LocalDate to) {

	public Period {
		if (from != null && to != null && to.isBefore(from)) {
			throw new InvalidInputException("to", "statistics.period.reversed");
		}
	}

	public static Period allTime() {
		return new Period(null, null);
	}

	public static Period year(int year) {
		return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
	}

	public boolean contains(LocalDate day) {
		return (from == null || !day.isBefore(from)) && (to == null || !day.isAfter(to));
	}

}
