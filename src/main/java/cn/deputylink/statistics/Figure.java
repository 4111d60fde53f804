package cn.deputylink.statistics;

/**
 * A figure whose records can be listed (drill-down): the activities behind
 * {@code ACTIVITIES}, {@code CONSTITUENTS_RECEIVED} and {@code HOUSEHOLDS_VISITED} (those
 * with a non-zero counter for the latter two); the opinions behind the others.
 */
public enum Figure {

	ACTIVITIES, CONSTITUENTS_RECEIVED, HOUSEHOLDS_VISITED, OPINIONS, RESOLVED, CONVERTED, CLOSED, REPLIED,
	REPLIED_IN_TIME, OVERDUE, RATED, SATISFIED;

	public boolean isActivity() {
		return this == ACTIVITIES || this == CONSTITUENTS_RECEIVED || this == HOUSEHOLDS_VISITED;
	}

}
