package cn.deputylink.statistics;

import org.jspecify.annotations.Nullable;

/**
 * Whose figures: the county (all null), a township, a station, a deputy, or a combination
 * (a deputy's work at one station). A township or station filters by the activity's or
 * opinion's station (an opinion with no station by its village's township); a deputy by
 * participation in the activity or by receiving the opinion.
 */
public record Scope(@Nullable Long townshipId, @Nullable Long stationId, @Nullable Long deputyId) {

	public static Scope county() {
		return new Scope(null, null, null);
	}

	public static Scope township(long townshipId) {
		return new Scope(townshipId, null, null);
	}

	public static Scope station(long stationId) {
		return new Scope(null, stationId, null);
	}

	public static Scope deputy(long deputyId) {
		return new Scope(null, null, deputyId);
	}

}
