package cn.deputylink.standards;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
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
import cn.deputylink.audit.AuditLog;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.organisation.Station;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.NotFoundException;
import cn.deputylink.shared.Upload;
import cn.deputylink.standards.internal.Inspection;
import cn.deputylink.standards.internal.PhotoChecks;
import cn.deputylink.standards.internal.StandardStore;

/**
 * Station standards. The checklist: read by county and township admins and liaisons,
 * changed by county admins (items are deactivated, never deleted). Inspections: recorded
 * by a county admin for any station and a township admin for its township's stations,
 * with one result for every active item. The score of an inspection is
 * {@code (Σ points of MET items + ½ Σ points of PARTLY items) / Σ points of the applicable
 * items (all but NOT_APPLICABLE) × 100}, a {@code BigDecimal} rounded {@code HALF_UP} to
 * one decimal once at the end (0.0 when nothing applies); the points are those of the
 * checklist when the inspection is recorded. A station is up to standard (达标) when its
 * latest inspection (latest date, then latest recorded) scored at least the pass mark in
 * force then (default 90) and every required item was MET. Reads: county admins all, a
 * township admin its township, a liaison its own station; deputies and departments 403.
 * {@link #upToStandardByTownship} is the unchecked read for other modules.
 */
@Service
public class StationStandards {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final StandardStore store;

	private final RegistryLookup registry;

	private final AuditLog audit;

	private final Clock clock;

	private final ZoneId zone;

	private final long photoMaxBytes;

	private final int photosPerInspection;

	StationStandards(StandardStore store, RegistryLookup registry, AuditLog audit, Clock clock,
			@Value("${deputylink.zone:Asia/Shanghai}") ZoneId zone,
			@Value("${deputylink.standards.photo-max-bytes:${deputylink.opinions.attachment-max-bytes:5242880}}") long photoMaxBytes,
			@Value("${deputylink.standards.photos-per-inspection:30}") int photosPerInspection) {
		this.store = store;
		this.registry = registry;
		this.audit = audit;
		this.clock = clock;
		this.zone = zone;
		this.photoMaxBytes = photoMaxBytes;
		this.photosPerInspection = photosPerInspection;
	}

	// ------------------------------------------------------------------ checklist

	/** The whole checklist, inactive items too, in order. */
	@Transactional(readOnly = true)
	public List<StandardItem> items(CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN, Role.STATION_LIAISON);
		return store.items();
	}

	/** The active items, in order: what an inspection must cover. */
	@Transactional(readOnly = true)
	public List<StandardItem> activeItems(CurrentUser u) {
		return items(u).stream().filter(StandardItem::active).toList();
	}

	/**
	 * County admin: adds an item (400 on a blank or taken code, no group, a blank name,
	 * points outside 0–100 or with more than one decimal).
	 */
	@Transactional
	public StandardItem addItem(ItemForm f, CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN);
		String code = f.code() == null ? "" : f.code().strip();
		if (!code.matches("[A-Za-z0-9_]{1,40}")) {
			throw new InvalidInputException("code", "standards.item.code");
		}
		if (store.codeTaken(code)) {
			throw new InvalidInputException("code", "standards.item.codeTaken", code);
		}
		StandardGroup group = f.group();
		if (group == null) {
			throw new InvalidInputException("group", "validation.required");
		}
		String name = name(f);
		BigDecimal points = points(f);
		long id = store.insertItem(code.toUpperCase(Locale.ROOT), group, name, description(f), points,
				Boolean.TRUE.equals(f.required()), f.position() == null ? 1000 : f.position());
		audit.recordForCurrentUser("standards.item.add", "standards/item/" + id, code + " " + name + " " + points);
		return store.item(id).orElseThrow();
	}

	/**
	 * County admin: changes an item's name, description, points, required flag, position
	 * and active flag (400 as {@link #addItem}, no {@code version}; 404 unknown; 409
	 * stale version).
	 */
	@Transactional
	public StandardItem updateItem(long id, ItemForm f, CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN);
		StandardItem before = store.item(id).orElseThrow(() -> new NotFoundException("standard item", id));
		String name = name(f);
		BigDecimal points = points(f);
		Integer version = f.version();
		if (version == null) {
			throw new InvalidInputException("version", "validation.required");
		}
		store.updateItem(id, name, description(f), points, Boolean.TRUE.equals(f.required()),
				f.position() == null ? before.position() : f.position(), f.active() == null || f.active(), version);
		audit.recordForCurrentUser("standards.item.update", "standards/item/" + id,
				before.code() + " " + name + " " + points + (Boolean.FALSE.equals(f.active()) ? " inactive" : ""));
		return store.item(id).orElseThrow();
	}

	private static String name(ItemForm f) {
		String name = f.name() == null ? "" : f.name().strip();
		if (name.isEmpty() || name.length() > 200) {
			throw new InvalidInputException("name", "standards.item.name");
		}
		return name;
	}

	private static @Nullable String description(ItemForm f) {
		String d = f.description() == null ? "" : f.description().strip();
		if (d.length() > 1000) {
			throw new InvalidInputException("description", "standards.item.description");
		}
		return d.isEmpty() ? null : d;
	}

	private static BigDecimal points(ItemForm f) {
		BigDecimal p = f.points();
		if (p == null || p.signum() < 0 || p.compareTo(HUNDRED) > 0 || p.stripTrailingZeros().scale() > 1) {
			throw new InvalidInputException("points", "standards.item.points");
		}
		return p.setScale(1);
	}

	/** The pass mark in force. */
	@Transactional(readOnly = true)
	public BigDecimal passMark() {
		return store.passMark().getKey();
	}

	/**
	 * County admin: the pass mark (400 outside 0–100 or more than one decimal; 409
	 * stale).
	 */
	@Transactional
	public BigDecimal updatePassMark(@Nullable BigDecimal passMark, int version, CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN);
		if (passMark == null || passMark.signum() < 0 || passMark.compareTo(HUNDRED) > 0
				|| passMark.stripTrailingZeros().scale() > 1) {
			throw new InvalidInputException("passMark", "standards.passMark.range");
		}
		store.savePassMark(passMark.setScale(1), version);
		audit.recordForCurrentUser("standards.settings.update", "standards/settings", passMark.toPlainString());
		return passMark();
	}

	/** The pass mark's version, for an edit. */
	@Transactional(readOnly = true)
	public int passMarkVersion() {
		return store.passMark().getValue();
	}

	// ------------------------------------------------------------------ inspections

	/**
	 * Records an inspection of a station (county admin any station, township admin its
	 * township's): 404 unknown station; 400 for an inactive station, no date or one in
	 * the future, a note over 2000 characters, or results that are not exactly one for
	 * every active item (nothing is written then). Returns the new inspection.
	 */
	@Transactional
	public InspectionDetail inspect(NewInspection in, CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);
		Long stationId = in.stationId();
		if (stationId == null) {
			throw new InvalidInputException("stationId", "validation.required");
		}
		Station station = registry.station(stationId).orElseThrow(() -> new NotFoundException("station", stationId));
		u.requireTownship(station.townshipId());
		if (!station.active()) {
			throw new InvalidInputException("stationId", "standards.station.inactive");
		}
		LocalDate on = in.inspectedOn();
		if (on == null) {
			throw new InvalidInputException("inspectedOn", "validation.required");
		}
		if (on.isAfter(today()) || on.getYear() < 2000) {
			throw new InvalidInputException("inspectedOn", "standards.inspectedOn.range");
		}
		String note = in.note() == null || in.note().isBlank() ? null : in.note().strip();
		if (note != null && note.length() > 2000) {
			throw new InvalidInputException("note", "standards.note.length", 2000);
		}
		Inspection inspection = Inspection.of(store.items().stream().filter(StandardItem::active).toList(),
				in.results());
		BigDecimal pass = passMark();
		long id = store.insertInspection(station.id(), station.townshipId(), on, u.id(), u.displayName(), note,
				inspection, pass, OffsetDateTime.now(clock));
		audit.recordForCurrentUser("standards.inspection.create", "standards/inspection/" + id,
				station.name() + " " + on + " " + inspection.score());
		return detail(id);
	}

	/**
	 * Records an inspection with photos of the whole inspection and of single items (the
	 * new-inspection page), all or nothing: a refused photo (400, 413) leaves no
	 * inspection behind.
	 */
	@Transactional
	public InspectionDetail inspect(NewInspection in, List<Upload> photos, Map<Long, List<Upload>> itemPhotos,
			CurrentUser u) {
		InspectionDetail d = inspect(in, u);
		if (photos.stream().anyMatch(f -> f.bytes().length > 0)) {
			d = addPhotos(d.id(), null, photos, u);
		}
		for (Map.Entry<Long, List<Upload>> e : itemPhotos.entrySet()) {
			if (e.getValue().stream().anyMatch(f -> f.bytes().length > 0)) {
				d = addPhotos(d.id(), e.getKey(), e.getValue(), u);
			}
		}
		return d;
	}

	/** The checklist for its editor: county admins only. */
	@Transactional(readOnly = true)
	public List<StandardItem> checklistForEditing(CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN);
		return store.items();
	}

	/** One inspection with its results and photos: 404 unknown, 403 outside the scope. */
	@Transactional(readOnly = true)
	public InspectionDetail inspection(long id, CurrentUser u) {
		StandardStore.Row r = store.inspection(id).orElseThrow(() -> new NotFoundException("inspection", id));
		requireReader(r.townshipId(), r.stationId(), u);
		return detail(id);
	}

	/**
	 * A station's inspections, latest first: 404 unknown station, 403 outside the scope.
	 */
	@Transactional(readOnly = true)
	public List<InspectionSummary> inspectionsOf(long stationId, CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN, Role.STATION_LIAISON);
		Station s = registry.station(stationId).orElseThrow(() -> new NotFoundException("station", stationId));
		requireReader(s.townshipId(), s.id(), u);
		return store.inspectionsOf(stationId);
	}

	/**
	 * Adds photos to an inspection, optionally of one of its items (who may record an
	 * inspection of its station; 400 for an item not in the inspection, no photo, a file
	 * that is not a whole JPEG, PNG or WebP, too many; 413 too large).
	 */
	@Transactional
	public InspectionDetail addPhotos(long id, @Nullable Long itemId, List<Upload> files, CurrentUser u) {
		StandardStore.Row r = store.inspection(id).orElseThrow(() -> new NotFoundException("inspection", id));
		u.requireRole(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);
		u.requireTownship(r.townshipId());
		if (itemId != null && store.results(id).stream().noneMatch(l -> l.itemId() == itemId)) {
			throw new InvalidInputException("itemId", "standards.results.unknownItem");
		}
		List<PhotoChecks.Photo> checked = PhotoChecks.check(files, store.photoCount(id), photoMaxBytes,
				photosPerInspection);
		if (checked.isEmpty()) {
			throw new InvalidInputException("photos", "validation.required");
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		for (PhotoChecks.Photo p : checked) {
			store.insertPhoto(id, itemId, p.name(), p.type(), p.bytes(), p.sha256(), u.id(), now);
		}
		audit.recordForCurrentUser("standards.photo.add", "standards/inspection/" + id,
				checked.size() + (itemId == null ? "" : " item " + itemId));
		return detail(id);
	}

	/** A photo's record: 404 unknown, 403 outside the scope. */
	@Transactional(readOnly = true)
	public InspectionPhoto photo(long id, long photoId, CurrentUser u) {
		StandardStore.Row r = store.inspection(id).orElseThrow(() -> new NotFoundException("inspection", id));
		requireReader(r.townshipId(), r.stationId(), u);
		return store.photo(id, photoId).orElseThrow(() -> new NotFoundException("photo", photoId));
	}

	@Transactional(readOnly = true)
	public byte[] photoData(InspectionPhoto p) {
		return store.photoData(p.id());
	}

	// ------------------------------------------------------------------ status and gaps

	/**
	 * The status of every active station in the scope (a county admin all or those of
	 * {@code townshipId}; a township admin its own township, 403 for another; a liaison
	 * its own station), by township and name.
	 */
	@Transactional(readOnly = true)
	public List<StationStatus> statuses(@Nullable Long townshipId, CurrentUser u) {
		List<Station> stations = stationsInScope(townshipId, u);
		Map<Long, StandardStore.Row> latest = store.latest(today());
		Map<Long, String> townships = registry
			.townshipNames(stations.stream().map(Station::townshipId).distinct().toList());
		List<StationStatus> out = new ArrayList<>();
		for (Station s : stations) {
			StandardStore.Row r = latest.get(s.id());
			String tn = townships.getOrDefault(s.townshipId(), "");
			out.add(r == null
					? new StationStatus(s.id(), s.name(), s.townshipId(), tn, StandardState.NEVER_INSPECTED, null, null,
							null)
					: new StationStatus(s.id(), s.name(), s.townshipId(), tn, r.status(), r.score(), r.inspectedOn(),
							r.id()));
		}
		out.sort(Comparator.comparing(StationStatus::townshipName)
			.thenComparing(StationStatus::stationName)
			.thenComparingLong(StationStatus::stationId));
		return out;
	}

	/**
	 * The gaps in the scope (as {@link #statuses}): for every station whose latest
	 * inspection has items PARTLY or NOT_MET, those items, by township, station and
	 * checklist order; only those of {@code group} when given.
	 */
	@Transactional(readOnly = true)
	public List<Gap> gaps(@Nullable Long townshipId, @Nullable StandardGroup group, CurrentUser u) {
		List<StationStatus> statuses = statuses(townshipId, u).stream()
			.filter(s -> s.latestInspectionId() != null)
			.toList();
		Map<Long, List<InspectionDetail.Line>> results = store
			.results(statuses.stream().map(s -> Objects.requireNonNull(s.latestInspectionId())).toList());
		List<Gap> out = new ArrayList<>();
		for (StationStatus s : statuses) {
			long inspection = Objects.requireNonNull(s.latestInspectionId());
			for (InspectionDetail.Line l : results.getOrDefault(inspection, List.of())) {
				if (Inspection.isGap(l.result()) && (group == null || l.group() == group)) {
					out.add(new Gap(s.stationId(), s.stationName(), s.townshipId(), s.townshipName(), inspection,
							Objects.requireNonNull(s.latestOn()), l.itemId(), l.code(), l.group(), l.name(),
							l.required(), l.result(), l.note()));
				}
			}
		}
		return out;
	}

	/**
	 * For other modules (the township targets), unchecked: per active township id, its
	 * active stations whose latest inspection on or before {@code asOf} was up to
	 * standard, of its active stations. Townships without active stations are left out.
	 */
	@Transactional(readOnly = true)
	public Map<Long, TownshipStandard> upToStandardByTownship(LocalDate asOf) {
		Map<Long, StandardStore.Row> latest = store.latest(asOf);
		Map<Long, int[]> counts = new HashMap<>();
		for (Station s : registry.stationsOf(null)) {
			int[] c = counts.computeIfAbsent(s.townshipId(), k -> new int[2]);
			StandardStore.Row r = latest.get(s.id());
			if (r != null && r.status() == StandardState.UP_TO_STANDARD) {
				c[0]++;
			}
			c[1]++;
		}
		Map<Long, TownshipStandard> out = new HashMap<>();
		counts.forEach((t, c) -> out.put(t, new TownshipStandard(t, c[0], c[1])));
		return out;
	}

	/** Whether any inspection exists (the demo seeds only an empty module). */
	@Transactional(readOnly = true)
	public boolean anyInspection() {
		return store.anyInspection();
	}

	/** A station for a page: 404 unknown, 403 outside the reader's scope. */
	@Transactional(readOnly = true)
	public Station station(long stationId, CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN, Role.STATION_LIAISON);
		Station s = registry.station(stationId).orElseThrow(() -> new NotFoundException("station", stationId));
		requireReader(s.townshipId(), s.id(), u);
		return s;
	}

	/** Whether the user may record inspections of the station. */
	public boolean mayInspect(Station s, CurrentUser u) {
		return (u.is(Role.COUNTY_ADMIN) || u.is(Role.TOWNSHIP_ADMIN)) && u.canSeeTownship(s.townshipId());
	}

	private List<Station> stationsInScope(@Nullable Long townshipId, CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN, Role.STATION_LIAISON);
		if (townshipId != null) {
			u.requireTownship(townshipId);
		}
		Long scope = u.isCountyAdmin() ? townshipId : Objects.requireNonNullElse(u.townshipId(), -1L);
		List<Station> stations = registry.stationsOf(scope);
		if (u.is(Role.STATION_LIAISON)) {
			Long own = u.stationId();
			stations = stations.stream().filter(s -> own != null && s.id() == own).toList();
		}
		return stations;
	}

	private static void requireReader(long townshipId, long stationId, CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN, Role.STATION_LIAISON);
		u.requireTownship(townshipId);
		if (u.is(Role.STATION_LIAISON) && !Objects.equals(u.stationId(), stationId)) {
			throw new AccessDeniedException("not the liaison's station");
		}
	}

	private InspectionDetail detail(long id) {
		StandardStore.Row r = store.inspection(id).orElseThrow(() -> new NotFoundException("inspection", id));
		String station = registry.stationNames(List.of(r.stationId())).getOrDefault(r.stationId(), "");
		return new InspectionDetail(r.id(), r.stationId(), station, r.townshipId(), r.inspectedOn(), r.inspectorId(),
				r.inspectorName(), r.note(), r.score(), r.passMark(), r.status(), r.createdAt(), r.version(),
				store.results(id), store.photos(id));
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

}
