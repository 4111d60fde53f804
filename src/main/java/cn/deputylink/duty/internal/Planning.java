package cn.deputylink.duty.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.calendar.WorkingCalendar;
import cn.deputylink.duty.DutyDay;
import cn.deputylink.duty.DutySettings;
import cn.deputylink.duty.Unavailability;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.organisation.Station;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.InvalidInputException.FieldError;

/**
 * Planning a station's days: its settings (days a month, deputies a day), the proposal of
 * working days spread over a month and the new days with their deputies in
 * {@link Rotation}, drafts or published at once.
 */
@Component
public class Planning {

	static final int MAX_DAYS_PER_PLAN = 10;

	static final int MAX_DEPUTIES_PER_DAY = 10;

	private final DutySteps steps;

	private final DutyStore store;

	private final UnavailabilityRows unavailabilities;

	private final RegistryLookup registry;

	private final WorkingCalendar calendar;

	Planning(DutySteps steps, DutyStore store, UnavailabilityRows unavailabilities, RegistryLookup registry,
			WorkingCalendar calendar) {
		this.steps = steps;
		this.store = store;
		this.unavailabilities = unavailabilities;
		this.registry = registry;
		this.calendar = calendar;
	}

	public DutySettings updateSettings(long stationId, @Nullable Integer daysPerMonth, @Nullable Integer deputiesPerDay,
			@Nullable Integer version, CurrentUser u) {
		steps.staffStation(stationId, u);
		List<FieldError> errors = new ArrayList<>();
		if (daysPerMonth == null || daysPerMonth < 1 || daysPerMonth > MAX_DAYS_PER_PLAN) {
			errors.add(new FieldError("daysPerMonth", "duty.error.range", 1, MAX_DAYS_PER_PLAN));
		}
		if (deputiesPerDay == null || deputiesPerDay < 1 || deputiesPerDay > MAX_DEPUTIES_PER_DAY) {
			errors.add(new FieldError("deputiesPerDay", "duty.error.range", 1, MAX_DEPUTIES_PER_DAY));
		}
		if (!errors.isEmpty() || daysPerMonth == null || deputiesPerDay == null) {
			throw new InvalidInputException(errors);
		}
		DutySettings current = steps.settings(stationId);
		if (version != null && version != current.version()) {
			throw new ConflictException("duty.error.stale");
		}
		if (current.version() == 0) {
			store.insertSettings(stationId, daysPerMonth, deputiesPerDay);
		}
		else if (!store.updateSettings(stationId, daysPerMonth, deputiesPerDay, current.version())) {
			throw new ConflictException("duty.error.stale");
		}
		return steps.settings(stationId);
	}

	/**
	 * The opening days proposed for a month: {@code n} working days, one in each of
	 * {@code n} equal parts of the month (its first working day there), never a day
	 * before {@code earliest}.
	 */
	public List<LocalDate> propose(YearMonth month, int n, LocalDate earliest) {
		List<LocalDate> out = new ArrayList<>();
		int length = month.lengthOfMonth();
		for (int part = 0; part < n; part++) {
			int start = 1 + part * length / n;
			int end = (part + 1) * length / n;
			for (int day = start; day <= end; day++) {
				LocalDate d = month.atDay(day);
				if (!d.isBefore(earliest) && calendar.isWorkingDay(d)) {
					out.add(d);
					break;
				}
			}
		}
		return out;
	}

	/**
	 * Plans a month of a station: the given days (or the proposal) as new duty days with
	 * their deputies in rotation, published at once with {@code publish}.
	 */
	public List<DutyDay> plan(long stationId, @Nullable Integer year, @Nullable Integer month,
			@Nullable List<LocalDate> days, boolean publish, CurrentUser u) {
		Station station = steps.staffStation(stationId, u);
		List<FieldError> errors = new ArrayList<>();
		if (year == null || year < 2000 || year > 2100) {
			errors.add(new FieldError("year", "duty.error.range", 2000, 2100));
		}
		if (month == null || month < 1 || month > 12) {
			errors.add(new FieldError("month", "duty.error.range", 1, 12));
		}
		if (!errors.isEmpty() || year == null || month == null) {
			throw new InvalidInputException(errors);
		}
		YearMonth ym = YearMonth.of(year, month);
		List<LocalDate> chosen;
		if (days == null || days.isEmpty()) {
			LocalDate earliest = publish ? steps.today().plusDays(steps.leadDays()) : ym.atDay(1);
			chosen = propose(ym, steps.settings(stationId).daysPerMonth(), earliest);
			if (chosen.isEmpty()) {
				throw new InvalidInputException("days", "duty.error.noWorkingDay");
			}
		}
		else {
			if (days.size() > MAX_DAYS_PER_PLAN) {
				throw new InvalidInputException("days", "validation.size.max", MAX_DAYS_PER_PLAN);
			}
			Set<LocalDate> distinct = new LinkedHashSet<>();
			for (int i = 0; i < days.size(); i++) {
				LocalDate d = days.get(i);
				if (d == null || !YearMonth.from(d).equals(ym)) {
					errors.add(new FieldError("days[" + i + "]", "duty.error.dayOutsideMonth"));
				}
				else if (!distinct.add(d)) {
					errors.add(new FieldError("days[" + i + "]", "duty.error.dayTwice"));
				}
			}
			if (!errors.isEmpty()) {
				throw new InvalidInputException(errors);
			}
			chosen = List.copyOf(distinct);
		}
		return planDays(station, chosen, publish, u);
	}

	/**
	 * Plans the given days of a station (any months of one year) with deputies in
	 * rotation; 409 for a day the station has already or, published, too late.
	 */
	public List<DutyDay> planDays(Station station, List<LocalDate> chosen, boolean publish, CurrentUser u) {
		long stationId = station.id();
		if (!DutySteps.isStaffFor(station, u)) {
			throw new AccessDeniedException("duty scope");
		}
		if (chosen.isEmpty()) {
			return List.of();
		}
		List<LocalDate> sorted = chosen.stream().sorted().toList();
		if (sorted.get(0).getYear() != sorted.get(sorted.size() - 1).getYear()) {
			throw new InvalidInputException("days", "duty.error.dayOutsideMonth");
		}
		List<DutyDayCase> fresh = new ArrayList<>();
		for (LocalDate d : sorted) {
			if (store.dayExists(stationId, d, -1)) {
				throw new ConflictException("duty.error.dayExists", d);
			}
			// the lead is checked before anything is planned
			DutyDayCase.plan(stationId, station.townshipId(), d, List.of(), publish, steps);
		}
		List<Long> deputies = registry.activeDeputiesOfStation(stationId);
		Rotation rotation = rotationFor(sorted.get(0).getYear(), deputies);
		BiPredicate<Long, LocalDate> unavailable = unavailable(deputies, sorted.get(0), sorted.get(sorted.size() - 1));
		Map<LocalDate, List<Long>> assigned = rotation.plan(stationId, sorted,
				steps.settings(stationId).deputiesPerDay(), deputies, unavailable);
		for (var e : assigned.entrySet()) {
			fresh.add(DutyDayCase.plan(stationId, station.townshipId(), e.getKey(),
					e.getValue().stream().sorted().toList(), publish, steps));
		}
		return fresh.stream().map(c -> steps.insert(c, u)).toList();
	}

	/** A rotation that knows the turns given this year and every deputy's busy days. */
	Rotation rotationFor(int year, Collection<Long> deputies) {
		Rotation rotation = new Rotation();
		for (DutyStore.Turn t : store.turns(deputies, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))) {
			rotation.given(t.stationId(), t.deputyId(), t.date());
		}
		return rotation;
	}

	BiPredicate<Long, LocalDate> unavailable(Collection<Long> deputies, LocalDate from, LocalDate to) {
		List<Unavailability> off = unavailabilities.unavailability(deputies, from, to);
		return (d, date) -> off.stream()
			.anyMatch(x -> x.deputyId() == d && !date.isBefore(x.from()) && !date.isAfter(x.to()));
	}

}
