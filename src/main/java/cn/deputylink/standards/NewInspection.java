package cn.deputylink.standards;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** An inspection as entered: one result for every active item. */
public record NewInspection(@Nullable Long stationId, @Nullable LocalDate inspectedOn, @Nullable String note,
		@Nullable List<ResultInput> results) {

	/** The finding on one item. */
	public record ResultInput(@Nullable Long itemId, @Nullable ItemResult result, @Nullable String note) {
	}

}
