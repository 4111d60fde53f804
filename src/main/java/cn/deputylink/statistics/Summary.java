package cn.deputylink.statistics;

/**
 * The six figures the county reports (domain rule 5;
 * {@code GET /api/v1/statistics/summary}): counting activities dated in the period and
 * their counters; opinions received in the period (merged duplicates left out), of those
 * the ones closed as resolved and the ones linked to at least one proposal.
 */
public record Summary(long activities, long constituentsReceived, long householdsVisited, long opinions,
		long opinionsResolved, long opinionsConverted) {

	public static final Summary ZERO = new Summary(0, 0, 0, 0, 0, 0);

	public Summary plus(Summary other) {
		return new Summary(activities + other.activities, constituentsReceived + other.constituentsReceived,
				householdsVisited + other.householdsVisited, opinions + other.opinions,
				opinionsResolved + other.opinionsResolved, opinionsConverted + other.opinionsConverted);
	}

}
