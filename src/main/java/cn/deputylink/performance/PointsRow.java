package cn.deputylink.performance;

/**
 * A deputy's line of a township's points table: the score of the year up to the end of
 * the quarter, its rank in the township (ties share a rank: 1, 1, 3) and the figures it
 * comes from.
 */
public record PointsRow(long deputyId, String deputyName, int score, int rank, int activities, int dutyAttended,
		int dutyAbsent, int proposalsLed, int proposalsCoSigned, int opinionsReceived) {
}
