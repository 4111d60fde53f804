package cn.deputylink.activity.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.activity.ComplianceReport;
import cn.deputylink.activity.ComplianceRow;
import cn.deputylink.activity.ObligationStatus;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.organisation.Station;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.NotFoundException;

/**
 * The "三个一" of a deputy and the compliance of many, counted from the counting activities
 * ({@code RECORDED} or {@code APPROVED}) and the pairings; the year and "today" are the
 * county's ({@code deputylink.zone}). Scope: a deputy its own; a township admin or
 * liaison officer the deputies attached to a station of its township; a county admin
 * every deputy; a department handler none.
 */
@Component
public class ObligationTracking {

	static final int MIN_YEAR = 2000;

	static final int MAX_YEAR = 2100;

	private final ObligationRows rows;

	private final RegistryLookup registry;

	private final Clock clock;

	private final ZoneId zone;

	ObligationTracking(ObligationRows rows, RegistryLookup registry, Clock clock,
			@Value("${deputylink.zone:Asia/Shanghai}") ZoneId zone) {
		this.rows = rows;
		this.registry = registry;
		this.clock = clock;
		this.zone = zone;
	}

	/** Today in the county's zone. */
	public LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	/** The year asked for, or the county's current year; 400 outside 2000–2100. */
	public int year(@Nullable Integer year) {
		if (year == null) {
			return today().getYear();
		}
		if (year < MIN_YEAR || year > MAX_YEAR) {
			throw new InvalidInputException("year", "obligation.year.range", MIN_YEAR, MAX_YEAR);
		}
		return year;
	}

	/** The current quarter (1–4) in the county's zone. */
	public int currentQuarter() {
		return ObligationCounting.quarterOf(today());
	}

	public ObligationStatus status(long deputyId, @Nullable Integer year, CurrentUser u) {
		int y = year(year);
		requireDeputy(deputyId, u);
		return ObligationCounting.count(y,
				rows.facts(y, List.of(deputyId)).getOrDefault(deputyId, ObligationCounting.Facts.none()));
	}

	/** The compliance row of one deputy, with each item's state as of today. */
	public ComplianceRow row(long deputyId, @Nullable Integer year, CurrentUser u) {
		ObligationStatus s = status(deputyId, year, u);
		String name = registry.deputyNames(List.of(deputyId)).getOrDefault(deputyId, "?");
		return ObligationCounting.row(deputyId, name, registry.stationsOfDeputy(deputyId), s, today());
	}

	private void requireDeputy(long deputyId, CurrentUser u) {
		if (u.is(Role.DEPARTMENT_HANDLER)) {
			throw new AccessDeniedException("obligations");
		}
		if (!registry.deputyExists(deputyId)) {
			throw new NotFoundException("deputy", deputyId);
		}
		if (u.is(Role.DEPUTY)) {
			if (!Objects.equals(u.deputyId(), deputyId)) {
				throw new AccessDeniedException("another deputy's obligations");
			}
			return;
		}
		if (u.role().townshipScoped()) {
			boolean attached = registry.stationsOfDeputy(deputyId)
				.stream()
				.map(registry::station)
				.flatMap(Optional::stream)
				.anyMatch(s -> Objects.equals(s.townshipId(), u.townshipId()));
			if (!attached) {
				throw new AccessDeniedException("deputy outside the township");
			}
		}
	}

	/**
	 * Every deputy attached to an active station of the scope (the county, a township, a
	 * station) with its "三个一" of {@code year} as of today: a county admin any scope, a
	 * township's staff only its own township (another township or its station: 403).
	 * Three queries in all, whatever the number of deputies.
	 */
	public ComplianceReport compliance(@Nullable Integer year, @Nullable Long townshipId, @Nullable Long stationId,
			CurrentUser u) {
		if (!(u.isCountyAdmin() || u.role().townshipScoped())) {
			throw new AccessDeniedException("compliance: staff only");
		}
		int y = year(year);
		Long township = townshipId;
		if (u.role().townshipScoped()) {
			if (township != null && !township.equals(u.townshipId())) {
				throw new AccessDeniedException("another township");
			}
			township = u.townshipScope().orElse(-1L);
		}
		else if (township != null && registry.township(township).isEmpty()) {
			throw new InvalidInputException("townshipId", "obligation.township.unknown");
		}
		if (stationId != null) {
			Station s = registry.station(stationId)
				.orElseThrow(() -> new InvalidInputException("stationId", "activity.station.unknown"));
			if (!u.canSeeTownship(s.townshipId())) {
				throw new AccessDeniedException("another township's station");
			}
			if (township != null && s.townshipId() != township) {
				throw new InvalidInputException("stationId", "obligation.station.otherTownship");
			}
		}
		Map<Long, List<Long>> stationsOfDeputy = registry.stationsOfDeputies(township, stationId);
		List<ComplianceRow> items = rows(y, stationsOfDeputy, stationId == null && townshipId == null);
		int behind = (int) items.stream().filter(ComplianceRow::behind).count();
		int met = (int) items.stream().filter(ComplianceRow::allMet).count();
		return new ComplianceReport(y, today(), township, stationId, items.size(), behind, met, items);
	}

	/**
	 * The rows of these deputies (with their stations), in name order; {@code all}: the
	 * whole county, counted without a list of ids.
	 */
	List<ComplianceRow> rows(int year, Map<Long, List<Long>> stationsOfDeputy, boolean all) {
		if (stationsOfDeputy.isEmpty()) {
			return List.of();
		}
		Map<Long, ObligationCounting.Facts> facts = rows.facts(year, all ? null : stationsOfDeputy.keySet());
		Map<Long, String> names = registry.deputyNames(stationsOfDeputy.keySet());
		LocalDate today = today();
		List<ComplianceRow> items = new ArrayList<>();
		stationsOfDeputy.forEach((d, st) -> items.add(ObligationCounting.row(d, names.getOrDefault(d, "?"), st,
				ObligationCounting.count(year, facts.getOrDefault(d, ObligationCounting.Facts.none())), today)));
		items.sort(Comparator.comparing(ComplianceRow::deputyName).thenComparing(ComplianceRow::deputyId));
		return items;
	}

}
