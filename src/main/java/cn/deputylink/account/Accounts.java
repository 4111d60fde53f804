package cn.deputylink.account;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.InvalidInputException.FieldError;
import cn.deputylink.shared.NotFoundException;

/** Creating and keeping user accounts, within the acting user's data scope. */
@Service
public class Accounts {

	private final Users users;

	private final PasswordEncoder encoder;

	private final OrganisationDirectory organisation;

	private final Clock clock;

	Accounts(Users users, PasswordEncoder encoder, OrganisationDirectory organisation, Clock clock) {
		this.users = users;
		this.encoder = encoder;
		this.organisation = organisation;
		this.clock = clock;
	}

	public long count() {
		return users.count();
	}

	/**
	 * Creates an account as {@code actor} (null: the system, at first start or for the demo). A
	 * township admin creates only liaison officers, department handlers and township admins of its
	 * own township.
	 */
	@Transactional
	public UserAccount create(NewUser u, @Nullable CurrentUser actor) {
		List<FieldError> errors = new ArrayList<>();
		if (u.username() == null || !u.username().matches("[A-Za-z0-9._-]{3,64}")) {
			errors.add(new FieldError("username", "user.username.invalid"));
		}
		if (u.displayName() == null || u.displayName().isBlank() || u.displayName().length() > 100) {
			errors.add(new FieldError("displayName", "validation.required"));
		}
		if (u.role() == null) {
			errors.add(new FieldError("role", "validation.required"));
		}
		if (u.password() == null) {
			errors.add(new FieldError("password", "validation.required"));
		}
		else if (u.username() != null) {
			PasswordPolicy.violation(u.username(), u.password()).ifPresent(k -> errors.add(new FieldError("password", k)));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		NewUser resolved = resolveAssignment(u);
		if (actor != null) {
			authorise(actor, resolved);
		}
		try {
			long id = users.insert(resolved, encoder.encode(u.password()), OffsetDateTime.now(clock));
			return users.find(id).orElseThrow();
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("user.username.taken", u.username());
		}
	}

	/** Checks that the role's assignment exists and derives the township from a station or department. */
	NewUser resolveAssignment(NewUser u) {
		Long township = u.townshipId();
		switch (u.role()) {
			case TOWNSHIP_ADMIN -> {
				if (township == null || !organisation.townshipExists(township)) {
					throw new InvalidInputException("townshipId", "user.township.required");
				}
			}
			case STATION_LIAISON -> {
				if (u.stationId() == null) {
					throw new InvalidInputException("stationId", "user.station.required");
				}
				township = organisation.townshipOfStation(u.stationId())
					.orElseThrow(() -> new InvalidInputException("stationId", "user.station.required"));
			}
			case DEPUTY -> {
				if (u.deputyId() == null || !organisation.deputyExists(u.deputyId())) {
					throw new InvalidInputException("deputyId", "user.deputy.required");
				}
				township = null;
			}
			case DEPARTMENT_HANDLER -> {
				if (u.departmentId() == null || !organisation.departmentExists(u.departmentId())) {
					throw new InvalidInputException("departmentId", "user.department.required");
				}
				township = organisation.townshipOfDepartment(u.departmentId()).orElse(null);
			}
			case COUNTY_ADMIN -> township = null;
		}
		return new NewUser(u.username(), u.password(), u.displayName().strip(), u.role(), township,
				u.role() == Role.STATION_LIAISON ? u.stationId() : null, u.role() == Role.DEPUTY ? u.deputyId() : null,
				u.role() == Role.DEPARTMENT_HANDLER ? u.departmentId() : null, u.mustChangePassword());
	}

	void authorise(CurrentUser actor, NewUser u) {
		if (actor.isCountyAdmin()) {
			return;
		}
		boolean allowedRole = u.role() == Role.TOWNSHIP_ADMIN || u.role() == Role.STATION_LIAISON
				|| u.role() == Role.DEPARTMENT_HANDLER;
		if (!actor.is(Role.TOWNSHIP_ADMIN) || !allowedRole || u.townshipId() == null
				|| !u.townshipId().equals(actor.townshipId())) {
			throw new AccessDeniedException("cannot create this account");
		}
	}

	public UserAccount get(long id, CurrentUser actor) {
		UserAccount a = users.find(id).orElseThrow(() -> new NotFoundException("user", id));
		if (!actor.isCountyAdmin() && a.id() != actor.id()) {
			actor.requireRole(Role.TOWNSHIP_ADMIN);
			actor.requireTownship(a.townshipId());
		}
		return a;
	}

	/**
	 * The ids of the enabled accounts holding {@code role}, narrowed to a township and/or a
	 * department when given: whom a message "to the department" or "to the township's admins" reaches.
	 */
	public List<Long> userIdsWith(Role role, @Nullable Long townshipId, @Nullable Long departmentId) {
		return users.enabledIds(role, townshipId, departmentId);
	}

	public Optional<UserAccount> findByUsername(String username) {
		return users.findByUsername(username);
	}

	/** A page of accounts the actor may manage, for lists ({@code offset} paging) and the API (keyset). */
	public List<UserAccount> list(CurrentUser actor, @Nullable String q, long afterId, int limit, int offset) {
		actor.requireRole(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);
		return users.list(actor.townshipScope().orElse(null), blankToNull(q), afterId, limit, offset);
	}

	public int countList(CurrentUser actor, @Nullable String q) {
		actor.requireRole(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);
		return users.countList(actor.townshipScope().orElse(null), blankToNull(q));
	}

	private static @Nullable String blankToNull(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	/** The user changes its own password, proving it knows the current one. */
	@Transactional
	public void changePassword(CurrentUser user, String current, String next) {
		Users.Credentials c = users.credentials(user.id()).orElseThrow();
		if (current == null || !encoder.matches(current, c.passwordHash())) {
			throw new InvalidInputException("currentPassword", "password.currentWrong");
		}
		if (next == null) {
			throw new InvalidInputException("newPassword", "validation.required");
		}
		PasswordPolicy.violation(user.getUsername(), next).ifPresent(k -> {
			throw new InvalidInputException("newPassword", k);
		});
		if (encoder.matches(next, c.passwordHash())) {
			throw new InvalidInputException("newPassword", "password.sameAsOld");
		}
		users.setPassword(user.id(), encoder.encode(next), false);
	}

	/** An administrator sets a generated password that must be changed at the next login. */
	@Transactional
	public String resetPassword(long id, CurrentUser actor) {
		UserAccount a = get(id, actor);
		actor.requireRole(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);
		String generated = PasswordPolicy.generate();
		users.setPassword(a.id(), encoder.encode(generated), true);
		users.deleteTokens(a.id());
		return generated;
	}

	@Transactional
	public void unlock(long id, CurrentUser actor) {
		actor.requireRole(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);
		users.unlock(get(id, actor).id());
	}

	@Transactional
	public void setEnabled(long id, boolean enabled, CurrentUser actor) {
		actor.requireRole(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);
		UserAccount a = get(id, actor);
		if (a.id() == actor.id() && !enabled) {
			throw new ConflictException("user.cannotDisableSelf");
		}
		users.setEnabled(a.id(), enabled);
		if (!enabled) {
			users.deleteTokens(a.id());
		}
	}

	/** Turns on the second factor once the user proves its app produces the right codes. */
	@Transactional
	public void enableTotp(CurrentUser user, String secret, String code) {
		if (!Totp.verify(secret, code, clock.instant())) {
			throw new InvalidInputException("code", "totp.wrongCode");
		}
		users.setTotp(user.id(), secret, true);
	}

	@Transactional
	public void disableTotp(long id, CurrentUser actor) {
		actor.requireRole(Role.COUNTY_ADMIN);
		users.setTotp(get(id, actor).id(), null, false);
	}
}
