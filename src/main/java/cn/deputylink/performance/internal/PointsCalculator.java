package cn.deputylink.performance.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.deputylink.activity.Activity;
import cn.deputylink.activity.ActivityType;
import cn.deputylink.duty.Attendance;
import cn.deputylink.duty.DeputyDutyDay;
import cn.deputylink.duty.DutyStatus;
import cn.deputylink.performance.PerformanceFile.DutyFigures;
import cn.deputylink.performance.PointsScheme;
import cn.deputylink.proposal.DeputyProposal;
import cn.deputylink.proposal.Evaluation;

/**
 * The arithmetic of the file and the points, without a database: what counts of a duty
 * record, a deputy's tally, its score under a scheme, and the ranks of a table (ties
 * share a rank, the next one skips: 1, 1, 3).
 */
public final class PointsCalculator {

	private PointsCalculator() {
	}

	/** The counted items of a deputy: the things the scheme gives points for. */
	public record Tally(Map<ActivityType, Integer> activities, int dutyAttended, int dutyAbsent, int proposalsLed,
			int proposalsCoSigned, Map<Evaluation, Integer> evaluations, int opinionsReceived) {

		public int activityCount() {
			return activities.values().stream().mapToInt(Integer::intValue).sum();
		}

	}

	/** A deputy with its score, to rank. */
	public record Scored(long deputyId, int score) {
	}

	/**
	 * The duty figures of a record: only held days count; a day the deputy stood in for
	 * another counts as attended (and as stood in); a day it was replaced counts as
	 * substituted, neither attended nor absent; published days not held yet are upcoming.
	 */
	public static DutyFigures duty(List<DeputyDutyDay> record) {
		int attended = 0;
		int stoodIn = 0;
		int absent = 0;
		int substituted = 0;
		int upcoming = 0;
		for (DeputyDutyDay d : record) {
			if (d.status() == DutyStatus.PUBLISHED) {
				upcoming++;
				continue;
			}
			if (d.status() != DutyStatus.HELD || d.attendance() == null) {
				continue;
			}
			if (d.substituteFor() != null) {
				attended++;
				stoodIn++;
			}
			else if (d.attendance() == Attendance.PRESENT) {
				attended++;
			}
			else if (d.attendance() == Attendance.ABSENT) {
				absent++;
			}
			else {
				substituted++;
			}
		}
		return new DutyFigures(attended, stoodIn, absent, substituted, upcoming);
	}

	/** A deputy's tally from its facts (already narrowed to the range). */
	public static Tally tally(DeputyFacts facts) {
		Map<ActivityType, Integer> activities = new EnumMap<>(ActivityType.class);
		for (ActivityType t : ActivityType.values()) {
			activities.put(t, 0);
		}
		for (Activity a : facts.activities()) {
			if (a.counts()) {
				activities.merge(a.type(), 1, Integer::sum);
			}
		}
		DutyFigures duty = duty(facts.duty());
		int led = 0;
		int coSigned = 0;
		Map<Evaluation, Integer> evaluations = new EnumMap<>(Evaluation.class);
		for (Evaluation e : Evaluation.values()) {
			evaluations.put(e, 0);
		}
		for (DeputyProposal p : facts.proposals()) {
			if (p.lead()) {
				led++;
				if (p.evaluation() != null) {
					evaluations.merge(p.evaluation(), 1, Integer::sum);
				}
			}
			else {
				coSigned++;
			}
		}
		return new Tally(activities, duty.attended(), duty.absent(), led, coSigned, evaluations,
				facts.opinions().size());
	}

	/** The score: every item times its points, less the deduction per absent day. */
	public static int score(Tally t, PointsScheme s) {
		int score = 0;
		for (Map.Entry<ActivityType, Integer> e : t.activities().entrySet()) {
			score += e.getValue() * s.activityPoints(e.getKey());
		}
		score += t.dutyAttended() * s.dutyAttended();
		score -= t.dutyAbsent() * s.dutyAbsent();
		score += t.proposalsLed() * s.proposalLed();
		score += t.proposalsCoSigned() * s.proposalCoSigned();
		for (Map.Entry<Evaluation, Integer> e : t.evaluations().entrySet()) {
			score += e.getValue() * s.evaluationPoints(e.getKey());
		}
		score += t.opinionsReceived() * s.opinionReceived();
		return score;
	}

	/**
	 * Ranks by score, highest first; equal scores share the rank and the next rank skips
	 * ({@code 10, 10, 7} → {@code 1, 1, 3}). Returns deputy id → rank, in rank order
	 * (ties by deputy id).
	 */
	public static Map<Long, Integer> ranks(List<Scored> scored) {
		List<Scored> sorted = new ArrayList<>(scored);
		sorted.sort(Comparator.comparingInt(Scored::score).reversed().thenComparingLong(Scored::deputyId));
		Map<Long, Integer> ranks = new LinkedHashMap<>();
		int rank = 0;
		int previous = 0;
		for (int i = 0; i < sorted.size(); i++) {
			Scored s = sorted.get(i);
			if (i == 0 || s.score() != previous) {
				rank = i + 1;
				previous = s.score();
			}
			ranks.put(s.deputyId(), rank);
		}
		return ranks;
	}

}
