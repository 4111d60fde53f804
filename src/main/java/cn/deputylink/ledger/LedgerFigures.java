package cn.deputylink.ledger;

/**
 * A station's figures of a period: the duty days held and the statistics' six figures
 * ({@code GET /api/v1/statistics/summary?stationId=}).
 */
public record LedgerFigures(long dutyDaysHeld, long activities, long constituentsReceived, long householdsVisited,
		long opinions, long opinionsResolved, long opinionsConverted) {
}
