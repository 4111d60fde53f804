package cn.deputylink.activity.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import cn.deputylink.activity.ComplianceRow;
import cn.deputylink.activity.ObligationState;
import cn.deputylink.activity.ObligationStatus;
import cn.deputylink.activity.ObligationStatus.QuarterVisits;
import cn.deputylink.activity.ObligationStatus.Tally;

/**
 * The "三个一" counted from one deputy's facts, with no database and no clock: the dates of
 * its counting visits and practical deeds, its poverty-aid help (household and date) and
 * its pairings. A visit counts in the quarter of its date; a deed in its year; a
 * household counts when the deputy was paired with it at some point of the year and
 * helped it (a counting {@code POVERTY_AID} activity with the deputy) in the year.
 */
final class ObligationCounting {

	private ObligationCounting() {
	}

	/** Poverty-aid help: the household and the activity's date. */
	record Help(long householdId, LocalDate date) {
	}

	/**
	 * A pairing of the deputy with a household, from its start to its end if it ended.
	 */
	record Pairing(long householdId, LocalDate start, @Nullable LocalDate end) {
	}

	/** One deputy's facts (only counting activities). */
	record Facts(List<LocalDate> visits, List<LocalDate> deeds, List<Help> help, List<Pairing> pairings) {

		static Facts none() {
			return new Facts(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
		}

	}

	static int quarterOf(LocalDate d) {
		return (d.getMonthValue() - 1) / 3 + 1;
	}

	static LocalDate quarterStart(int year, int quarter) {
		return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
	}

	static LocalDate quarterEnd(int year, int quarter) {
		return quarterStart(year, quarter).plusMonths(3).minusDays(1);
	}

	static ObligationStatus count(int year, Facts f) {
		int[] visits = new int[4];
		for (LocalDate d : f.visits()) {
			if (d.getYear() == year) {
				visits[quarterOf(d) - 1]++;
			}
		}
		int deeds = (int) f.deeds().stream().filter(d -> d.getYear() == year).count();
		LocalDate first = LocalDate.of(year, 1, 1);
		LocalDate last = LocalDate.of(year, 12, 31);
		Set<Long> paired = new HashSet<>();
		for (Pairing p : f.pairings()) {
			if (!p.start().isAfter(last) && (p.end() == null || !p.end().isBefore(first))) {
				paired.add(p.householdId());
			}
		}
		Set<Long> helped = new HashSet<>();
		for (Help h : f.help()) {
			if (h.date().getYear() == year && paired.contains(h.householdId())) {
				helped.add(h.householdId());
			}
		}
		List<QuarterVisits> quarters = new ArrayList<>();
		boolean all = true;
		for (int q = 1; q <= 4; q++) {
			quarters.add(new QuarterVisits(q, visits[q - 1], visits[q - 1] > 0));
			all &= visits[q - 1] > 0;
		}
		return new ObligationStatus(year, List.copyOf(quarters), new Tally(deeds, deeds > 0),
				new Tally(helped.size(), !helped.isEmpty()), all && deeds > 0 && !helped.isEmpty());
	}

	/**
	 * An item's state on {@code today} for a period from {@code start} to {@code end}.
	 */
	static ObligationState state(boolean met, LocalDate start, LocalDate end, LocalDate today) {
		if (met) {
			return ObligationState.MET;
		}
		if (today.isAfter(end)) {
			return ObligationState.MISSED;
		}
		if (today.isBefore(start)) {
			return ObligationState.PENDING;
		}
		return ObligationState.DUE;
	}

	/**
	 * The compliance page's row: each item's state on {@code today}, and whether the
	 * deputy is behind (see {@link ComplianceRow}).
	 */
	static ComplianceRow row(long deputyId, String name, List<Long> stationIds, ObligationStatus s, LocalDate today) {
		int year = s.year();
		List<ComplianceRow.Item> quarters = new ArrayList<>();
		List<String> behindOn = new ArrayList<>();
		for (QuarterVisits v : s.quarterlyVisits()) {
			ObligationState st = state(v.met(), quarterStart(year, v.quarter()), quarterEnd(year, v.quarter()), today);
			quarters.add(new ComplianceRow.Item("Q" + v.quarter(), v.count(), st));
			if (st == ObligationState.MISSED || st == ObligationState.DUE) {
				behindOn.add("Q" + v.quarter());
			}
		}
		LocalDate first = LocalDate.of(year, 1, 1);
		LocalDate last = LocalDate.of(year, 12, 31);
		// the yearly items are behind once the year is over, or during its last quarter
		boolean lastQuarter = today.getYear() == year && quarterOf(today) == 4;
		ObligationState deed = state(s.practicalDeeds().met(), first, last, today);
		ObligationState aid = state(s.povertyAidHouseholds().met(), first, last, today);
		if (deed == ObligationState.MISSED || (deed == ObligationState.DUE && lastQuarter)) {
			behindOn.add("PRACTICAL_DEED");
		}
		if (aid == ObligationState.MISSED || (aid == ObligationState.DUE && lastQuarter)) {
			behindOn.add("POVERTY_AID");
		}
		return new ComplianceRow(deputyId, name, stationIds, List.copyOf(quarters),
				new ComplianceRow.Item("PRACTICAL_DEED", s.practicalDeeds().count(), deed),
				new ComplianceRow.Item("POVERTY_AID", s.povertyAidHouseholds().count(), aid), s.allMet(),
				!behindOn.isEmpty(), List.copyOf(behindOn));
	}

	/**
	 * What a reminder on {@code today} is about: the current quarter's visit if it is not
	 * met, and in the last quarter the deed and the household too; empty when nothing is
	 * missing.
	 */
	static List<String> reminderItems(ObligationStatus s, LocalDate today) {
		List<String> items = new ArrayList<>();
		int q = quarterOf(today);
		if (!s.quarterlyVisits().get(q - 1).met()) {
			items.add("Q" + q);
		}
		if (q == 4) {
			if (!s.practicalDeeds().met()) {
				items.add("PRACTICAL_DEED");
			}
			if (!s.povertyAidHouseholds().met()) {
				items.add("POVERTY_AID");
			}
		}
		return List.copyOf(items);
	}

}
