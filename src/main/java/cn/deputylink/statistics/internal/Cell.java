package cn.deputylink.statistics.internal;

import java.time.LocalDate;

/**
 * A key of the daily rollup: day, township, station and deputy (0 for none; deputy 0 is
 * the whole station's), ordered so that cells are always locked in one order; with the
 * month's first day, a key of the opinions' monthly rollups ({@link OpinionMonths}).
 */
record Cell(LocalDate day, long townshipId, long stationId, long deputyId) implements Comparable<Cell> {

	/** The month cell this day cell counts in: the same place, the month's first day. */
	Cell month() {
		return new Cell(day.withDayOfMonth(1), townshipId, stationId, deputyId);
	}

	@Override
	public int compareTo(Cell o) {
		int c = day.compareTo(o.day);
		if (c == 0) {
			c = Long.compare(townshipId, o.townshipId);
		}
		if (c == 0) {
			c = Long.compare(stationId, o.stationId);
		}
		return c != 0 ? c : Long.compare(deputyId, o.deputyId);
	}

}
