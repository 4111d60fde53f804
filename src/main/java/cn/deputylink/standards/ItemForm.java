package cn.deputylink.standards;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * A checklist item as the county admin enters it: the code and the group only when
 * adding; {@code version} when editing.
 */
public record ItemForm(@Nullable String code, @Nullable StandardGroup group, @Nullable String name,
		@Nullable String description, @Nullable BigDecimal points, @Nullable Boolean required,
		@Nullable Integer position, @Nullable Boolean active, @Nullable Integer version) {
}
