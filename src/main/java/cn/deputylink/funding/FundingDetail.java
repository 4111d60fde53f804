package cn.deputylink.funding;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One township's year: the figures, its rewards, its expenditures (newest first, voided
 * ones included), and the spending not voided per station (null: township-level) and per
 * purpose.
 */
public record FundingDetail(TownshipFunding summary, List<Reward> rewards, List<Expenditure> expenditures,
		List<StationSpent> byStation, List<PurposeSpent> byPurpose) {

	/** Spent at one station (null id: township-level spending). */
	public record StationSpent(@Nullable Long stationId, @Nullable String stationName, BigDecimal amount) {
	}

	/** Spent for one purpose. */
	public record PurposeSpent(Purpose purpose, BigDecimal amount) {
	}

}
