package cn.deputylink.organisation;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.audit.AuditLog;
import cn.deputylink.organisation.Forms.CategoryForm;
import cn.deputylink.organisation.Forms.DepartmentForm;
import cn.deputylink.organisation.Forms.DeputyForm;
import cn.deputylink.organisation.Forms.StationForm;
import cn.deputylink.organisation.Forms.TownshipForm;
import cn.deputylink.organisation.Forms.VillageForm;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.NotFoundException;

/**
 * The organisation registry's API. Reads and writes are checked against the acting user's role and
 * township; a record outside the scope is refused (403) whether it is read or written, so changing an
 * id in a URL reaches nothing. Writes run in one transaction each: a failed write leaves nothing
 * behind.
 */
@Service
public class Registry {

	private final Townships townships;

	private final Stations stations;

	private final Deputies deputies;

	private final Departments departments;

	private final Categories categories;

	private final TransactionTemplate tx;

	private final AuditLog audit;

	Registry(Townships townships, Stations stations, Deputies deputies, Departments departments, Categories categories,
			TransactionTemplate tx, AuditLog audit) {
		this.townships = townships;
		this.stations = stations;
		this.deputies = deputies;
		this.departments = departments;
		this.categories = categories;
		this.tx = tx;
		this.audit = audit;
	}

	// --- scope helpers

	private static void requireReader(CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN, Role.STATION_LIAISON);
	}

	private static void requireWriter(CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);
	}

	/** The filter with the user's township forced in, for township-scoped users. */
	private static ListFilter scoped(CurrentUser u, ListFilter f) {
		return u.townshipScope().map(f::withTownship).orElse(f);
	}

	/** Runs a write in one transaction and turns constraint violations into 409s. */
	private <T> T write(Supplier<T> work) {
		try {
			return tx.execute(s -> work.get());
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("registry.duplicate");
		}
		catch (DataIntegrityViolationException ex) {
			throw new ConflictException("registry.referenced");
		}
	}

	private void delete(String table, long id) {
		write(() -> {
			townships.delete(table, id);
			return null;
		});
	}

	private static void stale(boolean updated) {
		if (!updated) {
			throw new ConflictException("error.staleVersion");
		}
	}

	private static int version(@Nullable Integer v) {
		if (v == null) {
			throw new InvalidInputException("version", "validation.required");
		}
		return v;
	}

	// --- townships

	public Township createTownship(TownshipForm f, CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN);
		return write(() -> townships.find(townships.insert(f.code().strip(), f.name().strip())).orElseThrow());
	}

	public Township township(long id, CurrentUser u) {
		requireReader(u);
		Township t = townships.find(id).orElseThrow(() -> new NotFoundException("township", id));
		u.requireTownship(t.id());
		return t;
	}

	public List<Township> townships(ListFilter f, CurrentUser u, long afterId, int limit, int offset) {
		requireReader(u);
		return townships.list(scoped(u, f), afterId, limit, offset);
	}

	public int countTownships(ListFilter f, CurrentUser u) {
		requireReader(u);
		return townships.count(scoped(u, f));
	}

	public Township updateTownship(long id, TownshipForm f, CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN);
		township(id, u);
		return write(() -> {
			stale(townships.update(id, version(f.version()), f.code().strip(), f.name().strip()));
			return townships.find(id).orElseThrow();
		});
	}

	public void setTownshipActive(long id, boolean active, CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN);
		township(id, u);
		write(() -> {
			townships.setActive("township", id, active);
			return null;
		});
	}

	public void deleteTownship(long id, CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN);
		township(id, u);
		delete("township", id);
	}

	// --- villages

	public Village createVillage(VillageForm f, CurrentUser u) {
		requireWriter(u);
		township(f.townshipId(), u);
		return write(() -> townships.findVillage(townships.insertVillage(f.townshipId(), f.name().strip())).orElseThrow());
	}

	public Village village(long id, CurrentUser u) {
		requireReader(u);
		Village v = townships.findVillage(id).orElseThrow(() -> new NotFoundException("village", id));
		u.requireTownship(v.townshipId());
		return v;
	}

	public List<Village> villages(ListFilter f, CurrentUser u, long afterId, int limit, int offset) {
		requireReader(u);
		return townships.listVillages(scoped(u, f), afterId, limit, offset);
	}

	public int countVillages(ListFilter f, CurrentUser u) {
		requireReader(u);
		return townships.countVillages(scoped(u, f));
	}

	public List<Village> villagesOf(long townshipId, CurrentUser u) {
		township(townshipId, u);
		return townships.villagesOf(townshipId);
	}

	public Village updateVillage(long id, VillageForm f, CurrentUser u) {
		requireWriter(u);
		Village v = village(id, u);
		if (!f.townshipId().equals(v.townshipId())) {
			throw new InvalidInputException("townshipId", "village.cannotMove");
		}
		return write(() -> {
			stale(townships.updateVillage(id, version(f.version()), f.name().strip()));
			return townships.findVillage(id).orElseThrow();
		});
	}

	public void setVillageActive(long id, boolean active, CurrentUser u) {
		requireWriter(u);
		village(id, u);
		write(() -> {
			townships.setActive("village", id, active);
			return null;
		});
	}

	public void deleteVillage(long id, CurrentUser u) {
		requireWriter(u);
		village(id, u);
		delete("village", id);
	}

	// --- stations

	private Stations.Fields stationFields(StationForm f, CurrentUser u) {
		township(f.townshipId(), u);
		List<Long> villageIds = f.villageIdsOrEmpty();
		List<Village> found = townships.villagesByIds(villageIds);
		if (found.size() != villageIds.stream().distinct().count()
				|| found.stream().anyMatch(v -> v.townshipId() != f.townshipId())) {
			throw new InvalidInputException("villageIds", "station.villagesOutsideTownship");
		}
		return new Stations.Fields(f.townshipId(), f.name().strip(), f.address().strip(), blank(f.openingRule()),
				f.facilitiesOrEmpty(), blank(f.liaisonOfficers()), villageIds);
	}

	public Station createStation(StationForm f, CurrentUser u) {
		requireWriter(u);
		Stations.Fields fields = stationFields(f, u);
		return write(() -> stations.find(stations.insert(fields)).orElseThrow());
	}

	public Station station(long id, CurrentUser u) {
		requireReader(u);
		Station s = stations.find(id).orElseThrow(() -> new NotFoundException("station", id));
		u.requireTownship(s.townshipId());
		return s;
	}

	public List<Station> stations(ListFilter f, CurrentUser u, long afterId, int limit, int offset) {
		requireReader(u);
		return stations.list(scoped(u, f), afterId, limit, offset);
	}

	public int countStations(ListFilter f, CurrentUser u) {
		requireReader(u);
		return stations.count(scoped(u, f));
	}

	public Station updateStation(long id, StationForm f, CurrentUser u) {
		requireWriter(u);
		station(id, u);
		Stations.Fields fields = stationFields(f, u);
		return write(() -> {
			stale(stations.update(id, version(f.version()), fields));
			return stations.find(id).orElseThrow();
		});
	}

	public void setStationActive(long id, boolean active, CurrentUser u) {
		requireWriter(u);
		station(id, u);
		write(() -> {
			townships.setActive("station", id, active);
			return null;
		});
	}

	public void deleteStation(long id, CurrentUser u) {
		requireWriter(u);
		Station s = station(id, u);
		if (!s.deputyIds().isEmpty()) {
			throw new ConflictException("registry.referenced");
		}
		write(() -> {
			stations.update(id, s.version(), new Stations.Fields(s.townshipId(), s.name(), s.address(), s.openingRule(),
					s.facilities(), s.liaisonOfficers(), List.of()));
			townships.delete("station", id);
			return null;
		});
	}

	// --- deputies

	private Deputies.Fields deputyFields(DeputyForm f, CurrentUser u) {
		List<Long> stationIds = f.stationIdsOrEmpty();
		Map<Long, Long> townshipOf = stations.townshipsOf(stationIds);
		if (townshipOf.size() != stationIds.stream().distinct().count()) {
			throw new InvalidInputException("stationIds", "deputy.unknownStation");
		}
		if (!u.isCountyAdmin()) {
			if (stationIds.isEmpty() || townshipOf.values().stream().anyMatch(t -> !u.canSeeTownship(t))) {
				throw new AccessDeniedException("stations outside scope");
			}
		}
		return new Deputies.Fields(f.name().strip(), EnumSet.copyOf(f.levels()), blank(f.phone()), blank(f.idNumber()),
				blank(f.constituency()), stationIds);
	}

	public Deputy createDeputy(DeputyForm f, CurrentUser u) {
		requireWriter(u);
		Deputies.Fields fields = deputyFields(f, u);
		return write(() -> deputies.find(deputies.insert(fields)).orElseThrow().masked());
	}

	/** A deputy with personal data in clear: for this module and the pages that mask it themselves. */
	Deputy deputyUnmasked(long id, CurrentUser u) {
		Deputy d = deputies.find(id).orElseThrow(() -> new NotFoundException("deputy", id));
		if (u.is(Role.DEPUTY) && Long.valueOf(id).equals(u.deputyId())) {
			return d;
		}
		requireReader(u);
		if (!u.isCountyAdmin() && deputies.townshipsOf(id).stream().noneMatch(u::canSeeTownship)) {
			throw new AccessDeniedException("outside data scope");
		}
		return d;
	}

	/** A deputy, personal data masked. Deputies see their own record. */
	public Deputy deputy(long id, CurrentUser u) {
		return deputyUnmasked(id, u).masked();
	}

	/** The deputy's phone in full, for the roles that call deputies; every disclosure is audited. */
	public Optional<String> deputyPhone(long id, CurrentUser u) {
		Deputy d;
		try {
			requireWriter(u);
			d = deputyUnmasked(id, u);
		}
		catch (AccessDeniedException ex) {
			// a refused look at personal data is recorded as well as a granted one
			audit.recordDeniedForCurrentUser("VIEW_PERSONAL_DATA", "deputy/" + id, "phone");
			throw ex;
		}
		audit.recordForCurrentUser("VIEW_PERSONAL_DATA", "deputy/" + id, "phone");
		return Optional.ofNullable(d.phone());
	}

	public List<Deputy> deputies(ListFilter f, CurrentUser u, long afterId, int limit, int offset) {
		requireReader(u);
		return deputies.list(scoped(u, f), afterId, limit, offset).stream().map(Deputy::masked).toList();
	}

	public int countDeputies(ListFilter f, CurrentUser u) {
		requireReader(u);
		return deputies.count(scoped(u, f));
	}

	public Deputy updateDeputy(long id, DeputyForm f, CurrentUser u) {
		requireWriter(u);
		deputyUnmasked(id, u);
		Deputies.Fields fields = deputyFields(f, u);
		return write(() -> {
			stale(deputies.update(id, version(f.version()), fields));
			return deputies.find(id).orElseThrow().masked();
		});
	}

	public void setDeputyActive(long id, boolean active, CurrentUser u) {
		requireWriter(u);
		deputyUnmasked(id, u);
		write(() -> {
			townships.setActive("deputy", id, active);
			return null;
		});
	}

	// --- departments

	private Departments.Fields departmentFields(DepartmentForm f, CurrentUser u) {
		List<InvalidInputException.FieldError> errors = new ArrayList<>();
		Long township = f.townshipId();
		if (f.tier() == Tier.COUNTY) {
			township = null;
			if (!u.isCountyAdmin()) {
				throw new AccessDeniedException("county departments are the county's");
			}
		}
		else if (township == null) {
			errors.add(new InvalidInputException.FieldError("townshipId", "department.townshipRequired"));
		}
		else {
			township(township, u);
		}
		for (String c : f.categoryCodesOrEmpty()) {
			if (categories.find(c).isEmpty()) {
				errors.add(new InvalidInputException.FieldError("categoryCodes", "department.unknownCategory", c));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new Departments.Fields(f.name().strip(), f.tier(), township, f.categoryCodesOrEmpty());
	}

	public Department createDepartment(DepartmentForm f, CurrentUser u) {
		requireWriter(u);
		Departments.Fields fields = departmentFields(f, u);
		return write(() -> departments.find(departments.insert(fields)).orElseThrow());
	}

	/** A department; readers of a township see its own and the county's; handlers see their own. */
	public Department department(long id, CurrentUser u) {
		Department d = departments.find(id).orElseThrow(() -> new NotFoundException("department", id));
		if (u.is(Role.DEPARTMENT_HANDLER) && Long.valueOf(id).equals(u.departmentId())) {
			return d;
		}
		requireReader(u);
		if (d.townshipId() != null) {
			u.requireTownship(d.townshipId());
		}
		return d;
	}

	private void requireDepartmentWriter(Department d, CurrentUser u) {
		requireWriter(u);
		if (!u.isCountyAdmin() && (d.townshipId() == null || !u.canSeeTownship(d.townshipId()))) {
			throw new AccessDeniedException("not this township's department");
		}
	}

	public List<Department> departments(ListFilter f, @Nullable Tier tier, CurrentUser u, long afterId, int limit,
			int offset) {
		requireReader(u);
		return departments.list(scoped(u, f), tier, afterId, limit, offset);
	}

	public int countDepartments(ListFilter f, @Nullable Tier tier, CurrentUser u) {
		requireReader(u);
		return departments.count(scoped(u, f), tier);
	}

	public Department updateDepartment(long id, DepartmentForm f, CurrentUser u) {
		requireDepartmentWriter(department(id, u), u);
		Departments.Fields fields = departmentFields(f, u);
		return write(() -> {
			stale(departments.update(id, version(f.version()), fields));
			return departments.find(id).orElseThrow();
		});
	}

	public void setDepartmentActive(long id, boolean active, CurrentUser u) {
		requireDepartmentWriter(department(id, u), u);
		write(() -> {
			townships.setActive("department", id, active);
			return null;
		});
	}

	// --- categories

	public List<Category> categories() {
		return categories.all();
	}

	public Category category(String code) {
		return categories.find(code).orElseThrow(() -> new NotFoundException("category", code));
	}

	public Category createCategory(CategoryForm f, CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN);
		Category c = new Category(f.code(), f.nameZh().strip(), f.nameEn().strip(),
				f.sortOrder() == null ? 100 : f.sortOrder(), f.dueWorkingDays(), true, 0);
		return write(() -> {
			categories.insert(c);
			return categories.find(c.code()).orElseThrow();
		});
	}

	public Category updateCategory(String code, CategoryForm f, CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN);
		Category old = category(code);
		if (!old.code().equals(f.code())) {
			throw new InvalidInputException("code", "category.codeFixed");
		}
		return write(() -> {
			stale(categories.update(new Category(code, f.nameZh().strip(), f.nameEn().strip(),
					f.sortOrder() == null ? old.sortOrder() : f.sortOrder(), f.dueWorkingDays(), old.active(),
					version(f.version()))));
			return categories.find(code).orElseThrow();
		});
	}

	public void setCategoryActive(String code, boolean active, CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN);
		category(code);
		write(() -> {
			categories.setActive(code, active);
			return null;
		});
	}

	// --- lookups for other modules (no user involved)

	/** Every township, for menus and the directory. */
	public List<Township> allTownships() {
		return townships.all();
	}


	private static @Nullable String blank(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
