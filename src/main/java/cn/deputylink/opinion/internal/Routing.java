package cn.deputylink.opinion.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.organisation.Category;
import cn.deputylink.organisation.Department;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.organisation.Tier;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.InvalidInputException.FieldError;
import cn.deputylink.shared.NotFoundException;
import cn.deputylink.opinion.RoutingRule;

/**
 * The routing table (分级负责、归口办理), kept by county admins and read by triagers. A
 * county-tier rule may apply to every township; a township- or village-tier rule names
 * its township, and its department must be of that tier (and that township).
 */
@Service
public class Routing {

	private final RoutingRules rules;

	private final RegistryLookup registryLookup;

	Routing(RoutingRules rules, RegistryLookup registryLookup) {
		this.rules = rules;
		this.registryLookup = registryLookup;
	}

	/** A rule as entered. */
	public record RuleForm(@Nullable String categoryCode, @Nullable Tier tier, @Nullable Long townshipId,
			@Nullable Long departmentId) {
	}

	/**
	 * The departments a rule for this cell may name: of the tier, competent for the
	 * category, and for a township or village tier of the township; none while the cell
	 * is not chosen yet.
	 */
	@Transactional(readOnly = true)
	public List<Department> fittingDepartments(@Nullable String categoryCode, @Nullable Tier tier,
			@Nullable Long townshipId, CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN);
		if (categoryCode == null || tier == null || (tier != Tier.COUNTY && townshipId == null)) {
			return List.of();
		}
		return registryLookup.departmentsFor(null)
			.stream()
			.filter(d -> d.tier() == tier && d.categoryCodes().contains(categoryCode))
			.filter(d -> d.townshipId() == null || d.townshipId().equals(townshipId))
			.toList();
	}

	@Transactional(readOnly = true)
	public List<RoutingRule> list(@Nullable String categoryCode, CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);
		return rules.all(categoryCode, u.townshipScope().orElse(null));
	}

	@Transactional(readOnly = true)
	public RoutingRule get(long id, CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);
		RoutingRule r = rules.find(id).orElseThrow(() -> new NotFoundException("routing rule", id));
		if (r.townshipId() != null) {
			u.requireTownship(r.townshipId());
		}
		return r;
	}

	/**
	 * A new rule; a second one for the same cell is a 409 (the insert fails, and this
	 * transaction rolls back).
	 */
	@Transactional
	public RoutingRule create(RuleForm f, CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN);
		validate(f);
		try {
			long id = rules.insert(Objects.requireNonNull(f.categoryCode()), Objects.requireNonNull(f.tier()),
					f.townshipId(), Objects.requireNonNull(f.departmentId()));
			return rules.find(id).orElseThrow();
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("routing.duplicate");
		}
	}

	/** Points an existing rule at another department. */
	@Transactional
	public RoutingRule update(long id, @Nullable Long departmentId, @Nullable Integer version, CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN);
		RoutingRule r = rules.find(id).orElseThrow(() -> new NotFoundException("routing rule", id));
		if (version == null) {
			throw new InvalidInputException("version", "validation.required");
		}
		validate(new RuleForm(r.categoryCode(), r.tier(), r.townshipId(), departmentId));
		if (!rules.update(id, version, Objects.requireNonNull(departmentId))) {
			throw new ConflictException("error.staleVersion");
		}
		return rules.find(id).orElseThrow();
	}

	@Transactional
	public void delete(long id, CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN);
		if (!rules.delete(id)) {
			throw new NotFoundException("routing rule", id);
		}
	}

	private void validate(RuleForm f) {
		List<FieldError> errors = new ArrayList<>();
		if (f.categoryCode() == null || registryLookup.category(f.categoryCode()).filter(Category::active).isEmpty()) {
			errors.add(new FieldError("categoryCode",
					f.categoryCode() == null ? "validation.required" : "opinion.unknown.category"));
		}
		if (f.tier() == null) {
			errors.add(new FieldError("tier", "validation.required"));
		}
		if (f.townshipId() != null && registryLookup.township(f.townshipId()).isEmpty()) {
			errors.add(new FieldError("townshipId", "routing.unknownTownship"));
		}
		if (f.tier() != null && f.tier() != Tier.COUNTY && f.townshipId() == null) {
			errors.add(new FieldError("townshipId", "routing.townshipRequired"));
		}
		if (f.departmentId() == null) {
			errors.add(new FieldError("departmentId", "validation.required"));
		}
		else {
			Department d = registryLookup.department(f.departmentId()).filter(Department::active).orElse(null);
			if (d == null) {
				errors.add(new FieldError("departmentId", "opinion.unknown.department"));
			}
			else if (f.tier() != null && d.tier() != f.tier()) {
				errors.add(new FieldError("departmentId", "routing.tierMismatch"));
			}
			else if (d.townshipId() != null && !d.townshipId().equals(f.townshipId())) {
				errors.add(new FieldError("departmentId", "routing.townshipMismatch"));
			}
			else if (f.categoryCode() != null && !d.categoryCodes().contains(f.categoryCode())) {
				// the registry says which categories a department handles (主管分类); the
				// table follows it
				errors.add(new FieldError("departmentId", "routing.notCompetent"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

}
