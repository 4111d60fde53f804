package cn.deputylink.standards;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An inspection in a station's list. */
public record InspectionSummary(long id, long stationId, LocalDate inspectedOn, String inspectorName, BigDecimal score,
		StandardState status) {
}
