package cn.deputylink.duty.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.deputylink.account.Accounts;
import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.activity.ActivityRecording;
import cn.deputylink.activity.ActivityType;
import cn.deputylink.activity.NewActivity;
import cn.deputylink.calendar.WorkingCalendar;
import cn.deputylink.duty.Attendance;
import cn.deputylink.duty.Attendee;
import cn.deputylink.duty.DeputyDutyDay;
import cn.deputylink.duty.DutyDay;
import cn.deputylink.duty.DutySettings;
import cn.deputylink.duty.DutyStatus;
import cn.deputylink.duty.Reception;
import cn.deputylink.duty.SwapRequest;
import cn.deputylink.duty.Unavailability;
import cn.deputylink.notification.Notifications;
import cn.deputylink.opinion.Intake;
import cn.deputylink.opinion.Opinion;
import cn.deputylink.opinion.OpinionIntake;
import cn.deputylink.opinion.OpinionTriage;
import cn.deputylink.opinion.Source;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.organisation.Station;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.InvalidInputException.FieldError;
import cn.deputylink.shared.NotFoundException;
import cn.deputylink.shared.TextInput;

/**
 * The rules of duty days: planning with the {@link Rotation}, edits, publication, swaps,
 * unavailability and the reception form; the checks in the order of the opinion module
 * (404, 403, 409, 400), scope for every call, and the notices of every change to a
 * published day. Called by {@link cn.deputylink.duty.DutyDays} inside its transactions.
 */
@Component
public class Duties {

	static final Locale NOTICE_LOCALE = Locale.SIMPLIFIED_CHINESE;

	static final int MAX_DAYS_PER_PLAN = 10;

	static final int MAX_DEPUTIES_PER_DAY = 10;

	static final int MAX_COUNTER = 100_000;

	static final int MAX_OPINIONS = 20;

	static final int CONTENT_MAX = 4000;

	private final DutyStore store;

	private final RegistryLookup registry;

	private final WorkingCalendar calendar;

	private final Notifications notifications;

	private final Accounts accounts;

	private final MessageSource messages;

	private final ActivityRecording activities;

	private final OpinionIntake intake;

	private final OpinionTriage triage;

	private final Clock clock;

	private final ZoneId zone;

	private final int leadDays;

	Duties(DutyStore store, RegistryLookup registry, WorkingCalendar calendar, Notifications notifications,
			Accounts accounts, MessageSource messages, ActivityRecording activities, OpinionIntake intake,
			OpinionTriage triage, Clock clock, @Value("${deputylink.zone:Asia/Shanghai}") ZoneId zone,
			@Value("${deputylink.duty.publish-lead-days:3}") int leadDays) {
		this.store = store;
		this.registry = registry;
		this.calendar = calendar;
		this.notifications = notifications;
		this.accounts = accounts;
		this.messages = messages;
		this.activities = activities;
		this.intake = intake;
		this.triage = triage;
		this.clock = clock;
		this.zone = zone;
		this.leadDays = leadDays;
	}

	public LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	public int leadDays() {
		return leadDays;
	}

	public ZoneId zone() {
		return zone;
	}

	OffsetDateTime now() {
		return OffsetDateTime.now(clock.withZone(zone)).truncatedTo(ChronoUnit.MICROS);
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

	DutyDay staffDay(long id, CurrentUser u) {
		return staffDayAt(id, u).day();
	}

	record DayAt(DutyDay day, Station station) {
	}

	DayAt staffDayAt(long id, CurrentUser u) {
		DutyDay d = day(id);
		return new DayAt(d, staffStation(d.stationId(), u));
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

	// settings

	public DutySettings settings(long stationId) {
		return store.settings(stationId)
			.orElse(new DutySettings(stationId, DutySettings.DEFAULT_DAYS_PER_MONTH,
					DutySettings.DEFAULT_DEPUTIES_PER_DAY, 0));
	}

	public DutySettings updateSettings(long stationId, @Nullable Integer daysPerMonth, @Nullable Integer deputiesPerDay,
			@Nullable Integer version, CurrentUser u) {
		staffStation(stationId, u);
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
		DutySettings current = settings(stationId);
		if (version != null && version != current.version()) {
			throw new ConflictException("duty.error.stale");
		}
		if (current.version() == 0) {
			store.insertSettings(stationId, daysPerMonth, deputiesPerDay);
		}
		else if (!store.updateSettings(stationId, daysPerMonth, deputiesPerDay, current.version())) {
			throw new ConflictException("duty.error.stale");
		}
		return settings(stationId);
	}

	// planning

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
		Station station = staffStation(stationId, u);
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
		DutySettings settings = settings(stationId);
		List<LocalDate> chosen;
		if (days == null || days.isEmpty()) {
			LocalDate earliest = publish ? today().plusDays(leadDays) : ym.atDay(1);
			chosen = propose(ym, settings.daysPerMonth(), earliest);
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
	 * Plans the given days of a station (any months of one year, checked by the caller or
	 * here for conflicts and the publication lead) with deputies in rotation.
	 */
	public List<DutyDay> planDays(Station station, List<LocalDate> chosen, boolean publish, CurrentUser u) {
		long stationId = station.id();
		if (!isStaffFor(station, u)) {
			throw new AccessDeniedException("duty scope");
		}
		if (chosen.isEmpty()) {
			return List.of();
		}
		List<LocalDate> sorted = chosen.stream().sorted().toList();
		if (sorted.get(0).getYear() != sorted.get(sorted.size() - 1).getYear()) {
			throw new InvalidInputException("days", "duty.error.dayOutsideMonth");
		}
		for (LocalDate d : sorted) {
			if (store.dayExists(stationId, d, -1)) {
				throw new ConflictException("duty.error.dayExists", d);
			}
			if (publish) {
				requireLead(d);
			}
		}
		DutySettings settings = settings(stationId);
		List<Long> deputies = registry.activeDeputiesOfStation(stationId);
		Rotation rotation = rotationFor(sorted.get(0).getYear(), deputies);
		BiPredicate<Long, LocalDate> unavailable = unavailable(deputies, sorted.get(0), sorted.get(sorted.size() - 1));
		Map<LocalDate, List<Long>> assigned = rotation.plan(stationId, sorted, settings.deputiesPerDay(), deputies,
				unavailable);
		OffsetDateTime now = now();
		DutyStatus status = publish ? DutyStatus.PUBLISHED : DutyStatus.DRAFT;
		List<DutyDay> out = new ArrayList<>();
		for (var e : assigned.entrySet()) {
			List<Long> on = e.getValue().stream().sorted().toList();
			long id = store.insertDay(stationId, station.townshipId(), e.getKey(), status, now);
			store.insertAssignments(id, on);
			DutyDay day = new DutyDay(id, stationId, station.townshipId(), e.getKey(), status, 0, 1,
					on.stream().map(x -> new Attendee(x, null, null)).toList(), null);
			if (publish) {
				notifyDeputies(day, on, "duty.notice.published");
			}
			out.add(day);
		}
		return out;
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
		List<Unavailability> off = store.unavailability(deputies, from, to);
		return (d, date) -> off.stream()
			.anyMatch(x -> x.deputyId() == d && !date.isBefore(x.from()) && !date.isAfter(x.to()));
	}

	private void requireLead(LocalDate d) {
		if (d.isBefore(today().plusDays(leadDays))) {
			throw new ConflictException("duty.error.tooLate", leadDays);
		}
	}

	// days

	public List<DutyDay> list(long stationId, @Nullable LocalDate from, @Nullable LocalDate to, CurrentUser u) {
		readableStation(stationId, u);
		LocalDate f = from == null ? today().withDayOfYear(1) : from;
		LocalDate t = to == null ? f.plusYears(1) : to;
		if (t.isBefore(f)) {
			throw new InvalidInputException("to", "duty.error.toBeforeFrom");
		}
		if (ChronoUnit.DAYS.between(f, t) > 3660) {
			throw new InvalidInputException("to", "duty.error.rangeTooLong");
		}
		return store.days(stationId, f, t);
	}

	/** A staff edit of a day: its date and/or deputies. */
	public DutyDay edit(long id, @Nullable LocalDate date, @Nullable List<Long> deputyIds, @Nullable Integer version,
			CurrentUser u) {
		DutyDay d = staffDay(id, u);
		requireEditable(d);
		requireVersion(d, version);
		if (date == null && deputyIds == null) {
			throw new InvalidInputException("deputyIds", "validation.required");
		}
		LocalDate newDate = date == null ? d.date() : date;
		List<Long> newDeputies = deputyIds == null ? d.deputyIds() : checkDeputies(d, deputyIds, newDate);
		if (!newDate.equals(d.date())) {
			if (store.dayExists(d.stationId(), newDate, d.id())) {
				throw new ConflictException("duty.error.dayExists", newDate);
			}
			if (d.status() == DutyStatus.PUBLISHED) {
				requireLead(newDate);
			}
			if (deputyIds == null) {
				checkDeputies(d, newDeputies, newDate);
			}
		}
		boolean published = d.status() == DutyStatus.PUBLISHED;
		update(d, newDate, d.status(), published ? d.sequence() + 1 : d.sequence(), d.constituentsReceived());
		store.replaceAssignments(d.id(), newDeputies);
		DutyDay after = day(id);
		if (published) {
			Set<Long> affected = new LinkedHashSet<>(d.deputyIds());
			affected.addAll(newDeputies);
			notifyDeputies(after, affected, "duty.notice.changed");
		}
		return after;
	}

	private List<Long> checkDeputies(DutyDay d, List<Long> deputyIds, LocalDate date) {
		List<Long> ids = new ArrayList<>(new LinkedHashSet<>(deputyIds));
		if (ids.size() != deputyIds.size()) {
			throw new InvalidInputException("deputyIds", "duty.error.deputyTwice");
		}
		if (ids.size() > MAX_DEPUTIES_PER_DAY) {
			throw new InvalidInputException("deputyIds", "validation.size.max", MAX_DEPUTIES_PER_DAY);
		}
		List<Long> attached = registry.activeDeputiesOfStation(d.stationId());
		for (Long dep : ids) {
			if (dep == null || !attached.contains(dep)) {
				throw new InvalidInputException("deputyIds", "duty.error.deputyNotAttached");
			}
		}
		if (!store.busyOn(ids, date, d.id()).isEmpty()) {
			throw new ConflictException("duty.error.deputyBusy", date);
		}
		if (!store.unavailability(ids, date, date).isEmpty()) {
			throw new ConflictException("duty.error.deputyUnavailable", date);
		}
		ids.sort(Long::compare);
		return ids;
	}

	public DutyDay publish(long id, @Nullable Integer version, CurrentUser u) {
		DutyDay d = staffDay(id, u);
		if (d.status() != DutyStatus.DRAFT) {
			throw new ConflictException("duty.error.status", d.status());
		}
		requireVersion(d, version);
		requireLead(d.date());
		update(d, d.date(), DutyStatus.PUBLISHED, d.sequence(), d.constituentsReceived());
		DutyDay after = day(id);
		notifyDeputies(after, after.deputyIds(), "duty.notice.published");
		return after;
	}

	public DutyDay cancel(long id, @Nullable Integer version, CurrentUser u) {
		DutyDay d = staffDay(id, u);
		requireEditable(d);
		requireVersion(d, version);
		boolean published = d.status() == DutyStatus.PUBLISHED;
		update(d, d.date(), DutyStatus.CANCELLED, published ? d.sequence() + 1 : d.sequence(),
				d.constituentsReceived());
		DutyDay after = day(id);
		if (published) {
			notifyDeputies(after, after.deputyIds(), "duty.notice.cancelled");
		}
		return after;
	}

	private static void requireEditable(DutyDay d) {
		if (d.status() == DutyStatus.HELD || d.status() == DutyStatus.CANCELLED) {
			throw new ConflictException("duty.error.status", d.status());
		}
	}

	private static void requireVersion(DutyDay d, @Nullable Integer version) {
		if (version != null && version != d.version()) {
			throw new ConflictException("duty.error.stale");
		}
	}

	private void update(DutyDay d, LocalDate date, DutyStatus status, int sequence, @Nullable Integer received) {
		if (!store.updateDay(d.id(), d.version(), date, status, sequence, received, now())) {
			throw new ConflictException("duty.error.stale");
		}
	}

	// reception

	/**
	 * Records the reception of a day: attendance, constituents received, the opinions
	 * raised (registered with source RECEPTION and the deputies there); the day becomes
	 * HELD and its RECEPTION activity is recorded or corrected.
	 */
	public DutyDay recordReception(long id, Reception in, CurrentUser u) {
		DayAt at = staffDayAt(id, u);
		DutyDay d = at.day();
		if (d.status() == DutyStatus.CANCELLED) {
			throw new ConflictException("duty.error.status", d.status());
		}
		if (d.date().isAfter(today())) {
			throw new ConflictException("duty.error.receptionFuture");
		}
		requireVersion(d, in.version());
		List<FieldError> errors = new ArrayList<>();
		List<Attendee> attendance = checkAttendance(d, in.attendance(), errors);
		Integer received = in.constituentsReceived();
		if (received == null) {
			errors.add(new FieldError("constituentsReceived", "validation.required"));
		}
		else if (received < 0 || received > MAX_COUNTER) {
			errors.add(new FieldError("constituentsReceived", "duty.error.range", 0, MAX_COUNTER));
		}
		List<Reception.RaisedOpinion> raised = in.opinions() == null ? List.of() : in.opinions();
		if (raised.size() > MAX_OPINIONS) {
			errors.add(new FieldError("opinions", "validation.size.max", MAX_OPINIONS));
		}
		else {
			for (int i = 0; i < raised.size(); i++) {
				Reception.RaisedOpinion o = raised.get(i);
				if (o == null) {
					errors.add(new FieldError("opinions[" + i + "]", "validation.required"));
					continue;
				}
				String content = TextInput.blankToNull(o.content());
				if (content == null) {
					errors.add(new FieldError("opinions[" + i + "].content", "validation.required"));
				}
				else if (content.length() > CONTENT_MAX) {
					errors.add(new FieldError("opinions[" + i + "].content", "validation.size.max", CONTENT_MAX));
				}
				if (o.outcome() != null && !o.outcome().isOnTheSpot()) {
					errors.add(new FieldError("opinions[" + i + "].outcome", "duty.error.onTheSpotOutcome"));
				}
				String answer = TextInput.blankToNull(o.answer());
				if (o.outcome() != null && answer == null) {
					errors.add(new FieldError("opinions[" + i + "].answer", "validation.required"));
				}
				else if (answer != null && o.outcome() == null) {
					errors.add(new FieldError("opinions[" + i + "].outcome", "validation.required"));
				}
				else if (answer != null && answer.length() > CONTENT_MAX) {
					errors.add(new FieldError("opinions[" + i + "].answer", "validation.size.max", CONTENT_MAX));
				}
			}
		}
		List<Long> present = new DutyDay(d.id(), d.stationId(), d.townshipId(), d.date(), d.status(), d.sequence(),
				d.version(), attendance, received)
			.presentDeputyIds();
		if (errors.isEmpty() && present.isEmpty()) {
			errors.add(new FieldError("attendance", "duty.error.nobodyPresent"));
		}
		if (!errors.isEmpty() || received == null) {
			throw new InvalidInputException(errors);
		}
		update(d, d.date(), DutyStatus.HELD, d.sequence(), received);
		store.setAttendance(d.id(), attendance);
		Station station = at.station();
		String title = messages.getMessage("duty.activity.title", new Object[] { station.name(), d.date() },
				NOTICE_LOCALE);
		try {
			activities.recordDutyDay(d.id(), new NewActivity(ActivityType.RECEPTION, d.date(), d.stationId(), present,
					received, 0, title, null, null), u);
		}
		catch (InvalidInputException ex) {
			throw new InvalidInputException(ex.errors()
				.stream()
				.map(e -> new FieldError("deputyIds".equals(e.field()) ? "attendance" : e.field(), e.messageKey(),
						e.args()))
				.toList());
		}
		OffsetDateTime receivedAt = receivedAt(d.date());
		for (int i = 0; i < raised.size(); i++) {
			Reception.RaisedOpinion o = raised.get(i);
			Opinion opinion;
			try {
				opinion = intake
					.submit(new Intake(Source.RECEPTION, d.stationId(), o.villageId(),
							TextInput.blankToNull(o.categoryCode()), String.valueOf(TextInput.blankToNull(o.content())),
							receivedAt, present, TextInput.blankToNull(o.name()), TextInput.blankToNull(o.phone()),
							o.anonymous()), u, null, List.of())
					.opinion();
			}
			catch (InvalidInputException ex) {
				String prefix = "opinions[" + i + "].";
				throw new InvalidInputException(ex.errors()
					.stream()
					.map(e -> new FieldError(prefix + e.field(), e.messageKey(), e.args()))
					.toList());
			}
			store.linkOpinion(d.id(), opinion.id());
			if (o.outcome() != null) {
				triage.close(opinion.id(), o.outcome(), null, TextInput.blankToNull(o.answer()), u, opinion.version());
			}
		}
		return new DutyDay(d.id(), d.stationId(), d.townshipId(), d.date(), DutyStatus.HELD, d.sequence(),
				d.version() + 1, attendance, received);
	}

	private OffsetDateTime receivedAt(LocalDate date) {
		OffsetDateTime now = now();
		OffsetDateTime morning = date.atTime(LocalTime.of(9, 0)).atZone(zone).toOffsetDateTime();
		return morning.isBefore(now) ? morning : now;
	}

	private List<Attendee> checkAttendance(DutyDay d, @Nullable List<Attendee> in, List<FieldError> errors) {
		if (in == null) {
			errors.add(new FieldError("attendance", "validation.required"));
			return List.of();
		}
		List<Attendee> out = new ArrayList<>();
		Set<Long> seen = new HashSet<>();
		Set<Long> substitutes = new HashSet<>();
		for (int i = 0; i < in.size(); i++) {
			Attendee a = in.get(i);
			String f = "attendance[" + i + "]";
			if (a == null) {
				errors.add(new FieldError(f, "validation.required"));
				continue;
			}
			if (!d.deputyIds().contains(a.deputyId()) || !seen.add(a.deputyId())) {
				errors.add(new FieldError(f + ".deputyId", "duty.error.notOnDuty"));
				continue;
			}
			if (a.status() == null) {
				errors.add(new FieldError(f + ".status", "validation.required"));
				continue;
			}
			if (a.status() == Attendance.SUBSTITUTE) {
				Long sub = a.substituteId();
				if (sub == null) {
					errors.add(new FieldError(f + ".substituteId", "validation.required"));
				}
				else if (!registry.deputyExists(sub) || d.deputyIds().contains(sub) || !substitutes.add(sub)) {
					errors.add(new FieldError(f + ".substituteId", "duty.error.substitute"));
				}
			}
			else if (a.substituteId() != null) {
				errors.add(new FieldError(f + ".substituteId", "duty.error.substituteOnlyForSubstitute"));
			}
			out.add(new Attendee(a.deputyId(), a.status(),
					a.status() == Attendance.SUBSTITUTE ? a.substituteId() : null));
		}
		if (errors.isEmpty() && !seen.containsAll(d.deputyIds())) {
			errors.add(new FieldError("attendance", "duty.error.attendanceIncomplete"));
		}
		return out;
	}

	public List<Long> opinionsOf(long dayId) {
		return store.opinionsOf(dayId);
	}

	// swaps

	public SwapRequest requestSwap(long dayId, @Nullable Long fromDeputyId, @Nullable Long toDeputyId,
			@Nullable String note, CurrentUser u) {
		DutyDay d = day(dayId);
		Station s = station(d.stationId());
		long from;
		if (u.is(Role.DEPUTY) && u.deputyId() != null) {
			if (!d.deputyIds().contains(u.deputyId())) {
				throw new AccessDeniedException("not on duty");
			}
			if (fromDeputyId != null && !fromDeputyId.equals(u.deputyId())) {
				throw new AccessDeniedException("swap for another");
			}
			from = u.deputyId();
		}
		else if (isStaffFor(s, u)) {
			if (fromDeputyId == null) {
				throw new InvalidInputException("fromDeputyId", "validation.required");
			}
			from = fromDeputyId;
		}
		else {
			throw new AccessDeniedException("duty scope");
		}
		requireEditable(d);
		String n = TextInput.blankToNull(note);
		List<FieldError> errors = new ArrayList<>();
		if (!d.deputyIds().contains(from)) {
			errors.add(new FieldError("fromDeputyId", "duty.error.notOnDuty"));
		}
		if (toDeputyId == null) {
			errors.add(new FieldError("toDeputyId", "validation.required"));
		}
		else if (!registry.activeDeputiesOfStation(d.stationId()).contains(toDeputyId)
				|| d.deputyIds().contains(toDeputyId)) {
			errors.add(new FieldError("toDeputyId", "duty.error.swapTarget"));
		}
		if (n != null && n.length() > 500) {
			errors.add(new FieldError("note", "validation.size.max", 500));
		}
		if (!errors.isEmpty() || toDeputyId == null) {
			throw new InvalidInputException(errors);
		}
		if (store.pendingSwapExists(dayId, from)) {
			throw new ConflictException("duty.error.swapPending");
		}
		long id = store.insertSwap(dayId, from, toDeputyId, n, u.id(), now());
		notifyStaff(s, messages.getMessage("duty.notice.swapRequested",
				new Object[] { s.name(), d.date(), deputyName(from), deputyName(toDeputyId) }, NOTICE_LOCALE));
		return store.swap(id).orElseThrow();
	}

	public List<SwapRequest> swaps(SwapRequest.@Nullable Status status, CurrentUser u) {
		if (u.is(Role.DEPUTY) && u.deputyId() != null) {
			return store.swaps(null, u.deputyId(), status);
		}
		if (u.isCountyAdmin()) {
			return store.swaps(null, null, status);
		}
		if (u.role().townshipScoped()) {
			return store.swaps(registry.stationsOf(u.townshipId()).stream().map(Station::id).toList(), null, status);
		}
		throw new AccessDeniedException("duty scope");
	}

	public SwapRequest decideSwap(long swapId, boolean approve, @Nullable Integer version, CurrentUser u) {
		SwapRequest s = store.swap(swapId).orElseThrow(() -> new NotFoundException("swap", swapId));
		DutyDay d = staffDay(s.dutyDayId(), u);
		if (s.status() != SwapRequest.Status.PENDING) {
			throw new ConflictException("duty.error.swapDecided");
		}
		if (version != null && version != s.version()) {
			throw new ConflictException("duty.error.stale");
		}
		if (approve) {
			requireEditable(d);
			if (!d.deputyIds().contains(s.fromDeputyId()) || d.deputyIds().contains(s.toDeputyId())) {
				throw new ConflictException("duty.error.swapOutdated");
			}
			List<Long> deputies = new ArrayList<>(d.deputyIds());
			deputies.remove(s.fromDeputyId());
			deputies.add(s.toDeputyId());
			edit(d.id(), null, deputies, d.version(), u);
		}
		if (!store.decideSwap(swapId, s.version(), approve ? SwapRequest.Status.APPROVED : SwapRequest.Status.REFUSED,
				u.id(), now())) {
			throw new ConflictException("duty.error.stale");
		}
		if (!approve || d.status() != DutyStatus.PUBLISHED) {
			// a published day's approval is notified by the edit
			DutyDay after = day(d.id());
			notifyDeputies(after, List.of(s.fromDeputyId(), s.toDeputyId()),
					approve ? "duty.notice.swapApproved" : "duty.notice.swapRefused");
		}
		return store.swap(swapId).orElseThrow();
	}

	// unavailability

	public List<Unavailability> unavailability(long deputyId, CurrentUser u) {
		requireDeputyScope(deputyId, u);
		return store.unavailability(List.of(deputyId), today().minusYears(1), today().plusYears(10));
	}

	public Unavailability declareUnavailable(long deputyId, @Nullable LocalDate from, @Nullable LocalDate to,
			Unavailability.@Nullable Reason reason, @Nullable String note, CurrentUser u) {
		requireDeputyScope(deputyId, u);
		List<FieldError> errors = new ArrayList<>();
		if (from == null) {
			errors.add(new FieldError("from", "validation.required"));
		}
		if (to == null) {
			errors.add(new FieldError("to", "validation.required"));
		}
		if (from != null && to != null) {
			if (to.isBefore(from)) {
				errors.add(new FieldError("to", "duty.error.toBeforeFrom"));
			}
			else if (ChronoUnit.DAYS.between(from, to) > 366) {
				errors.add(new FieldError("to", "duty.error.rangeTooLong"));
			}
		}
		if (reason == null) {
			errors.add(new FieldError("reason", "validation.required"));
		}
		String n = TextInput.blankToNull(note);
		if (n != null && n.length() > 200) {
			errors.add(new FieldError("note", "validation.size.max", 200));
		}
		if (!errors.isEmpty() || from == null || to == null || reason == null) {
			throw new InvalidInputException(errors);
		}
		long id = store.insertUnavailability(deputyId, from, to, reason, n, u.id(), now());
		return store.unavailabilityById(id).orElseThrow();
	}

	public void removeUnavailability(long id, CurrentUser u) {
		Unavailability x = store.unavailabilityById(id).orElseThrow(() -> new NotFoundException("unavailability", id));
		requireDeputyScope(x.deputyId(), u);
		store.deleteUnavailability(id);
	}

	// a deputy's record

	public List<DeputyDutyDay> record(long deputyId, @Nullable Integer year, CurrentUser u) {
		requireDeputyScope(deputyId, u);
		int y = year == null ? today().getYear() : year;
		if (y < 2000 || y > 2100) {
			throw new InvalidInputException("year", "duty.error.range", 2000, 2100);
		}
		return store.record(deputyId, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
	}

	public List<DutyDay> upcomingOfDeputy(long deputyId, CurrentUser u) {
		requireDeputyScope(deputyId, u);
		return store.daysOfDeputy(deputyId, today(), today().plusYears(1))
			.stream()
			.filter(d -> d.status() != DutyStatus.DRAFT || !u.is(Role.DEPUTY))
			.toList();
	}

	// notices

	String deputyName(long id) {
		return registry.deputyNames(List.of(id)).getOrDefault(id, "#" + id);
	}

	private void notifyDeputies(DutyDay d, Collection<Long> deputyIds, String key) {
		List<Long> users = accounts.userIdsOfDeputies(deputyIds);
		if (users.isEmpty()) {
			return;
		}
		Station s = station(d.stationId());
		Map<Long, String> names = registry.deputyNames(d.deputyIds());
		String onDuty = String.join("、", d.deputyIds().stream().map(x -> names.getOrDefault(x, "#" + x)).toList());
		String subject = messages.getMessage(key + ".subject", new Object[] { s.name(), d.date() }, NOTICE_LOCALE);
		String text = messages.getMessage(key + ".text", new Object[] { s.name(), d.date(), onDuty }, NOTICE_LOCALE);
		notifications.inbox(users, subject, text, "/duty/me");
	}

	private void notifyStaff(Station s, String text) {
		List<Long> users = new ArrayList<>(accounts.userIdsWith(Role.STATION_LIAISON, s.townshipId(), null));
		users.addAll(accounts.userIdsWith(Role.TOWNSHIP_ADMIN, s.townshipId(), null));
		if (!users.isEmpty()) {
			notifications.inbox(users, messages.getMessage("duty.notice.swapRequested.subject", null, NOTICE_LOCALE),
					text, "/duty/stations/" + s.id());
		}
	}

	// dashboards and public pages

	public List<DutyDay> daysOfStations(Collection<Long> stationIds, LocalDate from, LocalDate to,
			Collection<DutyStatus> statuses) {
		return store.daysOfStations(stationIds, from, to, statuses);
	}

	public int pendingSwaps(Collection<Long> stationIds) {
		return store.pendingSwaps(stationIds);
	}

	public List<DutyDay> daysOfDeputy(long deputyId, LocalDate from, LocalDate to) {
		return store.daysOfDeputy(deputyId, from, to);
	}

}
