package cn.deputylink.assessment;

import org.jspecify.annotations.Nullable;

/**
 * One criterion of a unit's score: its weight in the formula, the weight it carries for
 * this unit (renormalised to 100 over the criteria the unit has data for; null when it
 * has none), the rate in percent (one decimal; null without data) and the points it gives
 * (one decimal).
 */
public record CriterionScore(Criterion criterion, double weight, @Nullable Double effectiveWeight,
		@Nullable Double rate, @Nullable Double points) {
}
