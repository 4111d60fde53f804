package cn.deputylink.standards;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An inspection with its results (the points and required flag as they were when it was
 * recorded) and photos.
 */
public record InspectionDetail(long id, long stationId, String stationName, long townshipId, LocalDate inspectedOn,
		long inspectorId, String inspectorName, @Nullable String note, BigDecimal score, BigDecimal passMark,
		StandardState status, OffsetDateTime createdAt, int version, List<Line> results, List<InspectionPhoto> photos) {

	/** The finding on one item. */
	public record Line(long itemId, String code, StandardGroup group, String name, BigDecimal points, boolean required,
			ItemResult result, @Nullable String note) {
	}

}
