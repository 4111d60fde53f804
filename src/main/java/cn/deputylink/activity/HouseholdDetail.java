package cn.deputylink.activity;

import java.util.List;

/**
 * A household with its pairings (current and ended) and the help it was given, newest
 * first.
 */
public record HouseholdDetail(Household household, List<HouseholdPairing> pairings, List<HouseholdHelp> help) {
}
