package cn.deputylink.targets;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * A scoring rule: {@code maxPoints} earned in full when the measured {@code indicator}
 * reaches {@code target}, in proportion below it; a rule without an indicator is a manual
 * item the county scores (0–maxPoints) with evidence.
 */
public record TargetRule(String code, String name, @Nullable Indicator indicator, BigDecimal maxPoints,
		BigDecimal target, int position, boolean active, int version) {

	public boolean manual() {
		return indicator == null;
	}

}
