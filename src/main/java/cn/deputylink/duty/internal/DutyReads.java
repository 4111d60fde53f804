package cn.deputylink.duty.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.duty.DeputyDutyDay;
import cn.deputylink.duty.DutyDay;
import cn.deputylink.duty.DutyStatus;
import cn.deputylink.shared.InvalidInputException;

/** The reads of duty days: a station's, a deputy's record and coming days, dashboards. */
@Component
public class DutyReads {

	private final DutySteps steps;

	private final DutyStore store;

	DutyReads(DutySteps steps, DutyStore store) {
		this.steps = steps;
		this.store = store;
	}

	public List<DutyDay> list(long stationId, @Nullable LocalDate from, @Nullable LocalDate to, CurrentUser u) {
		steps.readableStation(stationId, u);
		LocalDate f = from == null ? steps.today().withDayOfYear(1) : from;
		LocalDate t = to == null ? f.plusYears(1) : to;
		if (t.isBefore(f)) {
			throw new InvalidInputException("to", "duty.error.toBeforeFrom");
		}
		if (ChronoUnit.DAYS.between(f, t) > 3660) {
			throw new InvalidInputException("to", "duty.error.rangeTooLong");
		}
		return store.days(stationId, f, t);
	}

	public List<DeputyDutyDay> record(long deputyId, @Nullable Integer year, CurrentUser u) {
		steps.requireDeputyScope(deputyId, u);
		int y = year == null ? steps.today().getYear() : year;
		if (y < 2000 || y > 2100) {
			throw new InvalidInputException("year", "duty.error.range", 2000, 2100);
		}
		return store.record(deputyId, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
	}

	public List<DutyDay> upcomingOfDeputy(long deputyId, CurrentUser u) {
		steps.requireDeputyScope(deputyId, u);
		LocalDate today = steps.today();
		return store.daysOfDeputy(deputyId, today, today.plusYears(1))
			.stream()
			.filter(d -> d.status() != DutyStatus.DRAFT || !u.is(Role.DEPUTY))
			.toList();
	}

	public List<DutyDay> daysOfStations(Collection<Long> stationIds, LocalDate from, LocalDate to,
			Collection<DutyStatus> statuses) {
		return store.daysOfStations(stationIds, from, to, statuses);
	}

}
