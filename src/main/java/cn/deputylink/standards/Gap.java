package cn.deputylink.standards;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** An item not MET (PARTLY or NOT_MET) in a station's latest inspection. */
public record Gap(long stationId, String stationName, long townshipId, String townshipName, long inspectionId,
		LocalDate inspectedOn, long itemId, String itemCode, StandardGroup group, String itemName, boolean required,
		ItemResult result, @Nullable String note) {
}
