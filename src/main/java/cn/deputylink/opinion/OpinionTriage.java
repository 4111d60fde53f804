package cn.deputylink.opinion;

import static cn.deputylink.shared.TextInput.blankToNull;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.opinion.internal.OpinionCase;
import cn.deputylink.opinion.internal.OpinionSteps;
import cn.deputylink.opinion.internal.OpinionReads;
import cn.deputylink.opinion.internal.Routes;
import cn.deputylink.organisation.Category;
import cn.deputylink.organisation.Department;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.organisation.Tier;

/**
 * Triage and assignment (分流交办), by a county admin or the opinion's township's admin:
 * category and tier, the department (routed, or chosen with a reason), merging
 * duplicates, closing. Each step checks, in this order: the opinion exists (404), the
 * user may see it (403), the action is allowed in its status (409), the user may take it
 * (403), the input is valid (400), nobody changed it meanwhile (409).
 */
@Service
public class OpinionTriage {

	private final OpinionSteps steps;

	private final OpinionReads reads;

	private final Routes routes;

	private final RegistryLookup registryLookup;

	OpinionTriage(OpinionSteps steps, OpinionReads reads, Routes routes, RegistryLookup registryLookup) {
		this.steps = steps;
		this.reads = reads;
		this.routes = routes;
		this.registryLookup = registryLookup;
	}

	@Transactional
	public Opinion triage(long id, @Nullable String categoryCode, @Nullable Tier tier, @Nullable String note,
			CurrentUser u, @Nullable Integer expectedVersion) {
		OpinionCase c = steps.visible(id, u);
		String code = blankToNull(categoryCode);
		boolean known = code != null && registryLookup.category(code).filter(Category::active).isPresent();
		return steps.save(c.triage(u, categoryCode, known, tier, note, expectedVersion, steps));
	}

	/**
	 * Gives the opinion to {@code departmentId}, or without one to the routed department.
	 */
	@Transactional
	public Opinion assign(long id, @Nullable Long departmentId, @Nullable String note, CurrentUser u,
			@Nullable Integer expectedVersion) {
		OpinionCase c = steps.visible(id, u);
		Department routed = routes.routedDepartment(c.state()).orElse(null);
		Long chosen = departmentId != null ? departmentId : routed == null ? null : routed.id();
		Department department = chosen == null ? null : chosen.equals(routed == null ? null : routed.id()) ? routed
				: registryLookup.department(chosen).filter(Department::active).orElse(null);
		return steps.save(c.assign(u, chosen, department, routed, note, expectedVersion, steps));
	}

	/** Merges a duplicate into the opinion {@code intoId}. */
	@Transactional
	public Opinion merge(long id, @Nullable Long intoId, CurrentUser u, @Nullable Integer expectedVersion) {
		OpinionCase c = steps.visible(id, u);
		Opinion target = intoId == null ? null : reads.find(intoId).orElse(null);
		return steps.save(c.merge(u, intoId, target, expectedVersion, steps));
	}

	/**
	 * Closes an opinion: a replied one (outcome from the reply unless given); or, before
	 * assignment, one that is not accepted (outcome NOT_ACCEPTED with the explanation the
	 * constituent sees) or was answered on the spot (RESOLVED/EXPLAINED with the answer
	 * given as {@code reply}).
	 */
	@Transactional
	public Opinion close(long id, @Nullable Outcome outcome, @Nullable String note, @Nullable String reply,
			CurrentUser u, @Nullable Integer expectedVersion) {
		return steps.save(steps.visible(id, u).close(u, outcome, note, reply, expectedVersion, steps));
	}

	/**
	 * The department the routing table (or, without a rule, the registry) proposes for
	 * this opinion.
	 */
	@Transactional(readOnly = true)
	public Optional<Department> routedDepartment(Opinion o) {
		return routes.routedDepartment(o);
	}

	/**
	 * The departments the user may assign the opinion to: the routed one first, then
	 * every other active one of the opinion's tier competent for its category, within the
	 * user's scope.
	 */
	@Transactional(readOnly = true)
	public List<Department> fittingDepartments(Opinion o, CurrentUser u) {
		return routes.fittingDepartments(o, u);
	}

}
