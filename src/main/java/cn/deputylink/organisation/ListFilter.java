package cn.deputylink.organisation;

import org.jspecify.annotations.Nullable;

import cn.deputylink.shared.TextInput;

/**
 * Filters of the registry's lists: free text, township, station, active. A
 * township-scoped user's township replaces whatever township it asked for.
 */
public record ListFilter(@Nullable String q, @Nullable Long townshipId, @Nullable Long stationId,
		@Nullable Boolean active) {

	public static ListFilter all() {
		return new ListFilter(null, null, null, null);
	}

	public ListFilter withTownship(@Nullable Long township) {
		return new ListFilter(q, township, stationId, active);
	}

	/** The free text as a SQL {@code like} pattern; null without one. */
	@Nullable String like() {
		String text = TextInput.blankToNull(q);
		return text == null ? null : "%" + text.toLowerCase() + "%";
	}
}
