package cn.deputylink.organisation;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;

/**
 * The rules every registry service applies alike: who reads and writes, the township a
 * scoped user is held to, and how a refused write is told.
 */
final class RegistryChecks {

	private RegistryChecks() {
	}

	static void requireReader(CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN, Role.STATION_LIAISON);
	}

	static void requireWriter(CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);
	}

	/** The filter with the user's township forced in, for township-scoped users. */
	static ListFilter scoped(CurrentUser u, ListFilter f) {
		return u.townshipScope().map(f::withTownship).orElse(f);
	}

	/**
	 * Runs the statements of a write and turns constraint violations into 409s; the
	 * exception leaves the service's transaction, which rolls it back.
	 */
	static <T> T constrained(Supplier<T> work) {
		try {
			return work.get();
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("registry.duplicate");
		}
		catch (DataIntegrityViolationException ex) {
			throw new ConflictException("registry.referenced");
		}
	}

	static void constrained(Runnable work) {
		try {
			work.run();
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("registry.duplicate");
		}
		catch (DataIntegrityViolationException ex) {
			throw new ConflictException("registry.referenced");
		}
	}

	static void stale(boolean updated) {
		if (!updated) {
			throw new ConflictException("error.staleVersion");
		}
	}

	static int version(@Nullable Integer v) {
		if (v == null) {
			throw new InvalidInputException("version", "validation.required");
		}
		return v;
	}

}
