package cn.deputylink.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.activity.Activity;
import cn.deputylink.activity.ActivityFilter;
import cn.deputylink.activity.ActivityQueries;
import cn.deputylink.activity.ActivityStatus;
import cn.deputylink.audit.AuditLog;
import cn.deputylink.duty.DutyDay;
import cn.deputylink.duty.DutyQueries;
import cn.deputylink.duty.DutyStatus;
import cn.deputylink.ledger.internal.LedgerWorkbook;
import cn.deputylink.opinion.OpinionRecords;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.organisation.Station;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.NotFoundException;
import cn.deputylink.statistics.Period;
import cn.deputylink.statistics.Scope;
import cn.deputylink.statistics.StatisticsRecords;
import cn.deputylink.statistics.Summary;

/**
 * A station's ledger of a period, as figures and records ({@link #ledger}) or as the
 * workbook ({@link #export}, audited). A county admin any station, a township admin the
 * stations of its township, a liaison officer its own station; deputies and department
 * handlers 403. Dates as {@code yyyy-MM-dd}: missing, unparseable, reversed or more than
 * five years apart 400; an unknown station 404.
 */
@Service
public class StationLedgers {

	/** The longest period a ledger covers. */
	public static final int MAX_YEARS = 5;

	private static final int PAGE = 500;

	private final RegistryLookup registry;

	private final StatisticsRecords statistics;

	private final DutyQueries duty;

	private final ActivityQueries activities;

	private final OpinionRecords opinions;

	private final LedgerWorkbook workbook;

	private final AuditLog audit;

	private final Clock clock;

	private final ZoneId zone;

	StationLedgers(RegistryLookup registry, StatisticsRecords statistics, DutyQueries duty, ActivityQueries activities,
			OpinionRecords opinions, LedgerWorkbook workbook, AuditLog audit, Clock clock,
			@Value("${deputylink.zone:Asia/Shanghai}") ZoneId zone) {
		this.registry = registry;
		this.statistics = statistics;
		this.duty = duty;
		this.activities = activities;
		this.opinions = opinions;
		this.workbook = workbook;
		this.audit = audit;
		this.clock = clock;
		this.zone = zone;
	}

	/** The stations the user may make the ledger of, by township and name. */
	@Transactional(readOnly = true)
	public List<LedgerStation> stations(CurrentUser u) {
		requireRole(u);
		Long township = u.isCountyAdmin() ? null : u.townshipScope().orElse(-1L);
		Map<Long, String> townships = new HashMap<>();
		registry.activeTownships().forEach(t -> townships.put(t.id(), t.name()));
		List<LedgerStation> out = new ArrayList<>();
		for (Station s : registry.stationsOf(township)) {
			if (u.is(Role.STATION_LIAISON) && !Objects.equals(u.stationId(), s.id())) {
				continue;
			}
			out.add(new LedgerStation(s.id(), s.name(), s.townshipId(), townships.getOrDefault(s.townshipId(), "")));
		}
		out.sort(Comparator.comparing(LedgerStation::townshipName).thenComparing(LedgerStation::name));
		return out;
	}

	/** The ledger's figures and records (the page's preview). */
	@Transactional(readOnly = true)
	public Ledger ledger(long stationId, @Nullable String from, @Nullable String to, CurrentUser u) {
		requireRole(u);
		LocalDate f = date("from", from);
		LocalDate t = date("to", to);
		checkPeriod(f, t);
		LedgerStation station = station(stationId, u);
		return build(station, f, t, u);
	}

	/** The figures only (the page's preview). */
	@Transactional(readOnly = true)
	public LedgerFigures figures(long stationId, @Nullable String from, @Nullable String to, CurrentUser u) {
		return ledger(stationId, from, to, u).figures();
	}

	/** The workbook, in the user's language; every export is audited. */
	@Transactional
	public LedgerFile export(long stationId, @Nullable String from, @Nullable String to, CurrentUser u, Locale locale) {
		Ledger ledger = ledger(stationId, from, to, u);
		byte[] content = workbook.write(ledger, locale);
		audit.recordForCurrentUser("ledger.export", "station/" + stationId, ledger.from() + ".." + ledger.to());
		return new LedgerFile(workbook.fileName(ledger, locale), content);
	}

	private static void requireRole(CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN, Role.STATION_LIAISON);
	}

	private LedgerStation station(long stationId, CurrentUser u) {
		Station s = registry.station(stationId).orElseThrow(() -> new NotFoundException("station", stationId));
		u.requireTownship(s.townshipId());
		if (u.is(Role.STATION_LIAISON) && !Objects.equals(u.stationId(), s.id())) {
			throw new AccessDeniedException("not the liaison officer's station");
		}
		String township = registry.township(s.townshipId()).map(t -> t.name()).orElse("");
		return new LedgerStation(s.id(), s.name(), s.townshipId(), township);
	}

	private static LocalDate date(String field, @Nullable String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidInputException(field, "ledger.error.dateMissing");
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, "ledger.error.date");
		}
	}

	private static void checkPeriod(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			throw new InvalidInputException("to", "ledger.error.reversed");
		}
		if (to.isAfter(from.plusYears(MAX_YEARS).minusDays(1))) {
			throw new InvalidInputException("to", "ledger.error.tooLong", MAX_YEARS);
		}
	}

	private Ledger build(LedgerStation station, LocalDate from, LocalDate to, CurrentUser u) {
		EnumSet<DutyStatus> shown = EnumSet.of(DutyStatus.PUBLISHED, DutyStatus.HELD, DutyStatus.CANCELLED);
		List<DutyDay> days = new ArrayList<>(duty.daysOfStations(List.of(station.id()), from, to, shown));
		days.sort(Comparator.comparing(DutyDay::date).thenComparingLong(DutyDay::id));
		List<Activity> acts = new ArrayList<>();
		for (ActivityStatus status : List.of(ActivityStatus.RECORDED, ActivityStatus.APPROVED)) {
			ActivityFilter filter = new ActivityFilter(null, status, null, station.id(), null, from, to);
			for (int offset = 0;; offset += PAGE) {
				List<Activity> page = activities.list(filter, u, 0, PAGE, offset);
				acts.addAll(page);
				if (page.size() < PAGE) {
					break;
				}
			}
		}
		acts.sort(Comparator.comparing(Activity::date).thenComparingLong(Activity::id));
		Summary s = statistics.summary(new Period(from, to), Scope.station(station.id()));
		long held = days.stream().filter(d -> d.status() == DutyStatus.HELD).count();
		LedgerFigures figures = new LedgerFigures(held, s.activities(), s.constituentsReceived(), s.householdsVisited(),
				s.opinions(), s.opinionsResolved(), s.opinionsConverted());
		return new Ledger(station, from, to, OffsetDateTime.now(clock.withZone(zone)), u.displayName(), figures, days,
				acts, opinions.atStation(station.id(), from, to));
	}

}
