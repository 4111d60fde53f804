package cn.deputylink.notification.internal;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** The channel configured for each medium. */
final class Channels {

	private final Map<Medium, Channel> byMedium;

	Channels(Map<Medium, Channel> byMedium) {
		for (Medium m : Medium.values()) {
			if (!byMedium.containsKey(m)) {
				throw new IllegalArgumentException("no channel for " + m);
			}
		}
		this.byMedium = new EnumMap<>(byMedium);
	}

	Channel of(Medium medium) {
		// the constructor refused a map without a channel for every medium
		return Objects.requireNonNull(byMedium.get(medium));
	}

}
