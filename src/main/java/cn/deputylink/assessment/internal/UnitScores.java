package cn.deputylink.assessment.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import cn.deputylink.assessment.AssessmentFormula;
import cn.deputylink.assessment.Criterion;
import cn.deputylink.assessment.CriterionScore;
import cn.deputylink.assessment.Grade;
import cn.deputylink.assessment.Timeliness;
import cn.deputylink.assessment.UnitBreakdown.OpinionItem;
import cn.deputylink.assessment.UnitBreakdown.ProposalItem;
import cn.deputylink.assessment.UnitScore;
import cn.deputylink.opinion.OpinionFact;
import cn.deputylink.opinion.OpinionStatus;
import cn.deputylink.opinion.Outcome;
import cn.deputylink.opinion.Satisfaction;
import cn.deputylink.proposal.Evaluation;
import cn.deputylink.proposal.UnitHandling;
import cn.deputylink.proposal.UnitRole;

/**
 * The year's scores of the handling units, from the proposal handlings and the opinions
 * assigned in the year; pure (no database, no clock: the county's zone and today are
 * given).
 *
 * <ul>
 * <li>Proposal timeliness: a lead unit's reply, or a co-unit's input, on or before the
 * reply's due date (the lead's; a co-unit's input before the lead's reply is due counts
 * as on time) is on time; later is late; none and the due date passed is open overdue;
 * none and not yet due is not counted. Rate = on time / (on time + late + open
 * overdue).</li>
 * <li>Proposal favourable share: of the lead unit's replies with a result class, those of
 * a favourable class (A/B). Co-units give no reply of their own, so they have no
 * data.</li>
 * <li>Proposal satisfaction: of the lead unit's evaluated proposals, (satisfied + factor
 * × basically satisfied) / evaluated.</li>
 * <li>Opinion timeliness: like proposals, with the opinion's due date and reply.</li>
 * <li>Opinion satisfaction: of the rated opinions, (satisfied + factor × basically
 * satisfied) / rated.</li>
 * <li>Opinion resolved share: of the closed opinions, those closed as resolved.</li>
 * </ul>
 * A criterion without data (denominator 0) is left out and the weights of the others are
 * scaled to sum to 100 (renormalised); a unit with data for no weighted criterion has no
 * score and no grade. The score = Σ effective weight × rate, rounded half up to one
 * decimal; the grade is read from the rounded score (≥ excellent mark: excellent, ≥ pass
 * mark: pass, else fail). Rows are sorted by score (none last), then by name and id;
 * equal scores share a rank (1, 1, 3).
 */
public final class UnitScores {

	private final AssessmentFormula formula;

	private final ZoneId zone;

	private final LocalDate today;

	/** A unit's name and tier (null when the registry does not know it). */
	public record Unit(String name, @Nullable String tier) {
	}

	public UnitScores(AssessmentFormula formula, ZoneId zone, LocalDate today) {
		this.formula = formula;
		this.zone = zone;
		this.today = today;
	}

	/** The rows of every unit that has a handling or an opinion, best first, ranked. */
	public List<UnitScore> table(List<UnitHandling> handlings, List<OpinionFact> opinions, Map<Long, Unit> units) {
		Map<Long, Tally> tallies = tallies(handlings, opinions);
		List<UnitScore> rows = new ArrayList<>();
		tallies.forEach((id, t) -> rows.add(score(id, t, units)));
		rows.sort(Comparator
			.comparing((UnitScore r) -> r.score() == null ? Double.NEGATIVE_INFINITY : r.score(),
					Comparator.reverseOrder())
			.thenComparing(UnitScore::departmentName)
			.thenComparingLong(UnitScore::departmentId));
		List<UnitScore> ranked = new ArrayList<>(rows.size());
		Integer rank = null;
		@Nullable Double previous = null;
		for (int i = 0; i < rows.size(); i++) {
			UnitScore r = rows.get(i);
			if (r.score() == null) {
				ranked.add(r.withRank(null));
				continue;
			}
			if (previous == null || !previous.equals(r.score())) {
				rank = i + 1;
				previous = r.score();
			}
			ranked.add(r.withRank(rank));
		}
		return ranked;
	}

	/** One unit's proposal items as they are counted, in the order given. */
	public List<ProposalItem> proposalItems(List<UnitHandling> handlings, long departmentId) {
		return handlings.stream()
			.filter(h -> h.departmentId() == departmentId)
			.map(h -> new ProposalItem(h.proposalId(), h.role().name(), date(h.assignedAt()), h.replyDue(),
					h.answeredAt() == null ? null : date(h.answeredAt()),
					timeliness(h.replyDue(), h.answeredAt(), false), h.resultClass(), h.favourable(),
					h.evaluation() == null ? null : h.evaluation().name()))
			.toList();
	}

	/** One unit's opinion items as they are counted, in the order given. */
	public List<OpinionItem> opinionItems(List<OpinionFact> opinions, long departmentId) {
		return opinions.stream()
			.filter(o -> o.departmentId() != null && o.departmentId() == departmentId)
			.map(o -> new OpinionItem(o.opinionId(),
					o.assignedAt() == null ? date(o.receivedAt()) : date(o.assignedAt()), o.dueDate(),
					o.repliedAt() == null ? null : date(o.repliedAt()),
					timeliness(o.dueDate(), o.repliedAt(), o.status() == OpinionStatus.CLOSED), o.status().name(),
					o.outcome() == null ? null : o.outcome().name(),
					o.satisfaction() == null ? null : o.satisfaction().name(), o.reopened()))
			.toList();
	}

	/**
	 * Where an item stands: answered on or before the due date (county dates) on time,
	 * after it late; unanswered past it open overdue, unless closed without a reply.
	 */
	Timeliness timeliness(@Nullable LocalDate due, @Nullable OffsetDateTime answered, boolean closed) {
		if (due == null) {
			return Timeliness.OPEN;
		}
		if (answered != null) {
			return date(answered).isAfter(due) ? Timeliness.LATE : Timeliness.ON_TIME;
		}
		return !closed && today.isAfter(due) ? Timeliness.OPEN_OVERDUE : Timeliness.OPEN;
	}

	private LocalDate date(OffsetDateTime t) {
		return t.atZoneSameInstant(zone).toLocalDate();
	}

	/** What is counted of one unit. */
	private static final class Tally {

		int led, co, pOnTime, pLate, pOverdue, pReplied, pFavourable, eSat, eBasic, eUnsat;

		int assigned, oOnTime, oLate, oOverdue, rSat, rBasic, rUnsat, closed, resolved;

	}

	private Map<Long, Tally> tallies(List<UnitHandling> handlings, List<OpinionFact> opinions) {
		Map<Long, Tally> tallies = new TreeMap<>();
		for (UnitHandling h : handlings) {
			Tally t = tallies.computeIfAbsent(h.departmentId(), k -> new Tally());
			boolean lead = h.role() == UnitRole.LEAD;
			if (lead) {
				t.led++;
			}
			else {
				t.co++;
			}
			switch (timeliness(h.replyDue(), h.answeredAt(), false)) {
				case ON_TIME -> t.pOnTime++;
				case LATE -> t.pLate++;
				case OPEN_OVERDUE -> t.pOverdue++;
				case OPEN -> {
				}
			}
			if (!lead) {
				continue;
			}
			if (h.resultClass() != null) {
				t.pReplied++;
				if (h.favourable()) {
					t.pFavourable++;
				}
			}
			Evaluation e = h.evaluation();
			if (e != null) {
				switch (e) {
					case SATISFIED -> t.eSat++;
					case BASICALLY_SATISFIED -> t.eBasic++;
					case UNSATISFIED -> t.eUnsat++;
				}
			}
		}
		for (OpinionFact o : opinions) {
			if (o.departmentId() == null || o.status() == OpinionStatus.MERGED) {
				continue;
			}
			Tally t = tallies.computeIfAbsent(o.departmentId(), k -> new Tally());
			t.assigned++;
			switch (timeliness(o.dueDate(), o.repliedAt(), o.status() == OpinionStatus.CLOSED)) {
				case ON_TIME -> t.oOnTime++;
				case LATE -> t.oLate++;
				case OPEN_OVERDUE -> t.oOverdue++;
				case OPEN -> {
				}
			}
			Satisfaction s = o.satisfaction();
			if (s != null) {
				switch (s) {
					case SATISFIED -> t.rSat++;
					case BASICALLY_SATISFIED -> t.rBasic++;
					case UNSATISFIED -> t.rUnsat++;
				}
			}
			if (o.status() == OpinionStatus.CLOSED) {
				t.closed++;
				if (o.outcome() == Outcome.RESOLVED) {
					t.resolved++;
				}
			}
		}
		return tallies;
	}

	private UnitScore score(long id, Tally t, Map<Long, Unit> units) {
		double f = formula.basicallyFactor();
		Map<Criterion, @Nullable Double> rates = new EnumMap<>(Criterion.class);
		rates.put(Criterion.PROPOSAL_TIMELINESS, share(t.pOnTime, t.pOnTime + t.pLate + t.pOverdue));
		rates.put(Criterion.PROPOSAL_FAVOURABLE, share(t.pFavourable, t.pReplied));
		rates.put(Criterion.PROPOSAL_SATISFACTION, share(t.eSat + f * t.eBasic, t.eSat + t.eBasic + t.eUnsat));
		rates.put(Criterion.OPINION_TIMELINESS, share(t.oOnTime, t.oOnTime + t.oLate + t.oOverdue));
		rates.put(Criterion.OPINION_SATISFACTION, share(t.rSat + f * t.rBasic, t.rSat + t.rBasic + t.rUnsat));
		rates.put(Criterion.OPINION_RESOLVED, share(t.resolved, t.closed));
		double weights = 0;
		for (Criterion c : Criterion.values()) {
			if (rates.get(c) != null) {
				weights += formula.weight(c);
			}
		}
		List<CriterionScore> criteria = new ArrayList<>();
		double total = 0;
		for (Criterion c : Criterion.values()) {
			Double rate = rates.get(c);
			double w = formula.weight(c);
			if (rate == null || weights <= 0) {
				criteria.add(new CriterionScore(c, w, null, rate == null ? null : percent(rate), null));
				continue;
			}
			double effective = 100 * w / weights;
			double points = effective * rate;
			total += points;
			criteria.add(new CriterionScore(c, w, round(effective), percent(rate), round(points)));
		}
		Double score = weights > 0 ? round(total) : null;
		Grade grade = score == null ? null : formula.grade(score);
		Unit unit = units.get(id);
		return new UnitScore(id, unit == null ? "#" + id : unit.name(), unit == null ? null : unit.tier(), t.led, t.co,
				t.pOnTime, t.pLate, t.pOverdue, t.pReplied, t.pFavourable, t.eSat, t.eBasic, t.eUnsat, t.assigned,
				t.oOnTime, t.oLate, t.oOverdue, t.rSat, t.rBasic, t.rUnsat, t.closed, t.resolved,
				percentOrNull(rates.get(Criterion.PROPOSAL_TIMELINESS)),
				percentOrNull(rates.get(Criterion.PROPOSAL_FAVOURABLE)),
				percentOrNull(rates.get(Criterion.PROPOSAL_SATISFACTION)),
				percentOrNull(rates.get(Criterion.OPINION_TIMELINESS)),
				percentOrNull(rates.get(Criterion.OPINION_SATISFACTION)),
				percentOrNull(rates.get(Criterion.OPINION_RESOLVED)), score, grade, null, List.copyOf(criteria));
	}

	private static @Nullable Double share(double part, int whole) {
		return whole == 0 ? null : part / whole;
	}

	private static @Nullable Double percentOrNull(@Nullable Double rate) {
		return rate == null ? null : percent(rate);
	}

	private static double percent(double rate) {
		return round(100 * rate);
	}

	/**
	 * Half up to one decimal, after dropping the binary noise beyond nine decimals (so
	 * 84.25, computed as 84.24999999999999, gives 84.3).
	 */
	static double round(double v) {
		return BigDecimal.valueOf(v).setScale(9, RoundingMode.HALF_UP).setScale(1, RoundingMode.HALF_UP).doubleValue();
	}

}
