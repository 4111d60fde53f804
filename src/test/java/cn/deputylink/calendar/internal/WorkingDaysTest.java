package cn.deputylink.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import cn.deputylink.calendar.WorkingCalendar;
import cn.deputylink.shared.excel.ImportRejectedException;
import cn.deputylink.shared.excel.RowError;

/** The working-day arithmetic over the shipped 2025 and 2026 holidays, without Spring. */
class WorkingDaysTest {

	static final WorkingDays CN = shipped();

	static WorkingDays shipped() {
		try (InputStream in = WorkingDaysTest.class.getResourceAsStream("/calendar/cn-public-holidays.csv")) {
			return WorkingDays.of(CalendarFiles.check(CalendarFiles.read(in.readAllBytes()), null));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static LocalDate d(String iso) {
		return LocalDate.parse(iso);
	}

	/**
	 * Working days in (from, to] counted one day at a time: the definition, to check the
	 * fast count.
	 */
	static int slowCount(WorkingCalendar c, LocalDate from, LocalDate to) {
		int sign = to.isBefore(from) ? -1 : 1;
		LocalDate a = sign > 0 ? from : to;
		LocalDate b = sign > 0 ? to : from;
		int n = 0;
		for (LocalDate x = a.plusDays(1); !x.isAfter(b); x = x.plusDays(1)) {
			if (c.isWorkingDay(x)) {
				n++;
			}
		}
		return sign * n;
	}

	@Test
	void withoutSpecialDaysWeekendsRestAndWeekdaysWork() {
		WorkingDays plain = new WorkingDays(Map.of());
		assertThat(plain.isWorkingDay(d("2027-03-06"))).as("Saturday").isFalse();
		assertThat(plain.isWorkingDay(d("2027-03-07"))).as("Sunday").isFalse();
		assertThat(plain.isWorkingDay(d("2027-03-08"))).as("Monday").isTrue();
		assertThat(plain.isWorkingDay(d("2027-03-12"))).as("Friday").isTrue();
		// Friday + 1 working day = Monday; a week is five working days
		assertThat(plain.addWorkingDays(d("2027-03-12"), 1)).isEqualTo(d("2027-03-15"));
		assertThat(plain.addWorkingDays(d("2027-03-08"), 5)).isEqualTo(d("2027-03-15"));
		assertThat(plain.workingDaysBetween(d("2027-03-05"), d("2027-03-12"))).isEqualTo(5);
		assertThat(plain.workingDaysBetween(d("2027-03-06"), d("2027-03-07"))).isZero();
	}

	@Test
	void springFestivalAndNationalDayOf2025() {
		for (LocalDate x = d("2025-01-28"); !x.isAfter(d("2025-02-04")); x = x.plusDays(1)) {
			assertThat(CN.isWorkingDay(x)).as("Spring Festival %s", x).isFalse();
		}
		assertThat(CN.isWorkingDay(d("2025-01-26"))).as("Sunday made a working day").isTrue();
		assertThat(CN.isWorkingDay(d("2025-02-08"))).as("Saturday made a working day").isTrue();
		assertThat(CN.isWorkingDay(d("2025-02-05"))).isTrue();
		for (LocalDate x = d("2025-10-01"); !x.isAfter(d("2025-10-08")); x = x.plusDays(1)) {
			assertThat(CN.isWorkingDay(x)).as("National Day %s", x).isFalse();
		}
		assertThat(CN.isWorkingDay(d("2025-09-28"))).as("Sunday made a working day").isTrue();
		assertThat(CN.isWorkingDay(d("2025-10-11"))).as("Saturday made a working day").isTrue();
		assertThat(CN.isWorkingDay(d("2025-10-12"))).as("an ordinary Sunday").isFalse();
		assertThat(CN.isWorkingDay(d("2025-10-09"))).isTrue();
	}

	@Test
	void springFestivalAndNationalDayOf2026() {
		for (LocalDate x = d("2026-02-15"); !x.isAfter(d("2026-02-23")); x = x.plusDays(1)) {
			assertThat(CN.isWorkingDay(x)).as("Spring Festival %s", x).isFalse();
		}
		assertThat(CN.isWorkingDay(d("2026-02-14"))).as("Saturday made a working day").isTrue();
		assertThat(CN.isWorkingDay(d("2026-02-28"))).as("Saturday made a working day").isTrue();
		assertThat(CN.isWorkingDay(d("2026-02-24"))).isTrue();
		for (LocalDate x = d("2026-10-01"); !x.isAfter(d("2026-10-07")); x = x.plusDays(1)) {
			assertThat(CN.isWorkingDay(x)).as("National Day %s", x).isFalse();
		}
		assertThat(CN.isWorkingDay(d("2026-09-20"))).as("Sunday made a working day").isTrue();
		assertThat(CN.isWorkingDay(d("2026-10-10"))).as("Saturday made a working day").isTrue();
		assertThat(CN.isWorkingDay(d("2026-10-08"))).isTrue();
	}

	@Test
	void fifteenWorkingDaysAcrossNationalDay2025() {
		// from Fri 26 Sep: Sun 28 Sep, Mon 29, Tue 30 (3); holiday 1–8 Oct; Thu 9, Fri
		// 10, Sat 11 (6);
		// 13–17 Oct (11); 20–23 Oct (15)
		assertThat(CN.addWorkingDays(d("2025-09-26"), 15)).isEqualTo(d("2025-10-23"));
		assertThat(CN.addWorkingDays(d("2025-09-30"), 1)).isEqualTo(d("2025-10-09"));
		// without the calendar it would be 17 October
		assertThat(new WorkingDays(Map.of()).addWorkingDays(d("2025-09-26"), 15)).isEqualTo(d("2025-10-17"));
	}

	@Test
	void zeroWorkingDaysIsTheDayItselfOrTheNextWorkingDay() {
		assertThat(CN.addWorkingDays(d("2025-10-03"), 0)).isEqualTo(d("2025-10-09"));
		assertThat(CN.addWorkingDays(d("2026-02-15"), 0)).isEqualTo(d("2026-02-24"));
		assertThat(CN.addWorkingDays(d("2025-09-28"), 0)).as("an adjusted Sunday works").isEqualTo(d("2025-09-28"));
		assertThat(CN.addWorkingDays(d("2025-10-09"), 0)).isEqualTo(d("2025-10-09"));
		assertThatThrownBy(() -> CN.addWorkingDays(d("2025-10-09"), -1)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void workingDaysBetweenIsPositiveNegativeOrZero() {
		assertThat(CN.workingDaysBetween(d("2025-09-26"), d("2025-10-23"))).isEqualTo(15);
		assertThat(CN.workingDaysBetween(d("2025-10-23"), d("2025-09-26"))).isEqualTo(-15);
		assertThat(CN.workingDaysBetween(d("2025-10-09"), d("2025-10-09"))).isZero();
		assertThat(CN.workingDaysBetween(d("2025-09-30"), d("2025-10-08"))).as("inside the holiday").isZero();
		assertThat(CN.workingDaysBetween(d("2025-10-08"), d("2025-09-30"))).isZero();
		// the whole of 2025: 261 weekdays, less 18 holidays on weekdays (1 + 6 + 1 + 3 +
		// 1 + 6), plus 5 weekend days made working days
		int year = CN.workingDaysBetween(d("2024-12-31"), d("2025-12-31"));
		assertThat(year).isEqualTo(slowCount(CN, d("2024-12-31"), d("2025-12-31"))).isEqualTo(248);
	}

	@Test
	void theFastCountAgreesWithCountingDayByDay() {
		Random random = new Random(20251001);
		for (int i = 0; i < 2000; i++) {
			LocalDate a = d("2024-10-01").plusDays(random.nextInt(900));
			LocalDate b = a.plusDays(random.nextInt(200) - 100);
			assertThat(CN.workingDaysBetween(a, b)).as("%s..%s", a, b).isEqualTo(slowCount(CN, a, b));
		}
	}

	@Test
	void addingThenCountingGivesBackTheWorkingDays() {
		Random random = new Random(42);
		for (int i = 0; i < 3000; i++) {
			LocalDate from = d("2024-11-01").plusDays(random.nextInt(800));
			LocalDate first = CN.addWorkingDays(from, 0);
			assertThat(CN.isWorkingDay(first)).isTrue();
			assertThat(CN.workingDaysBetween(from, first)).as("nothing but rest days before it")
				.isEqualTo(CN.isWorkingDay(from) ? 0 : 1);
			int n = 1 + random.nextInt(60);
			LocalDate due = CN.addWorkingDays(from, n);
			assertThat(CN.workingDaysBetween(from, due)).as("%s + %d = %s", from, n, due).isEqualTo(n);
			assertThat(CN.isWorkingDay(due)).as("a deadline falls on a working day").isTrue();
			assertThat(CN.workingDaysBetween(from, due.minusDays(1))).as("and not a day later").isEqualTo(n - 1);
		}
	}

	@Test
	void theImportCheckListsEveryBadRow() {
		var rows = CalendarFiles.csv("""
				date,kind,name
				2027-10-01,HOLIDAY,国庆节
				2027-13-01,HOLIDAY,坏日期
				2028-01-01,HOLIDAY,元旦
				2027-10-02,PARTY,国庆节
				2027-10-01,HOLIDAY,重复
				2027-10-03,HOLIDAY,
				2027-10-06,WORKDAY,周三调休
				2027-2-29,HOLIDAY,不存在的日子
				""");
		assertThatThrownBy(() -> CalendarFiles.check(rows, 2027)).isInstanceOfSatisfying(ImportRejectedException.class,
				ex -> assertThat(ex.errors()).extracting(RowError::row, RowError::messageKey)
					.containsExactly(Tuple.tuple(3, "calendar.import.date"),
							Tuple.tuple(4, "calendar.import.outsideYear"), Tuple.tuple(5, "calendar.import.kind"),
							Tuple.tuple(6, "calendar.import.duplicate"), Tuple.tuple(7, "calendar.import.nameMissing"),
							Tuple.tuple(8, "calendar.error.workdayOnWeekday"), Tuple.tuple(9, "calendar.import.date")));
		List<SpecialDay> ok = CalendarFiles.check(CalendarFiles.csv("\uFEFF日期,类型,名称\r\n2027/10/1,休,\"国庆节, 中秋节\"\r\n"),
				2027);
		assertThat(ok).containsExactly(new SpecialDay(d("2027-10-01"), DayKind.HOLIDAY, "国庆节, 中秋节"));
	}

}
