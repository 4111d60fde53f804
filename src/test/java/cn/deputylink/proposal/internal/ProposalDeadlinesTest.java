package cn.deputylink.proposal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.deputylink.calendar.WorkingCalendar;

/**
 * A proposal's deadlines over a fixed calendar: the National Day holiday 1–7 October 2026
 * and two adjusted working days (调休上班), Saturday 26 September and Saturday 10 October.
 */
class ProposalDeadlinesTest {

	static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2),
			LocalDate.of(2026, 10, 3), LocalDate.of(2026, 10, 4), LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 6),
			LocalDate.of(2026, 10, 7));

	static final Set<LocalDate> ADJUSTED = Set.of(LocalDate.of(2026, 9, 26), LocalDate.of(2026, 10, 10));

	static final WorkingCalendar CALENDAR = new WorkingCalendar() {
		@Override
		public boolean isWorkingDay(LocalDate day) {
			if (ADJUSTED.contains(day)) {
				return true;
			}
			return !HOLIDAYS.contains(day) && day.getDayOfWeek() != DayOfWeek.SATURDAY
					&& day.getDayOfWeek() != DayOfWeek.SUNDAY;
		}

		@Override
		public boolean knowsYear(int year) {
			return true;
		}

		@Override
		public LocalDate addWorkingDays(LocalDate from, int n) {
			LocalDate d = from;
			if (n == 0) {
				while (!isWorkingDay(d)) {
					d = d.plusDays(1);
				}
				return d;
			}
			int left = n;
			while (left > 0) {
				d = d.plusDays(1);
				if (isWorkingDay(d)) {
					left--;
				}
			}
			return d;
		}

		@Override
		public int workingDaysBetween(LocalDate from, LocalDate to) {
			int n = 0;
			for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
				n += isWorkingDay(d) ? 1 : 0;
			}
			return n;
		}
	};

	final ProposalDeadlines deadlines = new ProposalDeadlines(CALENDAR, ProposalSettings.defaults());

	@Test
	void aRecessProposalIsAssignedWithinFiveWorkingDays() {
		// Mon 28 Sep: Tue, Wed, (holiday), Thu 8, Fri 9, adjusted Sat 10 October
		assertThat(deadlines.assignBy(LocalDate.of(2026, 9, 28))).isEqualTo(LocalDate.of(2026, 10, 10));
		// Fri 25 Sep: adjusted Sat 26, Mon 28, Tue 29, Wed 30, (holiday), Thu 8 October
		assertThat(deadlines.assignBy(LocalDate.of(2026, 9, 25))).isEqualTo(LocalDate.of(2026, 10, 8));
		// an ordinary week: Mon 2 Mar → Mon 9 Mar
		assertThat(deadlines.assignBy(LocalDate.of(2026, 3, 2))).isEqualTo(LocalDate.of(2026, 3, 9));
	}

	@Test
	void theReplyIsDueThreeMonthsAfterAssignmentOnAWorkingDay() {
		assertThat(deadlines.replyDue(LocalDate.of(2026, 3, 10))).isEqualTo(LocalDate.of(2026, 6, 10));
		// 3 October is in the holiday: the next working day
		assertThat(deadlines.replyDue(LocalDate.of(2026, 7, 3))).isEqualTo(LocalDate.of(2026, 10, 8));
		// a Sunday at the end of a short month: 30 Nov + 3 months = 28 Feb 2027 (Sunday)
		assertThat(deadlines.replyDue(LocalDate.of(2026, 11, 30))).isEqualTo(LocalDate.of(2027, 3, 1));
		// an adjusted Saturday is a working day: 26 June + 3 months stays
		assertThat(deadlines.replyDue(LocalDate.of(2026, 6, 26))).isEqualTo(LocalDate.of(2026, 9, 26));
	}

	@Test
	void anExtensionMakesItSixMonthsAfterAssignment() {
		assertThat(deadlines.extendedReplyDue(LocalDate.of(2026, 3, 10))).isEqualTo(LocalDate.of(2026, 9, 10));
		assertThat(deadlines.extendedReplyDue(LocalDate.of(2026, 4, 5))).isEqualTo(LocalDate.of(2026, 10, 8));
	}

	@Test
	void theSecondHandlingHasOneMonth() {
		assertThat(deadlines.rehandleDue(LocalDate.of(2026, 9, 3))).isEqualTo(LocalDate.of(2026, 10, 8));
		assertThat(deadlines.rehandleDue(LocalDate.of(2026, 8, 26))).isEqualTo(LocalDate.of(2026, 9, 26));
		// a Saturday that is not adjusted rolls to Monday
		assertThat(deadlines.rehandleDue(LocalDate.of(2026, 4, 16))).isEqualTo(LocalDate.of(2026, 5, 18));
	}

	@Test
	void theDurationsAreConfigurable() {
		ProposalDeadlines other = new ProposalDeadlines(CALENDAR, new ProposalSettings(2, 2, 4, 2, 1024));
		assertThat(other.assignBy(LocalDate.of(2026, 9, 29))).isEqualTo(LocalDate.of(2026, 10, 8));
		assertThat(other.replyDue(LocalDate.of(2026, 3, 10))).isEqualTo(LocalDate.of(2026, 5, 11));
		assertThat(other.extendedReplyDue(LocalDate.of(2026, 3, 10))).isEqualTo(LocalDate.of(2026, 7, 10));
		assertThat(other.rehandleDue(LocalDate.of(2026, 8, 3))).isEqualTo(LocalDate.of(2026, 10, 8));
	}

}
