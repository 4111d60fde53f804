package cn.deputylink.statistics;

/**
 * One row of a breakdown of the period's opinions: its key (see {@link Dimension}), the
 * opinions, resolved, converted, replied in time and overdue among them.
 */
public record BreakdownRow(String key, long opinions, long resolved, long converted, long repliedInTime, long overdue) {
}
