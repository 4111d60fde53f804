package cn.deputylink.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Random;

import org.junit.jupiter.api.Test;

import cn.deputylink.statistics.Period;

/**
 * A period split into whole months (read from the monthly rollups) and edge days (read
 * from the projection): every day of the period in exactly one of them, no day outside
 * it, whole months only in the months, edges only at the ends, for random periods.
 */
class FiguresSplitTest {

	private static final LocalDate LOW = LocalDate.of(2023, 11, 1);

	private static final LocalDate HIGH = LocalDate.of(2026, 3, 31);

	private static LocalDate day(Random random) {
		LocalDate d = LOW.plusDays(20 + random.nextInt(800));
		return switch (random.nextInt(4)) {
			case 0 -> d.withDayOfMonth(1);
			case 1 -> YearMonth.from(d).atEndOfMonth();
			default -> d;
		};
	}

	private static int times(Figures.Split split, LocalDate day) {
		int n = 0;
		LocalDate month = day.withDayOfMonth(1);
		if (split.months() && (split.firstMonth() == null || !month.isBefore(split.firstMonth()))
				&& (split.lastMonth() == null || !month.isAfter(split.lastMonth()))) {
			n++;
		}
		for (Figures.Split.Days e : split.edges()) {
			if (!day.isBefore(e.first()) && !day.isAfter(e.last())) {
				n++;
			}
		}
		return n;
	}

	@Test
	void everyDayOfThePeriodIsReadOnceFromAMonthOrAnEdge() {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		for (int i = 0; i < 2000; i++) {
			LocalDate a = day(random);
			LocalDate b = random.nextBoolean() ? a.plusDays(random.nextInt(40)) : day(random);
			Period p = new Period(random.nextInt(6) == 0 ? null : a.isAfter(b) ? b : a,
					random.nextInt(6) == 0 ? null : a.isAfter(b) ? a : b);
			Figures.Split split = Figures.Split.of(p);
			assertThat(split.edges()).as("seed %d: %s", seed, p).hasSizeLessThanOrEqualTo(2);
			for (Figures.Split.Days e : split.edges()) {
				assertThat(e.first()).isBeforeOrEqualTo(e.last());
				assertThat(e.last()).isBefore(e.first().plusMonths(2));
			}
			for (LocalDate d = LOW; !d.isAfter(HIGH); d = d.plusDays(1)) {
				assertThat(times(split, d)).as("seed %d: %s on %s", seed, p, d).isEqualTo(p.contains(d) ? 1 : 0);
			}
			if (split.months() && p.from() != null && p.to() != null) {
				assertThat(split.firstMonth()).isNotNull();
				assertThat(split.lastMonth()).isNotNull();
			}
		}
		// whole months: no edges
		Figures.Split whole = Figures.Split.of(new Period(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 4, 30)));
		assertThat(whole.edges()).isEmpty();
		assertThat(whole.firstMonth()).isEqualTo(LocalDate.of(2025, 2, 1));
		assertThat(whole.lastMonth()).isEqualTo(LocalDate.of(2025, 4, 1));
		assertThat(Figures.Split.of(Period.allTime()).edges()).isEmpty();
		// within a month: all edge
		assertThat(Figures.Split.of(new Period(LocalDate.of(2025, 2, 3), LocalDate.of(2025, 2, 27))).months())
			.isFalse();
	}

}
