package cn.deputylink.proposal;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A unit a proposal is assigned to: the lead unit replies for all; a co-unit sends its
 * input ({@code input}, {@code inputAt}) to the lead unit.
 */
public record HandlingUnit(long departmentId, UnitRole role, @Nullable String input, @Nullable OffsetDateTime inputAt) {
}
