package cn.deputylink.activity;

import java.util.List;

/**
 * One deputy on the compliance page: the "三个一" counts with each item's
 * {@link ObligationState}, whether the deputy is behind and on what. Behind means: an
 * item {@code MISSED}, or the current quarter's visit {@code DUE}, or — in the last
 * quarter of the year — the deed or the household still {@code DUE}. {@code behindOn}
 * names those items: {@code Q1}…{@code Q4}, {@code PRACTICAL_DEED}, {@code POVERTY_AID}.
 */
public record ComplianceRow(long deputyId, String deputyName, List<Long> stationIds, List<Item> quarters,
		Item practicalDeeds, Item povertyAidHouseholds, boolean allMet, boolean behind, List<String> behindOn) {

	/** One item's count and state. */
	public record Item(String item, int count, ObligationState state) {
	}

}
