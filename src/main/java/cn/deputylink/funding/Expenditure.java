package cn.deputylink.funding;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Money a township spent (for one of its stations, or township-level when
 * {@code stationId} is null), booked against its budget of the year of {@code spentOn}.
 * Never deleted: a voided one no longer counts.
 */
public record Expenditure(long id, long townshipId, @Nullable Long stationId, @Nullable String stationName,
		LocalDate spentOn, BigDecimal amount, Purpose purpose, String description, @Nullable String payee,
		String bookedBy, OffsetDateTime bookedAt, boolean voided, @Nullable String voidReason,
		@Nullable String voidedBy, @Nullable OffsetDateTime voidedAt, int version, List<Receipt> receipts) {
}
