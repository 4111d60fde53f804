package cn.deputylink.standards;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/** An item of the checklist: its points (one decimal) and whether it must be MET. */
public record StandardItem(long id, String code, StandardGroup group, String name, @Nullable String description,
		BigDecimal points, boolean required, int position, boolean active, int version) {
}
