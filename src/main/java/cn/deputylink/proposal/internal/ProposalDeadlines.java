package cn.deputylink.proposal.internal;

import java.time.LocalDate;

import cn.deputylink.calendar.WorkingCalendar;

/**
 * A proposal's deadlines over the county's working calendar: the assignment of a recess
 * proposal in working days, the replies in months, a month's end that is a day off rolled
 * forward to the next working day.
 */
public final class ProposalDeadlines {

	private final WorkingCalendar calendar;

	private final ProposalSettings settings;

	public ProposalDeadlines(WorkingCalendar calendar, ProposalSettings settings) {
		this.calendar = calendar;
		this.settings = settings;
	}

	public LocalDate assignBy(LocalDate submitted) {
		return calendar.addWorkingDays(submitted, settings.assignWorkingDays());
	}

	public LocalDate replyDue(LocalDate assigned) {
		return roll(assigned.plusMonths(settings.replyMonths()));
	}

	public LocalDate extendedReplyDue(LocalDate assigned) {
		return roll(assigned.plusMonths(settings.extendedReplyMonths()));
	}

	public LocalDate rehandleDue(LocalDate evaluated) {
		return roll(evaluated.plusMonths(settings.rehandleMonths()));
	}

	/** The day itself when a working day, else the next working day. */
	LocalDate roll(LocalDate day) {
		return calendar.addWorkingDays(day, 0);
	}

}
