package cn.deputylink.statistics.internal;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.shared.NotFoundException;
import cn.deputylink.statistics.Scope;

/**
 * Whose figures a user may see: a county admin any scope; a township admin or liaison
 * officer its own township whatever it asks (a station or deputy outside it: 403); a
 * deputy its own figures (of any station, or one it is attached to); a department handler
 * none. An unknown station or deputy is 404.
 */
@Component
public class ScopePolicy {

	private final RegistryLookup registry;

	ScopePolicy(RegistryLookup registry) {
		this.registry = registry;
	}

	public Scope effective(CurrentUser user, Scope asked) {
		if (asked.stationId() != null && registry.station(asked.stationId()).isEmpty()) {
			throw new NotFoundException("station", asked.stationId());
		}
		if (asked.deputyId() != null && !registry.deputyExists(asked.deputyId())) {
			throw new NotFoundException("deputy", asked.deputyId());
		}
		if (asked.townshipId() != null && registry.township(asked.townshipId()).isEmpty()) {
			throw new NotFoundException("township", asked.townshipId());
		}
		if (user.isCountyAdmin()) {
			return asked;
		}
		if (user.role().townshipScoped()) {
			long own = user.townshipScope().orElse(-1L);
			if (asked.stationId() != null && registry.station(asked.stationId()).orElseThrow().townshipId() != own) {
				throw new AccessDeniedException("statistics scope");
			}
			if (asked.deputyId() != null && registry.stationsOfDeputy(asked.deputyId())
				.stream()
				.noneMatch(s -> registry.station(s).map(st -> st.townshipId() == own).orElse(false))) {
				throw new AccessDeniedException("statistics scope");
			}
			return new Scope(own, asked.stationId(), asked.deputyId());
		}
		if (user.is(Role.DEPUTY) && user.deputyId() != null) {
			if (asked.deputyId() != null && !asked.deputyId().equals(user.deputyId())) {
				throw new AccessDeniedException("statistics scope");
			}
			return new Scope(asked.townshipId(), asked.stationId(), user.deputyId());
		}
		throw new AccessDeniedException("statistics");
	}

}
