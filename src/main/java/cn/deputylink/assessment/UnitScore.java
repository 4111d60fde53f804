package cn.deputylink.assessment;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One handling unit's row of the year's table: the counts from proposals (led,
 * co-handled; replied or input given on time, late, open past the due date; favourable
 * replies of the lead unit and its replies with a class; the lead deputy's evaluations)
 * and from opinions (assigned; replied on time, late, open past due; the constituents'
 * ratings; closed and resolved), the rates in percent (one decimal, null without data),
 * the score (one decimal, null when the unit has data for no weighted criterion), the
 * grade and the rank (equal scores share a rank).
 */
public record UnitScore(long departmentId, String departmentName, @Nullable String tier, int proposalsLed,
		int proposalsCo, int proposalsOnTime, int proposalsLate, int proposalsOpenOverdue, int proposalsReplied,
		int proposalsFavourable, int evaluationsSatisfied, int evaluationsBasicallySatisfied,
		int evaluationsUnsatisfied, int opinionsAssigned, int opinionsOnTime, int opinionsLate, int opinionsOpenOverdue,
		int ratingsSatisfied, int ratingsBasicallySatisfied, int ratingsUnsatisfied, int opinionsClosed,
		int opinionsResolved, @Nullable Double proposalTimelinessRate, @Nullable Double proposalFavourableRate,
		@Nullable Double proposalSatisfactionRate, @Nullable Double opinionTimelinessRate,
		@Nullable Double opinionSatisfactionRate, @Nullable Double opinionResolvedRate, @Nullable Double score,
		@Nullable Grade grade, @Nullable Integer rank, List<CriterionScore> criteria) {

	public UnitScore withRank(@Nullable Integer r) {
		return new UnitScore(departmentId, departmentName, tier, proposalsLed, proposalsCo, proposalsOnTime,
				proposalsLate, proposalsOpenOverdue, proposalsReplied, proposalsFavourable, evaluationsSatisfied,
				evaluationsBasicallySatisfied, evaluationsUnsatisfied, opinionsAssigned, opinionsOnTime, opinionsLate,
				opinionsOpenOverdue, ratingsSatisfied, ratingsBasicallySatisfied, ratingsUnsatisfied, opinionsClosed,
				opinionsResolved, proposalTimelinessRate, proposalFavourableRate, proposalSatisfactionRate,
				opinionTimelinessRate, opinionSatisfactionRate, opinionResolvedRate, score, grade, r, criteria);
	}

}
