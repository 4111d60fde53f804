package cn.deputylink.performance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import cn.deputylink.activity.ActivityType;
import cn.deputylink.activity.ObligationStatus;
import cn.deputylink.opinion.OpinionStatus;
import cn.deputylink.opinion.Outcome;
import cn.deputylink.opinion.Satisfaction;
import cn.deputylink.proposal.Evaluation;
import cn.deputylink.proposal.ProposalStatus;

/**
 * A deputy's performance file (履职档案) of a year, the one model of the page, the JSON and
 * the PDF: its duty days, counting activities by type, opinions received, proposals, the
 * "三个一", the points of the year so far and the marked days of the calendar. {@code asOf}
 * is the county's date the file was read on.
 */
public record PerformanceFile(long deputyId, String deputyName, int year, LocalDate asOf, DutyFigures duty,
		ActivityFigures activities, OpinionFigures opinions, ProposalFigures proposals, ObligationStatus obligations,
		int points, List<DayMark> days) {

	/**
	 * Held duty days: {@code attended} counts the days the deputy was there, its own
	 * ({@code PRESENT}) and those it stood in for another ({@code stoodIn}, included);
	 * {@code absent} without a substitute ({@code ABSENT}); {@code substituted}, replaced
	 * by another deputy ({@code SUBSTITUTE}); {@code upcoming}, published and not held
	 * yet.
	 */
	public record DutyFigures(int attended, int stoodIn, int absent, int substituted, int upcoming) {
	}

	/** Counting activities: per type (every type, zeros included) and the totals. */
	public record ActivityFigures(List<TypeCount> byType, int total, int constituentsReceived, int householdsVisited) {
	}

	/** Activities of one type with their counters. */
	public record TypeCount(ActivityType type, int count, int constituentsReceived, int householdsVisited) {
	}

	/**
	 * Opinions received (merged duplicates left out): by status, closed ones by outcome,
	 * rated ones by the constituent's rating, and how many became proposals.
	 */
	public record OpinionFigures(int received, Map<OpinionStatus, Integer> byStatus, Map<Outcome, Integer> byOutcome,
			Map<Satisfaction, Integer> bySatisfaction, int converted) {
	}

	/**
	 * Proposals submitted in the year: led, co-signed (confirmed), the evaluations of the
	 * replies to those it led, and the list.
	 */
	public record ProposalFigures(int led, int coSigned, Map<Evaluation, Integer> evaluations,
			List<ProposalLine> items) {
	}

	/** One proposal of the file. */
	public record ProposalLine(long proposalId, boolean lead, String title, @Nullable String number,
			ProposalStatus status, LocalDate date, @Nullable String resultClass, @Nullable Evaluation evaluation) {
	}

	/**
	 * A day of the calendar and what happened on it (several marks a day are several).
	 */
	public record DayMark(LocalDate date, Mark mark, @Nullable ActivityType activityType) {
	}

	/** What a day is marked with. */
	public enum Mark {

		DUTY_ATTENDED, DUTY_STOOD_IN, DUTY_ABSENT, DUTY_SUBSTITUTED, DUTY_UPCOMING, ACTIVITY

	}

}
