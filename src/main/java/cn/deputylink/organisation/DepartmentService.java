package cn.deputylink.organisation;

import static cn.deputylink.organisation.RegistryChecks.constrained;
import static cn.deputylink.organisation.RegistryChecks.requireReader;
import static cn.deputylink.organisation.RegistryChecks.requireWriter;
import static cn.deputylink.organisation.RegistryChecks.scoped;
import static cn.deputylink.organisation.RegistryChecks.stale;
import static cn.deputylink.organisation.RegistryChecks.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.organisation.Forms.DepartmentForm;
import cn.deputylink.shared.InvalidInputException.FieldError;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.NotFoundException;

/**
 * Handling departments and the categories each is competent for. County departments
 * belong to no township and are the county admin's; a township admin keeps its own
 * township's.
 */
@Service
public class DepartmentService {

	private final Departments departments;

	private final Categories categories;

	private final Townships townships;

	private final TownshipService townshipService;

	DepartmentService(Departments departments, Categories categories, Townships townships,
			TownshipService townshipService) {
		this.departments = departments;
		this.categories = categories;
		this.townships = townships;
		this.townshipService = townshipService;
	}

	private Departments.Fields fields(DepartmentForm f, CurrentUser u) {
		List<FieldError> errors = new ArrayList<>();
		Tier tier = Objects.requireNonNull(f.tier(), "tier is validated @NotNull");
		Long township = f.townshipId();
		if (tier == Tier.COUNTY) {
			township = null;
			if (!u.isCountyAdmin()) {
				throw new AccessDeniedException("county departments are the county's");
			}
		}
		else if (township == null) {
			errors.add(new FieldError("townshipId", "department.townshipRequired"));
		}
		else {
			townshipService.get(township, u);
		}
		for (String c : f.categoryCodesOrEmpty()) {
			if (categories.find(c).isEmpty()) {
				errors.add(new FieldError("categoryCodes", "department.unknownCategory", c));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new Departments.Fields(f.name().strip(), tier, township, f.categoryCodesOrEmpty());
	}

	@Transactional
	public Department create(DepartmentForm f, CurrentUser u) {
		requireWriter(u);
		Departments.Fields fields = fields(f, u);
		return constrained(() -> departments.find(departments.insert(fields)).orElseThrow());
	}

	/**
	 * A department; readers of a township see its own and the county's; handlers see
	 * their own.
	 */
	@Transactional(readOnly = true)
	public Department get(long id, CurrentUser u) {
		Department d = departments.find(id).orElseThrow(() -> new NotFoundException("department", id));
		if (u.is(Role.DEPARTMENT_HANDLER) && Long.valueOf(id).equals(u.departmentId())) {
			return d;
		}
		requireReader(u);
		Long township = d.townshipId();
		if (township != null) {
			u.requireTownship(township);
		}
		return d;
	}

	private static void requireWriterOf(Department d, CurrentUser u) {
		requireWriter(u);
		Long township = d.townshipId();
		if (!u.isCountyAdmin() && (township == null || !u.canSeeTownship(township))) {
			throw new AccessDeniedException("not this township's department");
		}
	}

	@Transactional(readOnly = true)
	public List<Department> list(ListFilter f, @Nullable Tier tier, CurrentUser u, long afterId, int limit,
			int offset) {
		requireReader(u);
		return departments.list(scoped(u, f), tier, afterId, limit, offset);
	}

	@Transactional(readOnly = true)
	public int count(ListFilter f, @Nullable Tier tier, CurrentUser u) {
		requireReader(u);
		return departments.count(scoped(u, f), tier);
	}

	@Transactional
	public Department update(long id, DepartmentForm f, CurrentUser u) {
		requireWriterOf(get(id, u), u);
		Departments.Fields fields = fields(f, u);
		return constrained(() -> {
			stale(departments.update(id, version(f.version()), fields));
			return departments.find(id).orElseThrow();
		});
	}

	@Transactional
	public void setActive(long id, boolean active, CurrentUser u) {
		requireWriterOf(get(id, u), u);
		constrained(() -> townships.setActive("department", id, active));
	}

}
