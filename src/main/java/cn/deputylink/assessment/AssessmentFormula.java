package cn.deputylink.assessment;

/**
 * The county's formula: the weight of each criterion (any non-negative numbers, not all
 * zero; they are scaled to 100 points), the factor at which "basically satisfied" counts
 * (0–1, 0.8 by default), the pass and excellent marks (0 ≤ pass &lt; excellent ≤ 100; 80
 * and 90 by default).
 */
public record AssessmentFormula(double proposalTimeliness, double proposalFavourable, double proposalSatisfaction,
		double opinionTimeliness, double opinionSatisfaction, double opinionResolved, double basicallyFactor,
		double passMark, double excellentMark, int version) {

	/** The defaults the migration stores. */
	public static final AssessmentFormula DEFAULT = new AssessmentFormula(20, 20, 20, 20, 20, 0, 0.8, 80, 90, 0);

	public double weight(Criterion c) {
		return switch (c) {
			case PROPOSAL_TIMELINESS -> proposalTimeliness;
			case PROPOSAL_FAVOURABLE -> proposalFavourable;
			case PROPOSAL_SATISFACTION -> proposalSatisfaction;
			case OPINION_TIMELINESS -> opinionTimeliness;
			case OPINION_SATISFACTION -> opinionSatisfaction;
			case OPINION_RESOLVED -> opinionResolved;
		};
	}

	public Grade grade(double score) {
		return score >= excellentMark ? Grade.EXCELLENT : score >= passMark ? Grade.PASS : Grade.FAIL;
	}

}
