package cn.deputylink.activity;

import java.util.List;

/**
 * A deputy's "三个一" for a year as {@code docs/api.md} fixes it: the visits (走访) of each
 * quarter, the practical deeds (办实事) of the year, the paired households helped in the
 * year (帮扶), each with whether it is met, and whether all are.
 */
public record ObligationStatus(int year, List<QuarterVisits> quarterlyVisits, Tally practicalDeeds,
		Tally povertyAidHouseholds, boolean allMet) {

	/** The counting visits of one quarter (1–4). */
	public record QuarterVisits(int quarter, int count, boolean met) {
	}

	/** A count and whether it reaches one. */
	public record Tally(int count, boolean met) {
	}

	/** How many of the six items (four quarters, the deed, the household) are met. */
	public int metItems() {
		int n = (int) quarterlyVisits.stream().filter(QuarterVisits::met).count();
		return n + (practicalDeeds.met() ? 1 : 0) + (povertyAidHouseholds.met() ? 1 : 0);
	}

}
