package cn.deputylink.performance;

import java.util.Map;

import cn.deputylink.activity.ActivityType;
import cn.deputylink.proposal.Evaluation;

/**
 * The county's points scheme (积分办法): points per counting activity of each type, per duty
 * day attended, the deduction per missed (absent) duty day, per proposal led and
 * co-signed, per evaluation of a reply to a proposal the deputy led, per opinion
 * received. Every value is 0–100; {@code dutyAbsent} is subtracted.
 */
public record PointsScheme(Map<ActivityType, Integer> activity, int dutyAttended, int dutyAbsent, int proposalLed,
		int proposalCoSigned, Map<Evaluation, Integer> evaluation, int opinionReceived) {

	public int activityPoints(ActivityType type) {
		return activity.getOrDefault(type, 0);
	}

	public int evaluationPoints(Evaluation e) {
		return evaluation.getOrDefault(e, 0);
	}

}
