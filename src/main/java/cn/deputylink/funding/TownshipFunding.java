package cn.deputylink.funding;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A township's money of a year, in yuan with two decimals: the budget (the default one
 * when {@code defaultBudget}; {@code budgetVersion} 0 until the county sets one), the
 * approved rewards, the expenditures not voided, and the balance = budget + rewards −
 * spent.
 */
public record TownshipFunding(long townshipId, String townshipName, int year, BigDecimal budget, boolean defaultBudget,
		int budgetVersion, BigDecimal rewards, BigDecimal spent, BigDecimal balance) {

	/** Spent of budget + rewards in whole percent, 0–100 (for the bar). */
	public int spentPercent() {
		BigDecimal available = budget.add(rewards);
		if (available.signum() <= 0) {
			return spent.signum() > 0 ? 100 : 0;
		}
		return spent.multiply(BigDecimal.valueOf(100))
			.divide(available, 0, RoundingMode.DOWN)
			.min(BigDecimal.valueOf(100))
			.intValue();
	}

}
