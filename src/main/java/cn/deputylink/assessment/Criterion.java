package cn.deputylink.assessment;

/**
 * The criteria of the evaluation, each a share between 0 and 1 of a unit's items.
 */
public enum Criterion {

	/** Proposals replied (lead) or with input given (co-unit) by the reply's due date. */
	PROPOSAL_TIMELINESS,
	/** Lead units' replies of a favourable result class (A/B by default). */
	PROPOSAL_FAVOURABLE,
	/**
	 * Lead units' evaluated proposals: satisfied, plus basically satisfied at the factor.
	 */
	PROPOSAL_SATISFACTION,
	/** Opinions replied by their due date. */
	OPINION_TIMELINESS,
	/** Rated opinions: satisfied, plus basically satisfied at the factor. */
	OPINION_SATISFACTION,
	/** Closed opinions closed as resolved. */
	OPINION_RESOLVED

}
