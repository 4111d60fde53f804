package cn.deputylink.targets;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * One rule's line of a township: the measured value (null when nothing was measured or
 * for a manual item not scored yet), the points (one decimal) and for a manual item the
 * evidence.
 */
public record ItemScore(String ruleCode, String name, @Nullable Indicator indicator, BigDecimal maxPoints,
		BigDecimal target, @Nullable BigDecimal measured, BigDecimal points, @Nullable String evidence) {

	/** A manual item: scored by the county with evidence, not measured. */
	public boolean manual() {
		return indicator == null;
	}

}
