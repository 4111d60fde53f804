package cn.deputylink.performance.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import cn.deputylink.activity.Activity;
import cn.deputylink.activity.ActivityType;
import cn.deputylink.activity.ObligationStatus;
import cn.deputylink.duty.Attendance;
import cn.deputylink.duty.DeputyDutyDay;
import cn.deputylink.duty.DutyStatus;
import cn.deputylink.opinion.OpinionFact;
import cn.deputylink.opinion.OpinionStatus;
import cn.deputylink.opinion.Outcome;
import cn.deputylink.opinion.Satisfaction;
import cn.deputylink.performance.PerformanceFile;
import cn.deputylink.performance.PerformanceFile.ActivityFigures;
import cn.deputylink.performance.PerformanceFile.DayMark;
import cn.deputylink.performance.PerformanceFile.Mark;
import cn.deputylink.performance.PerformanceFile.OpinionFigures;
import cn.deputylink.performance.PerformanceFile.ProposalFigures;
import cn.deputylink.performance.PerformanceFile.ProposalLine;
import cn.deputylink.performance.PerformanceFile.TypeCount;
import cn.deputylink.performance.PointsScheme;
import cn.deputylink.proposal.DeputyProposal;
import cn.deputylink.proposal.Evaluation;

/** Turns a deputy's facts of a year into its performance file (pure). */
public final class FileAssembler {

	private FileAssembler() {
	}

	public static PerformanceFile file(long deputyId, String name, int year, LocalDate asOf, DeputyFacts facts,
			ObligationStatus obligations, PointsScheme scheme) {
		return new PerformanceFile(deputyId, name, year, asOf, PointsCalculator.duty(facts.duty()),
				activities(facts.activities()), opinions(facts.opinions()), proposals(facts.proposals()), obligations,
				PointsCalculator.score(PointsCalculator.tally(facts), scheme), days(facts));
	}

	static ActivityFigures activities(List<Activity> list) {
		List<TypeCount> byType = new ArrayList<>();
		int total = 0;
		int received = 0;
		int visited = 0;
		for (ActivityType t : ActivityType.values()) {
			int n = 0;
			int r = 0;
			int v = 0;
			for (Activity a : list) {
				if (a.type() == t && a.counts()) {
					n++;
					r += a.constituentsReceived();
					v += a.householdsVisited();
				}
			}
			byType.add(new TypeCount(t, n, r, v));
			total += n;
			received += r;
			visited += v;
		}
		return new ActivityFigures(List.copyOf(byType), total, received, visited);
	}

	static OpinionFigures opinions(List<OpinionFact> list) {
		Map<OpinionStatus, Integer> byStatus = new EnumMap<>(OpinionStatus.class);
		Map<Outcome, Integer> byOutcome = new EnumMap<>(Outcome.class);
		Map<Satisfaction, Integer> bySatisfaction = new EnumMap<>(Satisfaction.class);
		int converted = 0;
		for (OpinionFact o : list) {
			byStatus.merge(o.status(), 1, Integer::sum);
			if (o.outcome() != null) {
				byOutcome.merge(o.outcome(), 1, Integer::sum);
			}
			if (o.satisfaction() != null) {
				bySatisfaction.merge(o.satisfaction(), 1, Integer::sum);
			}
			if (o.converted()) {
				converted++;
			}
		}
		return new OpinionFigures(list.size(), byStatus, byOutcome, bySatisfaction, converted);
	}

	static ProposalFigures proposals(List<DeputyProposal> list) {
		int led = 0;
		int coSigned = 0;
		Map<Evaluation, Integer> evaluations = new EnumMap<>(Evaluation.class);
		List<ProposalLine> items = new ArrayList<>();
		for (DeputyProposal p : list) {
			if (p.lead()) {
				led++;
				if (p.evaluation() != null) {
					evaluations.merge(p.evaluation(), 1, Integer::sum);
				}
			}
			else {
				coSigned++;
			}
			items.add(new ProposalLine(p.proposalId(), p.lead(), p.title(), p.number(), p.status(), p.date(),
					p.resultClass(), p.lead() ? p.evaluation() : null));
		}
		items.sort(Comparator.comparing(ProposalLine::date).thenComparingLong(ProposalLine::proposalId));
		return new ProposalFigures(led, coSigned, evaluations, List.copyOf(items));
	}

	static List<DayMark> days(DeputyFacts facts) {
		List<DayMark> marks = new ArrayList<>();
		for (DeputyDutyDay d : facts.duty()) {
			Mark m = dutyMark(d);
			if (m != null) {
				marks.add(new DayMark(d.date(), m, null));
			}
		}
		for (Activity a : facts.activities()) {
			if (a.counts()) {
				marks.add(new DayMark(a.date(), Mark.ACTIVITY, a.type()));
			}
		}
		marks.sort(Comparator.comparing(DayMark::date).thenComparing(DayMark::mark));
		return List.copyOf(marks);
	}

	private static @Nullable Mark dutyMark(DeputyDutyDay d) {
		if (d.status() == DutyStatus.PUBLISHED) {
			return Mark.DUTY_UPCOMING;
		}
		Attendance a = d.attendance();
		if (d.status() != DutyStatus.HELD || a == null) {
			return null;
		}
		if (d.substituteFor() != null) {
			return Mark.DUTY_STOOD_IN;
		}
		return switch (a) {
			case PRESENT -> Mark.DUTY_ATTENDED;
			case ABSENT -> Mark.DUTY_ABSENT;
			case SUBSTITUTE -> Mark.DUTY_SUBSTITUTED;
		};
	}

}
