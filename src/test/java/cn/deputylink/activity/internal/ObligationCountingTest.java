package cn.deputylink.activity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.deputylink.activity.ComplianceRow;
import cn.deputylink.activity.ObligationState;
import cn.deputylink.activity.ObligationStatus;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.shared.InvalidInputException;

/**
 * The "三个一" counting across quarter and year boundaries, the states and "behind", and the
 * default year and quarter in the county's zone near midnight UTC at the turn of the
 * year.
 */
class ObligationCountingTest {

	private static LocalDate d(String s) {
		return LocalDate.parse(s);
	}

	private static ObligationCounting.Facts facts(List<String> visits, List<String> deeds) {
		ObligationCounting.Facts f = ObligationCounting.Facts.none();
		visits.forEach(v -> f.visits().add(d(v)));
		deeds.forEach(v -> f.deeds().add(d(v)));
		return f;
	}

	private static List<Integer> counts(ObligationStatus s) {
		return s.quarterlyVisits().stream().map(ObligationStatus.QuarterVisits::count).toList();
	}

	@Test
	void aVisitCountsInTheQuarterOfItsDateAcrossMarch31AndApril1() {
		ObligationStatus s = ObligationCounting.count(2026,
				facts(List.of("2026-03-31", "2026-04-01", "2026-06-30", "2026-07-01", "2026-09-30", "2026-10-01"),
						List.of()));
		assertThat(counts(s)).containsExactly(1, 2, 2, 1);
		assertThat(s.quarterlyVisits()).allMatch(ObligationStatus.QuarterVisits::met);
		assertThat(s.allMet()).isFalse();
	}

	@Test
	void december31AndJanuary1BelongToDifferentYears() {
		ObligationCounting.Facts f = facts(List.of("2025-12-31", "2026-01-01"), List.of("2025-12-31", "2026-01-01"));
		ObligationStatus y2025 = ObligationCounting.count(2025, f);
		ObligationStatus y2026 = ObligationCounting.count(2026, f);
		assertThat(counts(y2025)).containsExactly(0, 0, 0, 1);
		assertThat(counts(y2026)).containsExactly(1, 0, 0, 0);
		assertThat(y2025.practicalDeeds().count()).isEqualTo(1);
		assertThat(y2026.practicalDeeds().count()).isEqualTo(1);
		assertThat(ObligationCounting.count(2027, f).practicalDeeds().met()).isFalse();
	}

	@Test
	void aHouseholdCountsOnlyWhenPairedDuringTheYearAndHelpedInIt() {
		ObligationCounting.Facts f = ObligationCounting.Facts.none();
		// household 1: paired 2025-03-01 to 2026-01-01 (one day of 2026), helped
		// 2026-01-01
		f.pairings().add(new ObligationCounting.Pairing(1, d("2025-03-01"), d("2026-01-01")));
		f.help().add(new ObligationCounting.Help(1, d("2026-01-01")));
		// household 2: helped in 2026 but never paired with this deputy
		f.help().add(new ObligationCounting.Help(2, d("2026-05-01")));
		// household 3: paired until 2025-12-31, helped twice in 2025
		f.pairings().add(new ObligationCounting.Pairing(3, d("2024-01-01"), d("2025-12-31")));
		f.help().add(new ObligationCounting.Help(3, d("2025-12-31")));
		f.help().add(new ObligationCounting.Help(3, d("2025-06-01")));
		// household 4: paired from 2027 on, helped 2026-12-31
		f.pairings().add(new ObligationCounting.Pairing(4, d("2027-01-01"), null));
		f.help().add(new ObligationCounting.Help(4, d("2026-12-31")));
		assertThat(ObligationCounting.count(2026, f).povertyAidHouseholds().count()).isEqualTo(1);
		assertThat(ObligationCounting.count(2025, f).povertyAidHouseholds().count()).isEqualTo(1);
		assertThat(ObligationCounting.count(2024, f).povertyAidHouseholds().met()).isFalse();
	}

	@Test
	void allMetNeedsEveryQuarterTheDeedAndAHousehold() {
		ObligationCounting.Facts f = facts(List.of("2026-01-05", "2026-04-05", "2026-07-05", "2026-10-05"),
				List.of("2026-02-01"));
		assertThat(ObligationCounting.count(2026, f).allMet()).isFalse();
		f.pairings().add(new ObligationCounting.Pairing(7, d("2026-01-01"), null));
		f.help().add(new ObligationCounting.Help(7, d("2026-12-31")));
		ObligationStatus s = ObligationCounting.count(2026, f);
		assertThat(s.allMet()).isTrue();
		assertThat(s.metItems()).isEqualTo(6);
	}

	@Test
	void statesAndBehindFollowTheDay() {
		ObligationStatus s = ObligationCounting.count(2026, facts(List.of("2026-02-01"), List.of()));
		// on March 31: Q1 met, Q2 pending; the yearly items due but not behind
		ComplianceRow mar31 = ObligationCounting.row(1, "甲", List.of(), s, d("2026-03-31"));
		assertThat(mar31.quarters()).extracting(ComplianceRow.Item::state)
			.containsExactly(ObligationState.MET, ObligationState.PENDING, ObligationState.PENDING,
					ObligationState.PENDING);
		assertThat(mar31.practicalDeeds().state()).isEqualTo(ObligationState.DUE);
		assertThat(mar31.behind()).isFalse();
		// on April 1: Q2 running and unmet: behind on it
		ComplianceRow apr1 = ObligationCounting.row(1, "甲", List.of(), s, d("2026-04-01"));
		assertThat(apr1.quarters().get(1).state()).isEqualTo(ObligationState.DUE);
		assertThat(apr1.behindOn()).containsExactly("Q2");
		// on October 1: Q2 and Q3 missed, Q4 due, and the yearly items behind too
		ComplianceRow oct1 = ObligationCounting.row(1, "甲", List.of(), s, d("2026-10-01"));
		assertThat(oct1.behindOn()).containsExactly("Q2", "Q3", "Q4", "PRACTICAL_DEED", "POVERTY_AID");
		// a past year: every unmet item missed
		ComplianceRow next = ObligationCounting.row(1, "甲", List.of(), s, d("2027-01-01"));
		assertThat(next.quarters().get(3).state()).isEqualTo(ObligationState.MISSED);
		assertThat(next.practicalDeeds().state()).isEqualTo(ObligationState.MISSED);
	}

	@Test
	void aReminderNamesTheQuarterAndInTheLastQuarterTheYearlyItems() {
		ObligationStatus s = ObligationCounting.count(2026, facts(List.of("2026-06-30"), List.of("2026-01-01")));
		assertThat(ObligationCounting.reminderItems(s, d("2026-06-20"))).isEmpty();
		assertThat(ObligationCounting.reminderItems(s, d("2026-09-20"))).containsExactly("Q3");
		assertThat(ObligationCounting.reminderItems(s, d("2026-12-20"))).containsExactly("Q4", "POVERTY_AID");
	}

	@Test
	void theDefaultYearAndQuarterFollowShanghaiNotUtc() {
		ZoneId shanghai = ZoneId.of("Asia/Shanghai");
		// 2026-12-31 15:59 UTC is 23:59 in Shanghai: still 2026, Q4
		ObligationTracking before = tracking(Instant.parse("2026-12-31T15:59:00Z"), shanghai);
		assertThat(before.year(null)).isEqualTo(2026);
		assertThat(before.currentQuarter()).isEqualTo(4);
		// 2026-12-31 16:30 UTC is 00:30 on January 1 in Shanghai: 2027, Q1, though UTC
		// is still in 2026
		ObligationTracking after = tracking(Instant.parse("2026-12-31T16:30:00Z"), shanghai);
		assertThat(after.year(null)).isEqualTo(2027);
		assertThat(after.currentQuarter()).isEqualTo(1);
		assertThat(after.today()).isEqualTo(d("2027-01-01"));
		// the same at the end of March: 2027-03-31 16:00 UTC is April 1 in Shanghai
		assertThat(tracking(Instant.parse("2027-03-31T16:00:00Z"), shanghai).currentQuarter()).isEqualTo(2);
		assertThat(tracking(Instant.parse("2027-03-31T15:59:59Z"), shanghai).currentQuarter()).isEqualTo(1);
		// an explicit year is kept; out of range refused
		assertThat(after.year(2025)).isEqualTo(2025);
		List<Integer> refused = new ArrayList<>();
		for (int y : new int[] { 1999, 2101 }) {
			try {
				after.year(y);
			}
			catch (InvalidInputException ex) {
				refused.add(y);
			}
		}
		assertThat(refused).containsExactly(1999, 2101);
	}

	private static ObligationTracking tracking(Instant now, ZoneId zone) {
		return new ObligationTracking(mock(ObligationRows.class), mock(RegistryLookup.class),
				Clock.fixed(now, ZoneOffset.UTC), zone);
	}

}
