package cn.deputylink.statistics;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * How the period's opinions (received in the period, merged left out) were handled:
 * {@code closed} of them closed, {@code resolved} closed as resolved, {@code replied}
 * answered (a department's reply or an answer on the spot), {@code repliedInTime} of
 * those answered by their due date, {@code overdue} the ones that went past a due date
 * with their department, {@code rated} rated by the constituent and {@code satisfied} of
 * those satisfied or basically satisfied; handling time in working days from receipt to
 * the answer, average and 90th percentile. A rate or a time is null when there is nothing
 * to divide by; rates are fractions 0–1 to four decimals.
 */
public record Indicators(long opinions, long closed, long resolved, long replied, long repliedInTime, long overdue,
		long rated, long satisfied, @Nullable BigDecimal resolutionRate, @Nullable BigDecimal onTimeRate,
		@Nullable BigDecimal satisfactionRate, @Nullable BigDecimal averageHandlingDays,
		@Nullable Integer p90HandlingDays) {
}
