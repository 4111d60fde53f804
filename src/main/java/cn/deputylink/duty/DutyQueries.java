package cn.deputylink.duty;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.duty.internal.DutyReads;
import cn.deputylink.duty.internal.DutySteps;

/**
 * Reading duty days in scope: a station's days (staff, its deputies), a day, a deputy's
 * record and coming days (a deputy sees no drafts), the days of dashboards.
 */
@Service
public class DutyQueries {

	private final DutySteps steps;

	private final DutyReads reads;

	DutyQueries(DutySteps steps, DutyReads reads) {
		this.steps = steps;
		this.reads = reads;
	}

	@Transactional(readOnly = true)
	public List<DutyDay> list(long stationId, @Nullable LocalDate from, @Nullable LocalDate to, CurrentUser u) {
		return reads.list(stationId, from, to, u);
	}

	@Transactional(readOnly = true)
	public DutyDay get(long id, CurrentUser u) {
		return steps.readableDay(id, u);
	}

	/** A deputy's duty record of a year: days on duty with attendance, days stood in. */
	@Transactional(readOnly = true)
	public List<DeputyDutyDay> record(long deputyId, @Nullable Integer year, CurrentUser u) {
		return reads.record(deputyId, year, u);
	}

	/** A deputy's coming days (a deputy sees no drafts). */
	@Transactional(readOnly = true)
	public List<DutyDay> upcoming(long deputyId, CurrentUser u) {
		return reads.upcomingOfDeputy(deputyId, u);
	}

	/** Days of these stations in a range with these statuses (no scope: the caller's). */
	@Transactional(readOnly = true)
	public List<DutyDay> daysOfStations(Collection<Long> stationIds, LocalDate from, LocalDate to,
			Collection<DutyStatus> statuses) {
		return reads.daysOfStations(stationIds, from, to, statuses);
	}

	/** The date today in the county's zone. */
	public LocalDate today() {
		return steps.today();
	}

}
