package cn.deputylink.activity;

import org.jspecify.annotations.Nullable;

/**
 * A household as a form or the API gives it: name, village, situation, the resident ID
 * number (optional, encrypted at rest; left empty on an edit it is kept), and the version
 * an edit was based on.
 */
public record HouseholdForm(@Nullable String name, @Nullable Long villageId, @Nullable String situation,
		@Nullable String idNumber, @Nullable Integer version) {
}
