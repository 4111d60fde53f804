package cn.deputylink.duty.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.duty.DutyDay;
import cn.deputylink.duty.DutyEvent;
import cn.deputylink.duty.DutySettings;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.organisation.Station;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.NotFoundException;

/**
 * What every step does around the duty day aggregate: the clock and the publication lead
 * ({@link DutyDayCase.Terms}); load a day (404) and check the user's scope (403); save a
 * change (409 when someone changed the day meanwhile) and publish its event in the
 * caller's transaction.
 */
@Component
public class DutySteps implements DutyDayCase.Terms {

	/** The language of notices, feeds and activity titles. */
	static final Locale NOTICE_LOCALE = Locale.SIMPLIFIED_CHINESE;

	private final DutyStore store;

	private final RegistryLookup registry;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ZoneId zone;

	private final int leadDays;

	DutySteps(DutyStore store, RegistryLookup registry, ApplicationEventPublisher events, Clock clock,
			@Value("${deputylink.zone:Asia/Shanghai}") ZoneId zone,
			@Value("${deputylink.duty.publish-lead-days:3}") int leadDays) {
		this.store = store;
		this.registry = registry;
		this.events = events;
		this.clock = clock;
		this.zone = zone;
		this.leadDays = leadDays;
	}

	@Override
	public LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	@Override
	public int leadDays() {
		return leadDays;
	}

	@Override
	public OffsetDateTime now() {
		return OffsetDateTime.now(clock.withZone(zone)).truncatedTo(ChronoUnit.MICROS);
	}

	public ZoneId zone() {
		return zone;
	}

	// scope

	public Station station(long id) {
		return registry.station(id).orElseThrow(() -> new NotFoundException("station", id));
	}

	/** County admins; township admins and liaison officers of the station's township. */
	public static boolean isStaffFor(Station s, CurrentUser u) {
		return u.isCountyAdmin() || (u.role().townshipScoped() && u.canSeeTownship(s.townshipId()));
	}

	public Station staffStation(long id, CurrentUser u) {
		Station s = station(id);
		if (!isStaffFor(s, u)) {
			throw new AccessDeniedException("duty scope");
		}
		return s;
	}

	/** Staff in scope, or a deputy attached to the station. */
	public Station readableStation(long id, CurrentUser u) {
		Station s = station(id);
		if (isStaffFor(s, u) || (u.is(Role.DEPUTY) && u.deputyId() != null && s.deputyIds().contains(u.deputyId()))) {
			return s;
		}
		throw new AccessDeniedException("duty scope");
	}

	DutyDayCase load(long id) {
		return store.dayCase(id).orElseThrow(() -> new NotFoundException("duty day", id));
	}

	DutyDay day(long id) {
		return store.day(id).orElseThrow(() -> new NotFoundException("duty day", id));
	}

	/** A day its station's staff may read, or a deputy on it. */
	public DutyDay readableDay(long id, CurrentUser u) {
		DutyDay d = day(id);
		Station s = station(d.stationId());
		if (isStaffFor(s, u) || (u.is(Role.DEPUTY) && u.deputyId() != null && (d.deputyIds().contains(u.deputyId())
				|| s.deputyIds().contains(u.deputyId()) || d.presentDeputyIds().contains(u.deputyId())))) {
			return d;
		}
		throw new AccessDeniedException("duty scope");
	}

	/** The day (404) if the user is staff of its station (403). */
	DutyDayCase staffDay(long id, CurrentUser u) {
		DutyDayCase c = load(id);
		staffStation(c.state().stationId(), u);
		return c;
	}

	/**
	 * The deputy's own account, or staff of a township one of the deputy's stations lies
	 * in (county admins: every deputy).
	 */
	public void requireDeputyScope(long deputyId, CurrentUser u) {
		if (!registry.deputyExists(deputyId)) {
			throw new NotFoundException("deputy", deputyId);
		}
		if (u.is(Role.DEPUTY) && u.deputyId() != null && u.deputyId() == deputyId) {
			return;
		}
		if (u.isCountyAdmin()) {
			return;
		}
		if (u.role().townshipScoped()) {
			for (Long s : registry.stationsOfDeputy(deputyId)) {
				if (registry.station(s).map(st -> u.canSeeTownship(st.townshipId())).orElse(false)) {
					return;
				}
			}
		}
		throw new AccessDeniedException("duty scope");
	}

	public List<Long> stationDeputies(long stationId) {
		return registry.activeDeputiesOfStation(stationId);
	}

	public String deputyName(long id) {
		return registry.deputyNames(List.of(id)).getOrDefault(id, "#" + id);
	}

	public DutySettings settings(long stationId) {
		return store.settings(stationId)
			.orElse(new DutySettings(stationId, DutySettings.DEFAULT_DAYS_PER_MONTH,
					DutySettings.DEFAULT_DEPUTIES_PER_DAY, 0));
	}

	// saving

	/** Saves a new day of a plan with its deputies and publishes its event. */
	DutyDay insert(DutyDayCase fresh, CurrentUser u) {
		DutyDay s = fresh.state();
		long id = store.insertDay(s.stationId(), s.townshipId(), s.date(), s.status(), now());
		store.insertAssignments(id, s.deputyIds());
		DutyDayCase.Change change = fresh.planned(id, u.id(), now());
		events.publishEvent(change.event());
		return change.day();
	}

	/**
	 * Saves a step at the version read (409 when changed meanwhile) and publishes its
	 * event.
	 */
	DutyDay save(DutyDayCase.Change change) {
		DutyDay before = change.before().state();
		DutyDay after = change.day();
		if (!store.updateDay(before.id(), before.version(), after.date(), after.status(), after.sequence(),
				after.constituentsReceived(), now())) {
			throw new ConflictException("duty.error.stale");
		}
		if (change.event() instanceof DutyEvent.Held) {
			store.setAttendance(after.id(), after.attendees());
		}
		else if (change.event() instanceof DutyEvent.Changed) {
			store.replaceAssignments(after.id(), after.deputyIds());
		}
		events.publishEvent(change.event());
		return after;
	}

}
