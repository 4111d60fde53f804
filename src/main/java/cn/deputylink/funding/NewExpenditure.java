package cn.deputylink.funding;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * An expenditure to book: the station's township (or {@code townshipId} for
 * township-level spending), the day, the amount (more than 0, at most two decimals), the
 * purpose, a description and the payee.
 */
public record NewExpenditure(@Nullable Long townshipId, @Nullable Long stationId, @Nullable LocalDate spentOn,
		@Nullable BigDecimal amount, @Nullable Purpose purpose, @Nullable String description, @Nullable String payee) {
}
