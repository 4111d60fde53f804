package cn.deputylink.standards;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A station's standing by its latest inspection (nulls when never inspected). */
public record StationStatus(long stationId, String stationName, long townshipId, String townshipName,
		StandardState state, @Nullable BigDecimal latestScore, @Nullable LocalDate latestOn,
		@Nullable Long latestInspectionId) {
}
