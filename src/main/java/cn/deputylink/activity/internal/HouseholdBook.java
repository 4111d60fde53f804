package cn.deputylink.activity.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.activity.ActivityType;
import cn.deputylink.activity.Household;
import cn.deputylink.activity.HouseholdDetail;
import cn.deputylink.activity.HouseholdForm;
import cn.deputylink.activity.HouseholdHelp;
import cn.deputylink.activity.HouseholdHelpForm;
import cn.deputylink.activity.HouseholdPairing;
import cn.deputylink.activity.NewActivity;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.organisation.Station;
import cn.deputylink.organisation.Village;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.InvalidInputException.FieldError;
import cn.deputylink.shared.Masking;
import cn.deputylink.shared.NotFoundException;
import cn.deputylink.shared.PersonalDataCipher;
import cn.deputylink.shared.TextInput;

/**
 * The poverty-aid pairing register (联系帮扶贫困户): households, the deputies paired with them,
 * the help recorded as {@code POVERTY_AID} activities. Scope: a county admin the whole
 * county; a township admin or liaison officer the households of its township's villages
 * (and writes them); a deputy reads the households it is or was paired with; a department
 * handler nothing.
 */
@Component
public class HouseholdBook {

	private static final Pattern ID_NUMBER = Pattern.compile("\\d{17}[\\dXx]");

	private final HouseholdRows rows;

	private final RegistryLookup registry;

	private final PersonalDataCipher cipher;

	private final Recording recording;

	private final Clock clock;

	private final ZoneId zone;

	HouseholdBook(HouseholdRows rows, RegistryLookup registry, PersonalDataCipher cipher, Recording recording,
			Clock clock, @Value("${deputylink.zone:Asia/Shanghai}") ZoneId zone) {
		this.rows = rows;
		this.registry = registry;
		this.cipher = cipher;
		this.recording = recording;
		this.clock = clock;
		this.zone = zone;
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	private static void requireStaff(CurrentUser u) {
		if (!(u.isCountyAdmin() || u.role().townshipScoped())) {
			throw new AccessDeniedException("households: staff only");
		}
	}

	private static void requireReader(CurrentUser u) {
		if (u.is(Role.DEPARTMENT_HANDLER)) {
			throw new AccessDeniedException("households");
		}
	}

	public Household create(HouseholdForm f, CurrentUser u) {
		requireStaff(u);
		List<FieldError> errors = new ArrayList<>();
		String name = name(f.name(), errors);
		Village village = null;
		if (f.villageId() == null) {
			errors.add(new FieldError("villageId", "validation.required"));
		}
		else {
			village = registry.village(f.villageId()).orElse(null);
			if (village == null) {
				errors.add(new FieldError("villageId", "household.village.unknown"));
			}
		}
		String situation = situation(f.situation(), errors);
		String idNumber = idNumber(f.idNumber(), errors);
		if (!errors.isEmpty() || name == null || village == null) {
			throw new InvalidInputException(errors);
		}
		u.requireTownship(village.townshipId());
		long id = rows.insert(name, village.id(), village.townshipId(), situation, cipher.encrypt(idNumber),
				OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS));
		return view(rows.find(id).orElseThrow(), false);
	}

	public Household update(long id, HouseholdForm f, CurrentUser u) {
		requireStaff(u);
		HouseholdRows.Row row = load(id, u);
		List<FieldError> errors = new ArrayList<>();
		String name = name(f.name(), errors);
		if (f.villageId() != null && f.villageId() != row.villageId()) {
			errors.add(new FieldError("villageId", "household.village.cannotMove"));
		}
		String situation = situation(f.situation(), errors);
		String idNumber = idNumber(f.idNumber(), errors);
		if (f.version() == null) {
			errors.add(new FieldError("version", "validation.required"));
		}
		if (!errors.isEmpty() || name == null || f.version() == null) {
			throw new InvalidInputException(errors);
		}
		// an empty ID number keeps the stored one: it is never sent back to be edited
		String cipherText = idNumber == null ? row.idNumberCipher() : cipher.encrypt(idNumber);
		if (!rows.update(id, f.version(), name, situation, cipherText)) {
			throw new ConflictException("error.staleVersion");
		}
		return view(rows.find(id).orElseThrow(), false);
	}

	/** One household, its name in full (the record itself); the ID number masked. */
	public HouseholdDetail get(long id, CurrentUser u) {
		HouseholdRows.Row row = load(id, u);
		List<HouseholdRows.PairingRow> pairings = rows.pairingsOf(id);
		List<HouseholdRows.HelpRow> help = rows.helpOf(id);
		List<long[]> helpDeputies = rows.deputiesOf(help.stream().map(HouseholdRows.HelpRow::activityId).toList());
		Set<Long> deputyIds = new HashSet<>();
		pairings.forEach(p -> deputyIds.add(p.deputyId()));
		helpDeputies.forEach(p -> deputyIds.add(p[1]));
		Map<Long, String> names = registry.deputyNames(deputyIds);
		Map<Long, List<String>> byActivity = new HashMap<>();
		for (long[] p : helpDeputies) {
			byActivity.computeIfAbsent(p[0], k -> new ArrayList<>()).add(names.getOrDefault(p[1], "?"));
		}
		return new HouseholdDetail(view(row, false),
				pairings.stream()
					.map(p -> new HouseholdPairing(p.id(), p.householdId(), p.deputyId(),
							names.getOrDefault(p.deputyId(), "?"), p.startDate(), p.endDate(), p.version()))
					.toList(),
				help.stream()
					.map(h -> new HouseholdHelp(h.activityId(), h.date(), h.title(), h.note(),
							List.copyOf(byActivity.getOrDefault(h.activityId(), List.of())), h.status()))
					.toList());
	}

	/** Households in the user's scope, names masked. */
	public List<Household> list(@Nullable Long villageId, @Nullable String q, CurrentUser u, long afterId, int limit,
			int offset) {
		List<HouseholdRows.Row> page = rows.list(scope(villageId, q, u), afterId, limit, offset);
		Map<Long, String> villages = registry
			.villageNames(page.stream().map(HouseholdRows.Row::villageId).collect(Collectors.toSet()));
		return page.stream().map(r -> view(r, true, villages.getOrDefault(r.villageId(), "?"))).toList();
	}

	public int count(@Nullable Long villageId, @Nullable String q, CurrentUser u) {
		return rows.count(scope(villageId, q, u));
	}

	private HouseholdRows.Scope scope(@Nullable Long villageId, @Nullable String q, CurrentUser u) {
		requireReader(u);
		String words = TextInput.blankToNull(q);
		if (u.is(Role.DEPUTY)) {
			return new HouseholdRows.Scope(null, u.deputyId() == null ? -1L : u.deputyId(), villageId, words);
		}
		return new HouseholdRows.Scope(u.townshipScope().orElse(null), null, villageId, words);
	}

	/**
	 * Pairs deputies with a household from {@code start} (today when absent): each must
	 * exist (400) and, for a township's staff, be attached to a station of the township
	 * (403); a deputy already paired and not ended is a conflict (409).
	 */
	public List<HouseholdPairing> pair(long householdId, @Nullable List<Long> deputyIds, @Nullable LocalDate start,
			CurrentUser u) {
		requireStaff(u);
		HouseholdRows.Row row = load(householdId, u);
		List<FieldError> errors = new ArrayList<>();
		List<Long> deputies = deputyIds == null ? List.of() : List.copyOf(new LinkedHashSet<>(deputyIds));
		if (deputies.isEmpty()) {
			errors.add(new FieldError("deputyIds", "activity.deputies.required"));
		}
		else if (deputies.size() > 20) {
			errors.add(new FieldError("deputyIds", "validation.size.max", 20));
		}
		else if (!deputies.stream().allMatch(d -> d != null && registry.deputyExists(d))) {
			errors.add(new FieldError("deputyIds", "activity.deputies.unknown"));
		}
		LocalDate from = start == null ? today() : start;
		if (from.isAfter(today())) {
			errors.add(new FieldError("startDate", "activity.date.future"));
		}
		else if (from.getYear() < 2000) {
			errors.add(new FieldError("startDate", "household.date.range"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		for (Long d : deputies) {
			if (u.role().townshipScoped() && !attachedToTownship(d, row.townshipId())) {
				throw new AccessDeniedException("deputy outside the township");
			}
			if (rows.isPaired(householdId, d)) {
				throw new ConflictException("household.pairing.exists");
			}
		}
		deputies.forEach(d -> rows.insertPairing(householdId, d, from));
		return get(householdId, u).pairings();
	}

	private boolean attachedToTownship(long deputyId, long townshipId) {
		return registry.stationsOfDeputy(deputyId)
			.stream()
			.map(registry::station)
			.flatMap(Optional::stream)
			.map(Station::townshipId)
			.anyMatch(t -> t == townshipId);
	}

	/**
	 * Ends a running pairing on {@code end} (today when absent): 409 when stale or ended.
	 */
	public HouseholdPairing endPairing(long householdId, long pairingId, @Nullable LocalDate end,
			@Nullable Integer version, CurrentUser u) {
		requireStaff(u);
		load(householdId, u);
		HouseholdRows.PairingRow p = rows.findPairing(pairingId)
			.filter(r -> r.householdId() == householdId)
			.orElseThrow(() -> new NotFoundException("pairing", pairingId));
		List<FieldError> errors = new ArrayList<>();
		LocalDate until = end == null ? today() : end;
		if (version == null) {
			errors.add(new FieldError("version", "validation.required"));
		}
		if (until.isBefore(p.startDate())) {
			errors.add(new FieldError("endDate", "household.pairing.endBeforeStart"));
		}
		else if (until.isAfter(today())) {
			errors.add(new FieldError("endDate", "activity.date.future"));
		}
		if (!errors.isEmpty() || version == null) {
			throw new InvalidInputException(errors);
		}
		if (p.endDate() != null) {
			throw new ConflictException("household.pairing.ended");
		}
		if (!rows.endPairing(pairingId, version, until)) {
			throw new ConflictException("error.staleVersion");
		}
		return get(householdId, u).pairings().stream().filter(x -> x.id() == pairingId).findFirst().orElseThrow();
	}

	/**
	 * Records help given to the household as a {@code POVERTY_AID} activity through the
	 * staff recording (its checks, scope and event); returns the activity's id.
	 */
	public long recordHelp(long householdId, HouseholdHelpForm f, CurrentUser u) {
		requireStaff(u);
		load(householdId, u);
		return recording.record(new NewActivity(ActivityType.POVERTY_AID, f.date(), null, f.deputyIds(), 0, 1,
				f.title(), f.note(), householdId), null, u);
	}

	private HouseholdRows.Row load(long id, CurrentUser u) {
		requireReader(u);
		HouseholdRows.Row row = rows.find(id).orElseThrow(() -> new NotFoundException("household", id));
		if (u.is(Role.DEPUTY)) {
			if (u.deputyId() == null || !rows.wasEverPaired(id, u.deputyId())) {
				throw new AccessDeniedException("household not paired with this deputy");
			}
		}
		else {
			u.requireTownship(row.townshipId());
		}
		return row;
	}

	private Household view(HouseholdRows.Row r, boolean masked) {
		return view(r, masked, registry.village(r.villageId()).map(Village::name).orElse("?"));
	}

	private Household view(HouseholdRows.Row r, boolean masked, String village) {
		String name = masked ? Objects.requireNonNullElse(Masking.name(r.name()), "") : r.name();
		return new Household(r.id(), name, r.villageId(), village, r.townshipId(), r.situation(),
				Masking.idNumber(cipher.decrypt(r.idNumberCipher())), r.activePairings(), r.version());
	}

	private static @Nullable String name(@Nullable String in, List<FieldError> errors) {
		String name = TextInput.blankToNull(in);
		if (name == null) {
			errors.add(new FieldError("name", "validation.required"));
			return null;
		}
		name = name.strip();
		if (name.length() > 50) {
			errors.add(new FieldError("name", "validation.size.max", 50));
			return null;
		}
		if (!TextInput.isClean(name)) {
			errors.add(new FieldError("name", "household.text.unclean"));
			return null;
		}
		return name;
	}

	private static @Nullable String situation(@Nullable String in, List<FieldError> errors) {
		String s = TextInput.blankToNull(in);
		if (s != null && s.length() > 2000) {
			errors.add(new FieldError("situation", "validation.size.max", 2000));
			return null;
		}
		return s == null ? null : TextInput.clean(s.strip());
	}

	private static @Nullable String idNumber(@Nullable String in, List<FieldError> errors) {
		String s = TextInput.blankToNull(in);
		if (s == null) {
			return null;
		}
		s = s.strip();
		if (!ID_NUMBER.matcher(s).matches()) {
			errors.add(new FieldError("idNumber", "validation.idNumber"));
			return null;
		}
		return s.toUpperCase(Locale.ROOT);
	}

}
