package cn.deputylink.performance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import cn.deputylink.activity.Activity;
import cn.deputylink.activity.ActivityStatus;
import cn.deputylink.activity.ActivityType;
import cn.deputylink.duty.Attendance;
import cn.deputylink.duty.DeputyDutyDay;
import cn.deputylink.duty.DutyStatus;
import cn.deputylink.opinion.OpinionFact;
import cn.deputylink.opinion.OpinionStatus;
import cn.deputylink.performance.PerformanceFile.DutyFigures;
import cn.deputylink.performance.PointsScheme;
import cn.deputylink.performance.internal.PointsCalculator.Scored;
import cn.deputylink.performance.internal.PointsCalculator.Tally;
import cn.deputylink.proposal.DeputyProposal;
import cn.deputylink.proposal.Evaluation;
import cn.deputylink.proposal.ProposalStatus;

/**
 * The points arithmetic on known facts: what counts of a duty record, activities only in
 * counting statuses, proposals led and co-signed with the evaluations of led ones, exact
 * scores under a scheme (deductions included), ranks with ties.
 */
class PointsCalculatorTest {

	private static final LocalDate D = LocalDate.of(2025, 3, 1);

	/**
	 * RECEPTION 2, VISIT 3, PRACTICAL_DEED 5, others 1; duty 4, absent −6; led 10, co 3;
	 * S 7, BS 2, U 0; opinion 1.
	 */
	private static final PointsScheme SCHEME = scheme(4, 6, 10, 3, 7, 2, 0, 1);

	private static PointsScheme scheme(int attended, int absent, int led, int co, int s, int bs, int u, int opinion) {
		Map<ActivityType, Integer> a = new EnumMap<>(ActivityType.class);
		for (ActivityType t : ActivityType.values()) {
			a.put(t, 1);
		}
		a.put(ActivityType.RECEPTION, 2);
		a.put(ActivityType.VISIT, 3);
		a.put(ActivityType.PRACTICAL_DEED, 5);
		Map<Evaluation, Integer> e = new EnumMap<>(Evaluation.class);
		e.put(Evaluation.SATISFIED, s);
		e.put(Evaluation.BASICALLY_SATISFIED, bs);
		e.put(Evaluation.UNSATISFIED, u);
		return new PointsScheme(a, attended, absent, led, co, e, opinion);
	}

	private static long seq = 1;

	static Activity activity(ActivityType type, ActivityStatus status) {
		return new Activity(seq++, type, D, 1L, 1L, "t", null, 3, 2, null, null, status, null, null,
				OffsetDateTime.of(2025, 3, 1, 0, 0, 0, 0, ZoneOffset.UTC), null, null, 0, false, List.of(1L));
	}

	static DeputyDutyDay day(DutyStatus status, @Nullable Attendance a, @Nullable Long substituteFor) {
		return new DeputyDutyDay(seq++, 1L, D, status, a, null, substituteFor);
	}

	static DeputyProposal proposal(boolean lead, @Nullable Evaluation e) {
		return new DeputyProposal(seq++, 1L, lead, "建议", ProposalStatus.SUBMITTED, null, D, null, e, null);
	}

	static OpinionFact opinion() {
		return new OpinionFact(seq++, 1L, 1L, OffsetDateTime.of(2025, 3, 1, 0, 0, 0, 0, ZoneOffset.UTC),
				OpinionStatus.SUBMITTED, null, null, null, null, null, null, false, List.of(1L), false);
	}

	@Test
	void dutyCountsOnlyHeldDaysAndStandingInAsAttended() {
		DutyFigures f = PointsCalculator.duty(List.of(day(DutyStatus.HELD, Attendance.PRESENT, null),
				day(DutyStatus.HELD, Attendance.PRESENT, null), day(DutyStatus.HELD, Attendance.ABSENT, null),
				day(DutyStatus.HELD, Attendance.SUBSTITUTE, null),
				// stood in for deputy 9: its row carries the assigned deputy's SUBSTITUTE
				day(DutyStatus.HELD, Attendance.SUBSTITUTE, 9L), day(DutyStatus.PUBLISHED, null, null),
				day(DutyStatus.CANCELLED, null, null), day(DutyStatus.DRAFT, null, null)));
		assertThat(f).isEqualTo(new DutyFigures(3, 1, 1, 1, 1));
	}

	@Test
	void exactScoreWithDeductions() {
		DeputyFacts facts = new DeputyFacts(1L,
				List.of(activity(ActivityType.VISIT, ActivityStatus.RECORDED),
						activity(ActivityType.VISIT, ActivityStatus.APPROVED),
						activity(ActivityType.PRACTICAL_DEED, ActivityStatus.RECORDED),
						// neither counts
						activity(ActivityType.PRACTICAL_DEED, ActivityStatus.SUBMITTED),
						activity(ActivityType.RECEPTION, ActivityStatus.REJECTED),
						activity(ActivityType.STUDY, ActivityStatus.WITHDRAWN)),
				List.of(day(DutyStatus.HELD, Attendance.PRESENT, null), day(DutyStatus.HELD, Attendance.ABSENT, null),
						day(DutyStatus.HELD, Attendance.ABSENT, null),
						day(DutyStatus.HELD, Attendance.SUBSTITUTE, null)),
				List.of(opinion(), opinion(), opinion()),
				List.of(proposal(true, Evaluation.SATISFIED), proposal(true, Evaluation.BASICALLY_SATISFIED),
						proposal(true, null), proposal(false, Evaluation.SATISFIED)));
		Tally t = PointsCalculator.tally(facts);
		assertThat(t.activities()).containsEntry(ActivityType.VISIT, 2)
			.containsEntry(ActivityType.PRACTICAL_DEED, 1)
			.containsEntry(ActivityType.RECEPTION, 0)
			.containsEntry(ActivityType.STUDY, 0);
		assertThat(t.activityCount()).isEqualTo(3);
		assertThat(t.dutyAttended()).isEqualTo(1);
		assertThat(t.dutyAbsent()).isEqualTo(2);
		assertThat(t.proposalsLed()).isEqualTo(3);
		assertThat(t.proposalsCoSigned()).isEqualTo(1);
		// a co-signer's row carries the lead's evaluation: it is not the co-signer's
		assertThat(t.evaluations()).containsEntry(Evaluation.SATISFIED, 1)
			.containsEntry(Evaluation.BASICALLY_SATISFIED, 1)
			.containsEntry(Evaluation.UNSATISFIED, 0);
		assertThat(t.opinionsReceived()).isEqualTo(3);
		// visits 2×3 + deed 5 + duty 4 − absent 2×6 + led 3×10 + co 3 + S 7 + BS 2 +
		// opinions 3
		assertThat(PointsCalculator.score(t, SCHEME)).isEqualTo(6 + 5 + 4 - 12 + 30 + 3 + 7 + 2 + 3);
		// another scheme, another score
		assertThat(PointsCalculator.score(t, scheme(0, 0, 0, 0, 0, 0, 0, 0))).isEqualTo(6 + 5);
		// deductions can make it negative
		DeputyFacts absentOnly = new DeputyFacts(2L, List.of(), List.of(day(DutyStatus.HELD, Attendance.ABSENT, null)),
				List.of(), List.of());
		assertThat(PointsCalculator.score(PointsCalculator.tally(absentOnly), SCHEME)).isEqualTo(-6);
	}

	@Test
	void tiesShareARankAndTheNextSkips() {
		Map<Long, Integer> ranks = PointsCalculator.ranks(List.of(new Scored(5, 7), new Scored(3, 10),
				new Scored(4, 10), new Scored(6, -2), new Scored(7, 7), new Scored(8, 1)));
		assertThat(ranks).containsExactly(Map.entry(3L, 1), Map.entry(4L, 1), Map.entry(5L, 3), Map.entry(7L, 3),
				Map.entry(8L, 5), Map.entry(6L, 6));
		assertThat(PointsCalculator.ranks(List.of())).isEmpty();
		assertThat(PointsCalculator.ranks(List.of(new Scored(1, 0)))).containsExactly(Map.entry(1L, 1));
	}

}
