package cn.deputylink.duty.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.duty.DutyDay;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;

/**
 * A staff member's changes to a day: its date and deputies (checked against the registry
 * and the other days here, the status, version and lead by {@link DutyDayCase}),
 * publication and cancellation.
 */
@Component
public class DayEdits {

	private final DutySteps steps;

	private final DutyStore store;

	private final UnavailabilityRows unavailabilities;

	private final RegistryLookup registry;

	DayEdits(DutySteps steps, DutyStore store, UnavailabilityRows unavailabilities, RegistryLookup registry) {
		this.steps = steps;
		this.store = store;
		this.unavailabilities = unavailabilities;
		this.registry = registry;
	}

	/** A staff edit of a day: its date and/or deputies. */
	public DutyDay edit(long id, @Nullable LocalDate date, @Nullable List<Long> deputyIds, @Nullable Integer version,
			CurrentUser u) {
		DutyDayCase c = steps.staffDay(id, u);
		c.requireEditable();
		c.requireVersion(version);
		if (date == null && deputyIds == null) {
			throw new InvalidInputException("deputyIds", "validation.required");
		}
		LocalDate newDate = date == null ? c.date() : date;
		List<Long> newDeputies = deputyIds == null ? c.deputyIds() : checkDeputies(c, deputyIds, newDate);
		boolean moved = !newDate.equals(c.date());
		if (moved && store.dayExists(c.state().stationId(), newDate, c.id())) {
			throw new ConflictException("duty.error.dayExists", newDate);
		}
		DutyDayCase.Change change = c.edit(newDate, newDeputies, version, u.id(), steps);
		if (moved && deputyIds == null) {
			checkDeputies(c, newDeputies, newDate);
		}
		steps.save(change);
		return steps.day(id);
	}

	private List<Long> checkDeputies(DutyDayCase c, List<Long> deputyIds, LocalDate date) {
		List<Long> ids = new ArrayList<>(new LinkedHashSet<>(deputyIds));
		if (ids.size() != deputyIds.size()) {
			throw new InvalidInputException("deputyIds", "duty.error.deputyTwice");
		}
		if (ids.size() > Planning.MAX_DEPUTIES_PER_DAY) {
			throw new InvalidInputException("deputyIds", "validation.size.max", Planning.MAX_DEPUTIES_PER_DAY);
		}
		List<Long> attached = registry.activeDeputiesOfStation(c.state().stationId());
		for (Long dep : ids) {
			if (dep == null || !attached.contains(dep)) {
				throw new InvalidInputException("deputyIds", "duty.error.deputyNotAttached");
			}
		}
		if (!store.busyOn(ids, date, c.id()).isEmpty()) {
			throw new ConflictException("duty.error.deputyBusy", date);
		}
		if (!unavailabilities.unavailability(ids, date, date).isEmpty()) {
			throw new ConflictException("duty.error.deputyUnavailable", date);
		}
		ids.sort(Long::compare);
		return ids;
	}

	public DutyDay publish(long id, @Nullable Integer version, CurrentUser u) {
		steps.save(steps.staffDay(id, u).publish(version, u.id(), steps));
		return steps.day(id);
	}

	public DutyDay cancel(long id, @Nullable Integer version, CurrentUser u) {
		steps.save(steps.staffDay(id, u).cancel(version, u.id(), steps));
		return steps.day(id);
	}

}
