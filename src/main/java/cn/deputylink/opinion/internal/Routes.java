package cn.deputylink.opinion.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.opinion.Opinion;
import cn.deputylink.opinion.RoutingRule;
import cn.deputylink.organisation.Department;
import cn.deputylink.organisation.RegistryLookup;

/**
 * Where a triaged opinion goes: the routing table's department, else the registry's
 * competent one.
 */
@Component
public class Routes {

	private final RoutingRules rules;

	private final RegistryLookup registryLookup;

	Routes(RoutingRules rules, RegistryLookup registryLookup) {
		this.rules = rules;
		this.registryLookup = registryLookup;
	}

	/**
	 * The department the routing table (or, without a rule, the registry) proposes for
	 * this opinion.
	 */
	public Optional<Department> routedDepartment(Opinion o) {
		if (o.categoryCode() == null || o.tier() == null) {
			return Optional.empty();
		}
		Optional<Department> ruled = rules.match(o.categoryCode(), o.tier(), o.townshipId())
			.flatMap(r -> registryLookup.department(r.departmentId()))
			.filter(Department::active);
		if (ruled.isPresent()) {
			return ruled;
		}
		return registryLookup.competent(o.categoryCode(), o.tier(), o.townshipId()).stream().findFirst();
	}

	/**
	 * The departments the user may assign the opinion to: the routed one first, then
	 * every other active one of the opinion's tier competent for its category, within the
	 * user's scope.
	 */
	public List<Department> fittingDepartments(Opinion o, CurrentUser u) {
		if (o.categoryCode() == null || o.tier() == null) {
			return List.of();
		}
		List<Department> out = new ArrayList<>();
		routedDepartment(o).ifPresent(out::add);
		for (Department d : registryLookup.competent(o.categoryCode(), o.tier(), o.townshipId())) {
			if (out.stream().noneMatch(x -> x.id() == d.id())) {
				out.add(d);
			}
		}
		return out.stream()
			.filter(d -> u.townshipScope().isEmpty() || d.townshipId() == null
					|| d.townshipId().equals(u.townshipScope().get()))
			.toList();
	}

}
