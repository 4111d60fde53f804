package cn.deputylink.performance.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.NotFoundException;

/**
 * Who may read a deputy's file and points: the deputy itself, a township admin for the
 * deputies attached to a station of its township, the county admin for all; station
 * liaison officers and department handlers nobody's (403). An unknown deputy is 404 (for
 * those who may read files at all).
 */
@Component
public class PerformanceScope {

	public static final int MIN_YEAR = 2000;

	public static final int MAX_YEAR = 2100;

	private final RegistryLookup registry;

	PerformanceScope(RegistryLookup registry) {
		this.registry = registry;
	}

	public void requireDeputy(long deputyId, CurrentUser u) {
		u.requireRole(Role.DEPUTY, Role.TOWNSHIP_ADMIN, Role.COUNTY_ADMIN);
		if (!registry.deputyExists(deputyId)) {
			throw new NotFoundException("deputy", deputyId);
		}
		if (u.isCountyAdmin()) {
			return;
		}
		if (u.is(Role.DEPUTY)) {
			if (u.deputyId() == null || u.deputyId() != deputyId) {
				throw new AccessDeniedException("performance scope");
			}
			return;
		}
		if (!attachedToTownship(deputyId, u.townshipId())) {
			throw new AccessDeniedException("performance scope");
		}
	}

	/** Whether the deputy is attached to a station of the township. */
	public boolean attachedToTownship(long deputyId, @Nullable Long townshipId) {
		if (townshipId == null) {
			return false;
		}
		for (Long s : registry.stationsOfDeputy(deputyId)) {
			if (registry.station(s).map(st -> st.townshipId() == townshipId.longValue()).orElse(false)) {
				return true;
			}
		}
		return false;
	}

	/** Admins only (the tables, publishing). */
	public void requireAdmin(CurrentUser u) {
		u.requireRole(Role.TOWNSHIP_ADMIN, Role.COUNTY_ADMIN);
	}

	/**
	 * The township an admin's table is of: a township admin's own whatever it asks; the
	 * county admin's must be given (400) and known (404).
	 */
	public long township(@Nullable Long asked, CurrentUser u) {
		requireAdmin(u);
		Long t = u.isCountyAdmin() ? asked : u.townshipId();
		if (t == null) {
			throw new InvalidInputException("townshipId", "performance.error.township");
		}
		if (registry.township(t).isEmpty()) {
			throw new NotFoundException("township", t);
		}
		return t;
	}

	public int year(@Nullable Integer year, int current) {
		int y = year == null ? current : year;
		if (y < MIN_YEAR || y > MAX_YEAR) {
			throw new InvalidInputException("year", "performance.error.year", MIN_YEAR, MAX_YEAR);
		}
		return y;
	}

}
