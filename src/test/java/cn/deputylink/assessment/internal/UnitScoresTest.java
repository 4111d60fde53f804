package cn.deputylink.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import cn.deputylink.assessment.AssessmentFormula;
import cn.deputylink.assessment.Criterion;
import cn.deputylink.assessment.CriterionScore;
import cn.deputylink.assessment.FormulaInput;
import cn.deputylink.assessment.Grade;
import cn.deputylink.assessment.Timeliness;
import cn.deputylink.assessment.UnitScore;
import cn.deputylink.opinion.OpinionFact;
import cn.deputylink.opinion.OpinionStatus;
import cn.deputylink.opinion.Outcome;
import cn.deputylink.opinion.Satisfaction;
import cn.deputylink.proposal.Evaluation;
import cn.deputylink.proposal.UnitHandling;
import cn.deputylink.proposal.UnitRole;
import cn.deputylink.shared.InvalidInputException;

/** Known fixtures → exact counts, rates, scores, grades and ranks. */
class UnitScoresTest {

	static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	static final ZoneOffset CST = ZoneOffset.ofHours(8);

	static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

	static final LocalDate JUNE_30 = LocalDate.of(2026, 6, 30);

	static final LocalDate MARCH_10 = LocalDate.of(2026, 3, 10);

	static final Map<Long, UnitScores.Unit> UNITS = Map.of(1L, new UnitScores.Unit("县交通局", "COUNTY"), 2L,
			new UnitScores.Unit("东岭镇人民政府", "TOWNSHIP"), 3L, new UnitScores.Unit("B 村委会", "VILLAGE"), 4L,
			new UnitScores.Unit("A 村委会", "VILLAGE"), 5L, new UnitScores.Unit("县水利局", "COUNTY"), 6L,
			new UnitScores.Unit("县教育局", "COUNTY"));

	static OffsetDateTime at(LocalDate day, int hour) {
		return day.atTime(hour, 0).atOffset(CST);
	}

	static UnitHandling handling(long unit, long proposal, UnitRole role, LocalDate due,
			@Nullable OffsetDateTime answered, @Nullable String cls, boolean favourable,
			@Nullable Evaluation evaluation) {
		return new UnitHandling(unit, proposal, role, at(LocalDate.of(2026, 3, 1), 10), due, answered, cls, favourable,
				evaluation);
	}

	static long nextOpinion = 100;

	static OpinionFact opinion(long unit, OpinionStatus status, @Nullable Outcome outcome, LocalDate due,
			@Nullable OffsetDateTime replied, @Nullable Satisfaction satisfaction) {
		return new OpinionFact(nextOpinion++, 1L, 1L, at(LocalDate.of(2026, 2, 1), 9), status, outcome, unit,
				at(LocalDate.of(2026, 2, 2), 9), due, replied, satisfaction, false, List.of(), false);
	}

	/** Unit 1: proposals as lead and co, opinions; unit 2–6 opinions only. */
	static List<UnitHandling> handlings() {
		return List.of(
				// on time: 20:00 on the due date in the county
				handling(1, 1, UnitRole.LEAD, JUNE_30, at(JUNE_30, 20), "A", true, Evaluation.SATISFIED),
				// 17:00 UTC on the due date is 01:00 the next day in the county: late
				handling(1, 2, UnitRole.LEAD, JUNE_30, JUNE_30.atTime(17, 0).atOffset(ZoneOffset.UTC), "C", false,
						Evaluation.BASICALLY_SATISFIED),
				// no reply, due date passed: open overdue
				handling(1, 3, UnitRole.LEAD, LocalDate.of(2026, 9, 30), null, null, false, null),
				// co-unit input before the lead's reply is due: on time
				handling(1, 4, UnitRole.CO, LocalDate.of(2026, 11, 30), at(LocalDate.of(2026, 11, 1), 9), "A", true,
						Evaluation.UNSATISFIED),
				// not yet due: not counted
				handling(1, 5, UnitRole.CO, LocalDate.of(2026, 12, 20), null, null, false, null));
	}

	static List<OpinionFact> opinions() {
		List<OpinionFact> o = new ArrayList<>();
		o.add(opinion(1, OpinionStatus.CLOSED, Outcome.RESOLVED, MARCH_10, at(LocalDate.of(2026, 3, 9), 15),
				Satisfaction.SATISFIED));
		o.add(opinion(1, OpinionStatus.CLOSED, Outcome.EXPLAINED, MARCH_10, at(LocalDate.of(2026, 3, 12), 15),
				Satisfaction.BASICALLY_SATISFIED));
		o.add(opinion(1, OpinionStatus.ASSIGNED, null, LocalDate.of(2026, 12, 20), null, null));
		// unit 2: two on time, satisfied → 100
		o.add(opinion(2, OpinionStatus.CLOSED, Outcome.RESOLVED, MARCH_10, at(MARCH_10, 9), Satisfaction.SATISFIED));
		o.add(opinion(2, OpinionStatus.CLOSED, Outcome.RESOLVED, MARCH_10, at(MARCH_10, 9), Satisfaction.SATISFIED));
		// units 3 and 4: on time, basically satisfied → 50 + 50 × 0.8 = 90, a tie
		o.add(opinion(3, OpinionStatus.CLOSED, Outcome.RESOLVED, MARCH_10, at(MARCH_10, 9),
				Satisfaction.BASICALLY_SATISFIED));
		o.add(opinion(4, OpinionStatus.CLOSED, Outcome.RESOLVED, MARCH_10, at(MARCH_10, 9),
				Satisfaction.BASICALLY_SATISFIED));
		// unit 5: nothing due yet → no score
		o.add(opinion(5, OpinionStatus.IN_PROGRESS, null, LocalDate.of(2026, 12, 20), null, null));
		// unit 6: 3 on time, 1 late, 1 open overdue, one satisfied rating → 50 × 0.6 + 50
		// = 80
		for (int i = 0; i < 3; i++) {
			o.add(opinion(6, OpinionStatus.REPLIED, null, MARCH_10, at(MARCH_10, 9),
					i == 0 ? Satisfaction.SATISFIED : null));
		}
		o.add(opinion(6, OpinionStatus.REPLIED, null, MARCH_10, at(LocalDate.of(2026, 3, 11), 9), null));
		o.add(opinion(6, OpinionStatus.ASSIGNED, null, MARCH_10, null, null));
		// closed without a reply (not accepted): neither on time nor overdue
		o.add(opinion(6, OpinionStatus.CLOSED, Outcome.NOT_ACCEPTED, MARCH_10, null, null));
		return o;
	}

	static List<UnitScore> table(AssessmentFormula f) {
		return new UnitScores(f, ZONE, TODAY).table(handlings(), opinions(), UNITS);
	}

	static UnitScore row(List<UnitScore> rows, long id) {
		return rows.stream().filter(r -> r.departmentId() == id).findFirst().orElseThrow();
	}

	@Test
	void countsAndRatesOfAUnitWithProposalsAndOpinions() {
		UnitScore r = row(table(AssessmentFormula.DEFAULT), 1);
		assertThat(r.departmentName()).isEqualTo("县交通局");
		assertThat(r.proposalsLed()).isEqualTo(3);
		assertThat(r.proposalsCo()).isEqualTo(2);
		assertThat(r.proposalsOnTime()).isEqualTo(2);
		assertThat(r.proposalsLate()).isEqualTo(1);
		assertThat(r.proposalsOpenOverdue()).isEqualTo(1);
		// the co-unit's class and evaluation are the lead's: not counted for it
		assertThat(r.proposalsReplied()).isEqualTo(2);
		assertThat(r.proposalsFavourable()).isEqualTo(1);
		assertThat(r.evaluationsSatisfied()).isEqualTo(1);
		assertThat(r.evaluationsBasicallySatisfied()).isEqualTo(1);
		assertThat(r.evaluationsUnsatisfied()).isZero();
		assertThat(r.opinionsAssigned()).isEqualTo(3);
		assertThat(r.opinionsOnTime()).isEqualTo(1);
		assertThat(r.opinionsLate()).isEqualTo(1);
		assertThat(r.opinionsOpenOverdue()).isZero();
		assertThat(r.ratingsSatisfied()).isEqualTo(1);
		assertThat(r.ratingsBasicallySatisfied()).isEqualTo(1);
		assertThat(r.opinionsClosed()).isEqualTo(2);
		assertThat(r.opinionsResolved()).isEqualTo(1);
		assertThat(r.proposalTimelinessRate()).isEqualTo(50.0);
		assertThat(r.proposalFavourableRate()).isEqualTo(50.0);
		assertThat(r.proposalSatisfactionRate()).isEqualTo(90.0);
		assertThat(r.opinionTimelinessRate()).isEqualTo(50.0);
		assertThat(r.opinionSatisfactionRate()).isEqualTo(90.0);
		assertThat(r.opinionResolvedRate()).isEqualTo(50.0);
		// 20 × (0.5 + 0.5 + 0.9 + 0.5 + 0.9); resolved has weight 0
		assertThat(r.score()).isEqualTo(66.0);
		assertThat(r.grade()).isEqualTo(Grade.FAIL);
		CriterionScore resolved = r.criteria().get(Criterion.OPINION_RESOLVED.ordinal());
		assertThat(resolved.rate()).isEqualTo(50.0);
		assertThat(resolved.points()).isEqualTo(0.0);
	}

	@Test
	void aUnitWithoutProposalsIsScoredOnItsOpinionsWithTheWeightsRenormalised() {
		UnitScore r = row(table(AssessmentFormula.DEFAULT), 3);
		assertThat(r.proposalTimelinessRate()).isNull();
		assertThat(r.opinionTimelinessRate()).isEqualTo(100.0);
		assertThat(r.opinionSatisfactionRate()).isEqualTo(80.0);
		CriterionScore timeliness = r.criteria().get(Criterion.OPINION_TIMELINESS.ordinal());
		assertThat(timeliness.effectiveWeight()).isEqualTo(50.0);
		assertThat(timeliness.points()).isEqualTo(50.0);
		assertThat(r.criteria().get(Criterion.PROPOSAL_TIMELINESS.ordinal()).effectiveWeight()).isNull();
		assertThat(r.score()).isEqualTo(90.0);
		assertThat(r.grade()).isEqualTo(Grade.EXCELLENT);
		UnitScore six = row(table(AssessmentFormula.DEFAULT), 6);
		assertThat(six.opinionsOnTime()).isEqualTo(3);
		assertThat(six.opinionsLate()).isEqualTo(1);
		assertThat(six.opinionsOpenOverdue()).isEqualTo(1);
		assertThat(six.opinionTimelinessRate()).isEqualTo(60.0);
		assertThat(six.score()).isEqualTo(80.0);
		assertThat(six.grade()).isEqualTo(Grade.PASS);
	}

	@Test
	void sortedByScoreWithTiesSharingARankAndUnscoredUnitsLast() {
		List<UnitScore> rows = table(AssessmentFormula.DEFAULT);
		assertThat(rows).extracting(UnitScore::departmentId).containsExactly(2L, 4L, 3L, 6L, 1L, 5L);
		assertThat(rows).extracting(UnitScore::rank).containsExactly(1, 2, 2, 4, 5, null);
		assertThat(rows).extracting(UnitScore::score).containsExactly(100.0, 90.0, 90.0, 80.0, 66.0, null);
		UnitScore five = rows.get(5);
		assertThat(five.grade()).isNull();
		assertThat(five.opinionsAssigned()).isEqualTo(1);
	}

	@Test
	void theFormulaChangesTheScores() {
		// only opinion timeliness counts, basically satisfied at 0.5, pass 60, excellent
		// 95
		AssessmentFormula timely = new AssessmentFormula(0, 0, 0, 10, 0, 0, 0.5, 60, 95, 0);
		List<UnitScore> rows = table(timely);
		assertThat(row(rows, 1).score()).isEqualTo(50.0);
		assertThat(row(rows, 1).grade()).isEqualTo(Grade.FAIL);
		assertThat(row(rows, 3).score()).isEqualTo(100.0);
		assertThat(row(rows, 6).grade()).isEqualTo(Grade.PASS);
		// the factor: 50 + 50 × 0.5
		AssessmentFormula half = new AssessmentFormula(20, 20, 20, 20, 20, 0, 0.5, 80, 90, 0);
		assertThat(row(table(half), 3).score()).isEqualTo(75.0);
		assertThat(row(table(half), 3).grade()).isEqualTo(Grade.FAIL);
		// resolved share weighted: unit 1 gains 20 × 0.5 over six criteria of 20
		AssessmentFormula resolved = new AssessmentFormula(20, 20, 20, 20, 20, 20, 0.8, 80, 90, 0);
		assertThat(row(table(resolved), 1).score()).isEqualTo(63.3);
		// a unit whose only criteria have weight 0 gets no score
		AssessmentFormula proposalsOnly = new AssessmentFormula(50, 50, 0, 0, 0, 0, 0.8, 80, 90, 0);
		assertThat(row(table(proposalsOnly), 2).score()).isNull();
		assertThat(row(table(proposalsOnly), 1).score()).isEqualTo(50.0);
	}

	@Test
	void ratesAndScoresRoundHalfUpToOneDecimal() {
		List<OpinionFact> o = List.of(opinion(7, OpinionStatus.REPLIED, null, MARCH_10, at(MARCH_10, 9), null),
				opinion(7, OpinionStatus.REPLIED, null, MARCH_10, at(LocalDate.of(2026, 3, 11), 9), null),
				opinion(7, OpinionStatus.REPLIED, null, MARCH_10, at(LocalDate.of(2026, 3, 11), 9), null));
		UnitScore r = new UnitScores(AssessmentFormula.DEFAULT, ZONE, TODAY).table(List.of(), o, Map.of()).get(0);
		assertThat(r.opinionTimelinessRate()).isEqualTo(33.3);
		assertThat(r.score()).isEqualTo(33.3);
		assertThat(r.departmentName()).isEqualTo("#7");
		assertThat(UnitScores.round(84.25)).isEqualTo(84.3);
		assertThat(UnitScores.round(100 * 0.8425)).isEqualTo(84.3);
	}

	@Test
	void timelinessInTheCountysDates() {
		UnitScores s = new UnitScores(AssessmentFormula.DEFAULT, ZONE, TODAY);
		assertThat(s.timeliness(JUNE_30, at(JUNE_30, 23), false)).isEqualTo(Timeliness.ON_TIME);
		assertThat(s.timeliness(JUNE_30, JUNE_30.atTime(16, 30).atOffset(ZoneOffset.UTC), false))
			.isEqualTo(Timeliness.LATE);
		assertThat(s.timeliness(TODAY, null, false)).isEqualTo(Timeliness.OPEN);
		assertThat(s.timeliness(TODAY.minusDays(1), null, false)).isEqualTo(Timeliness.OPEN_OVERDUE);
		assertThat(s.timeliness(TODAY.minusDays(1), null, true)).isEqualTo(Timeliness.OPEN);
		assertThat(s.timeliness(null, null, false)).isEqualTo(Timeliness.OPEN);
		assertThat(s.proposalItems(handlings(), 1)).extracting(i -> i.timeliness())
			.containsExactly(Timeliness.ON_TIME, Timeliness.LATE, Timeliness.OPEN_OVERDUE, Timeliness.ON_TIME,
					Timeliness.OPEN);
	}

	@Test
	void badFormulasAreRefusedWithEveryReason() {
		assertThatThrownBy(
				() -> FormulaRules.check(new FormulaInput(-1.0, 20.0, 20.0, 20.0, 20.0, 0.0, 1.5, 90.0, 80.0, 0)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.errors()).extracting(InvalidInputException.FieldError::field)
						.containsExactly("proposalTimeliness", "basicallyFactor", "excellentMark"));
		assertThatThrownBy(() -> FormulaRules.check(new FormulaInput(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.8, 80.0, 90.0, 0)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.errors()).extracting(InvalidInputException.FieldError::messageKey)
						.containsExactly("assessment.formula.allZero"));
		assertThatThrownBy(
				() -> FormulaRules.check(new FormulaInput(null, 20.0, 20.0, 20.0, 20.0, 0.0, 0.8, 80.0, 80.0, null)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.errors()).extracting(InvalidInputException.FieldError::field)
						.containsExactly("proposalTimeliness", "excellentMark", "version"));
		AssessmentFormula ok = FormulaRules
			.check(new FormulaInput(30.0, 10.0, 10.0, 25.5, 24.5, 0.0, 0.75, 75.0, 88.0, 3));
		assertThat(ok).isEqualTo(new AssessmentFormula(30, 10, 10, 25.5, 24.5, 0, 0.75, 75, 88, 3));
	}

}
