package cn.deputylink.briefing;

/** A leading station or deputy of a briefing, with its figures when generated. */
public record LeaderRow(long id, String name, long activities, long constituentsReceived, long opinions,
		long opinionsResolved) {
}
