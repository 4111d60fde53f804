package cn.deputylink.activity.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.activity.Activity;
import cn.deputylink.activity.ActivityEvent;
import cn.deputylink.activity.ActivityStatus;
import cn.deputylink.activity.ActivityType;
import cn.deputylink.activity.NewActivity;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.organisation.Station;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.InvalidInputException.FieldError;
import cn.deputylink.shared.TextInput;

/**
 * Staff recording an activity: the checks (400), the scope (403), the row and its
 * {@link ActivityEvent.Recorded}.
 */
@Component
public class Recording {

	static final int MAX_COUNTER = 100_000;

	private final ActivityRows activities;

	private final RegistryLookup registry;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ZoneId zone;

	private final HouseholdRows households;

	Recording(ActivityRows activities, RegistryLookup registry, ApplicationEventPublisher events, Clock clock,
			@Value("${deputylink.zone:Asia/Shanghai}") ZoneId zone, HouseholdRows households) {
		this.households = households;
		this.activities = activities;
		this.registry = registry;
		this.events = events;
		this.clock = clock;
		this.zone = zone;
	}

	public long record(NewActivity in, @Nullable Long dutyDayId, CurrentUser user) {
		requireStaff(user);
		Checked a = check(in, user);
		OffsetDateTime now = now();
		long id = activities.insert(a, ActivityStatus.RECORDED, dutyDayId, user.id(), now);
		events.publishEvent(new ActivityEvent.Recorded(id, a.type(), a.date(), a.stationId(), a.townshipId(),
				a.deputyIds(), a.constituentsReceived(), a.householdsVisited(), user.id(), now));
		return id;
	}

	public long recordDutyDay(long dutyDayId, NewActivity in, CurrentUser user) {
		if (in.type() != ActivityType.RECEPTION) {
			throw new InvalidInputException("type", "activity.type.reception");
		}
		var before = activities.findByDutyDay(dutyDayId);
		if (before.isEmpty()) {
			return record(in, dutyDayId, user);
		}
		requireStaff(user);
		Checked a = check(in, user);
		Activity old = before.get();
		OffsetDateTime now = now();
		events.publishEvent(
				new ActivityEvent.Withdrawn(old.id(), old.type(), old.date(), old.stationId(), old.townshipId(),
						old.deputyIds(), old.constituentsReceived(), old.householdsVisited(), user.id(), now));
		activities.replace(old.id(), a);
		events.publishEvent(new ActivityEvent.Recorded(old.id(), a.type(), a.date(), a.stationId(), a.townshipId(),
				a.deputyIds(), a.constituentsReceived(), a.householdsVisited(), user.id(), now));
		return old.id();
	}

	private static void requireStaff(CurrentUser user) {
		if (!(user.isCountyAdmin() || user.role().townshipScoped())) {
			throw new AccessDeniedException("record activity");
		}
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock.withZone(zone)).truncatedTo(ChronoUnit.MICROS);
	}

	/** Today in the county's zone. */
	LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	/**
	 * The input's checks, every field at once (400), then the station's scope for
	 * {@code user} (403).
	 */
	Checked check(NewActivity in, CurrentUser user) {
		List<FieldError> errors = new ArrayList<>();
		ActivityType type = in.type();
		if (type == null) {
			errors.add(new FieldError("type", "validation.required"));
		}
		LocalDate date = in.date();
		if (date == null) {
			errors.add(new FieldError("date", "validation.required"));
		}
		else if (date.isAfter(today())) {
			errors.add(new FieldError("date", "activity.date.future"));
		}
		Station station = null;
		if (in.stationId() != null) {
			station = registry.station(in.stationId()).orElse(null);
			if (station == null) {
				errors.add(new FieldError("stationId", "activity.station.unknown"));
			}
		}
		else if (type != null && type != ActivityType.VISIT && type != ActivityType.POVERTY_AID) {
			errors.add(new FieldError("stationId", "validation.required"));
		}
		List<Long> deputies = in.deputyIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(in.deputyIds()));
		if (deputies.isEmpty()) {
			errors.add(new FieldError("deputyIds", "activity.deputies.required"));
		}
		else if (deputies.size() > 200) {
			errors.add(new FieldError("deputyIds", "validation.size.max", 200));
		}
		else if (!deputies.stream().allMatch(registry::deputyExists)) {
			errors.add(new FieldError("deputyIds", "activity.deputies.unknown"));
		}
		int received = counter(in.constituentsReceived(), "constituentsReceived", errors);
		int visited = counter(in.householdsVisited(), "householdsVisited", errors);
		String title = TextInput.blankToNull(in.title());
		if (title == null) {
			errors.add(new FieldError("title", "validation.required"));
		}
		else if (title.length() > 200) {
			errors.add(new FieldError("title", "validation.size.max", 200));
		}
		String note = TextInput.blankToNull(in.note());
		if (note != null && note.length() > 2000) {
			errors.add(new FieldError("note", "validation.size.max", 2000));
		}
		// poverty-aid work may name the paired household it helped: it must exist, and be
		// in the user's township
		Long householdTownship = null;
		if (in.householdId() != null) {
			if (type != null && type != ActivityType.POVERTY_AID) {
				errors.add(new FieldError("householdId", "household.onlyPovertyAid"));
			}
			householdTownship = households.townshipOf(in.householdId()).orElse(null);
			if (householdTownship == null) {
				errors.add(new FieldError("householdId", "household.unknown"));
			}
		}
		if (!errors.isEmpty() || type == null || date == null || title == null) {
			throw new InvalidInputException(errors);
		}
		Long township = station != null ? Long.valueOf(station.townshipId())
				: householdTownship != null ? householdTownship : user.townshipId();
		if (user.role().townshipScoped() && (township == null || !township.equals(user.townshipId()))) {
			throw new AccessDeniedException("activity scope");
		}
		if (householdTownship != null && user.role().townshipScoped() && !householdTownship.equals(user.townshipId())) {
			throw new AccessDeniedException("household scope");
		}
		return new Checked(type, date, station == null ? null : station.id(), township, deputies, received, visited,
				title, note, in.householdId());
	}

	private static int counter(@Nullable Integer value, String field, List<FieldError> errors) {
		if (value == null) {
			return 0;
		}
		if (value < 0 || value > MAX_COUNTER) {
			errors.add(new FieldError(field, "activity.counter.range", MAX_COUNTER));
			return 0;
		}
		return value;
	}

}
