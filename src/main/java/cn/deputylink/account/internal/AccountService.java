package cn.deputylink.account.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.OptionalLong;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.deputylink.account.AccountSecurityEvent;
import cn.deputylink.account.Accounts;
import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.NewUser;
import cn.deputylink.account.OrganisationDirectory;
import cn.deputylink.account.Role;
import cn.deputylink.account.UserAccount;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.InvalidInputException.FieldError;
import cn.deputylink.shared.NotFoundException;
import cn.deputylink.shared.PersonalDataCipher;
import cn.deputylink.shared.TextInput;

/**
 * {@link Accounts}: creating and keeping user accounts, within the acting user's data
 * scope.
 */
@Service
class AccountService implements Accounts {

	/** The hash of each fixture password, computed once (see {@link #createFixture}). */
	private final Map<String, String> fixtureHashes = new ConcurrentHashMap<>();

	private final Users users;

	private final PasswordEncoder encoder;

	private final OrganisationDirectory organisation;

	private final AccountDetailsService details;

	private final LoginThrottle throttle;

	private final PersonalDataCipher cipher;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	AccountService(Users users, PasswordEncoder encoder, OrganisationDirectory organisation,
			AccountDetailsService details, LoginThrottle throttle, PersonalDataCipher cipher,
			ApplicationEventPublisher events, Clock clock) {
		this.users = users;
		this.encoder = encoder;
		this.organisation = organisation;
		this.details = details;
		this.throttle = throttle;
		this.cipher = cipher;
		this.events = events;
		this.clock = clock;
	}

	public long count() {
		return users.count();
	}

	/**
	 * Creates an account as {@code actor} (null: the system, at first start or for the
	 * demo). A township admin creates only liaison officers, department handlers and
	 * township admins of its own township.
	 */
	@Transactional
	public UserAccount create(NewUser u, @Nullable CurrentUser actor) {
		return create(u, actor, true);
	}

	/**
	 * Creates a fixture account whose password is fixed elsewhere and may break the
	 * policy: only the demo county's accounts, whose password {@code Demo#2026}
	 * {@code docs/api.md} publishes. Every password a person sets goes through
	 * {@link PasswordPolicy}.
	 */
	@Transactional
	public UserAccount createFixture(NewUser u) {
		return create(u, null, false);
	}

	private UserAccount create(NewUser u, @Nullable CurrentUser actor, boolean policy) {
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
		else if (u.username() != null && policy) {
			PasswordPolicy.violation(u.username(), u.password())
				.ifPresent(k -> errors.add(new FieldError("password", k)));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		NewUser resolved = resolveAssignment(u);
		if (actor != null) {
			authorise(actor, resolved);
		}
		try {
			OffsetDateTime now = OffsetDateTime.now(clock);
			// bcrypt is a tenth of a start-up's CPU when the demo county creates its
			// accounts one hash each; the fixtures share one published password, so they
			// share its hash (a person's password is always hashed with a salt of its
			// own)
			String hash = policy ? hash(u.password()) : fixtureHashes.computeIfAbsent(u.password(), this::hash);
			long id = users.insert(resolved, hash, now);
			users.recordFirstPassword(id, hash, now);
			return users.find(id).orElseThrow();
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("user.username.taken", Objects.requireNonNull(u.username()));
		}
	}

	/**
	 * Checks that the role's assignment exists and derives the township from a station or
	 * department.
	 */
	NewUser resolveAssignment(NewUser u) {
		Long township = u.townshipId();
		Role role = Objects.requireNonNull(u.role(), "role checked by create");
		switch (role) {
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
		String displayName = Objects.requireNonNull(u.displayName(), "display name checked by create").strip();
		return new NewUser(u.username(), u.password(), displayName, role, township,
				role == Role.STATION_LIAISON ? u.stationId() : null, role == Role.DEPUTY ? u.deputyId() : null,
				role == Role.DEPARTMENT_HANDLER ? u.departmentId() : null, u.mustChangePassword());
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
	 * The ids of the enabled accounts holding {@code role}, narrowed to a township and/or
	 * a department when given: whom a message "to the department" or "to the township's
	 * admins" reaches.
	 */
	public List<Long> userIdsWith(Role role, @Nullable Long townshipId, @Nullable Long departmentId) {
		return users.enabledIds(role, townshipId, departmentId);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Long> userIdsOfDeputies(Collection<Long> deputyIds) {
		return deputyIds.isEmpty() ? List.of() : users.enabledDeputyIds(deputyIds);
	}

	public Optional<UserAccount> findByUsername(String username) {
		return users.findByUsername(username);
	}

	/**
	 * A page of accounts the actor may manage, for lists ({@code offset} paging) and the
	 * API (keyset).
	 */
	public List<UserAccount> list(CurrentUser actor, @Nullable String q, long afterId, int limit, int offset) {
		actor.requireRole(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);
		return users.list(actor.townshipScope().orElse(null), TextInput.blankToNull(q), afterId, limit, offset);
	}

	public int countList(CurrentUser actor, @Nullable String q) {
		actor.requireRole(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);
		return users.countList(actor.townshipScope().orElse(null), TextInput.blankToNull(q));
	}

	/** The password's bcrypt hash: the encoder answers null only for a null password. */
	private String hash(String password) {
		return Objects.requireNonNull(encoder.encode(password), "no hash for a password");
	}

	/**
	 * The user changes its own password, proving it knows the current one; none of its
	 * last {@value PasswordPolicy#HISTORY} passwords may come back. Every other session
	 * and token of the account ends; the caller keeps its own with {@link #refreshed}.
	 */
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
		for (String old : users.recentPasswordHashes(user.id())) {
			if (encoder.matches(next, old)) {
				throw new InvalidInputException("newPassword", "password.recentlyUsed");
			}
		}
		users.setPassword(user.id(), hash(next), false, OffsetDateTime.now(clock));
		audit(user.getUsername(), "PASSWORD_CHANGED", user.getUsername(), true, null);
	}

	/**
	 * The principal of a signed-in user as the database has it now, for the session or
	 * token that made a change to its own credentials and may go on.
	 */
	public CurrentUser refreshed(CurrentUser user) {
		return details.reload(user.id()).orElseThrow(() -> new NotFoundException("user", user.id()));
	}

	/**
	 * An administrator sets a generated password that must be changed at the next login;
	 * every session and token of the account ends.
	 */
	@Transactional
	public String resetPassword(long id, CurrentUser actor) {
		UserAccount a = get(id, actor);
		actor.requireRole(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);
		String generated = PasswordPolicy.generate();
		users.setPassword(a.id(), hash(generated), true, OffsetDateTime.now(clock));
		users.deleteTokens(a.id());
		audit(actor.getUsername(), "PASSWORD_RESET", a.username(), true, null);
		return generated;
	}

	/** Lets every address try the account again at once (see {@link LoginThrottle}). */
	@Transactional
	public void unlock(long id, CurrentUser actor) {
		actor.requireRole(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);
		throttle.release(get(id, actor).username());
	}

	/** Disabling ends every session and token of the account at once. */
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
		audit(actor.getUsername(), enabled ? "USER_ENABLED" : "USER_DISABLED", a.username(), true, null);
	}

	/**
	 * Turns on the second factor once the user proves its app produces the right codes.
	 */
	public void enableTotp(CurrentUser user, String secret, String code) {
		enableTotp(user, secret, code, null);
	}

	/**
	 * Turns on the second factor with {@code secret} once the user proves its app
	 * produces the right codes; a user who has one already re-enrols, and proves it with
	 * {@code currentCode} of the old one. Every other session and token of the account
	 * ends. Not one transaction: a refused code stays counted and audited.
	 */
	public void enableTotp(CurrentUser user, String secret, String code, @Nullable String currentCode) {
		Users.Credentials c = users.credentials(user.id()).orElseThrow();
		boolean reenrol = c.account().totpEnabled();
		if (reenrol) {
			requireCurrentCode(user, c, currentCode, "currentCode");
		}
		OptionalLong step = Totp.matchingStep(secret, code, clock.instant());
		if (step.isEmpty()) {
			throw new InvalidInputException("code", "totp.wrongCode");
		}
		users.setTotp(user.id(), cipher.encrypt(secret), true, step.getAsLong());
		audit(user.getUsername(), reenrol ? "TOTP_REENROLLED" : "TOTP_ENABLED", user.getUsername(), true, null);
	}

	/**
	 * The user turns its second factor off, proving it with a current code (not one
	 * transaction, as above).
	 */
	public void disableOwnTotp(CurrentUser user, @Nullable String code) {
		Users.Credentials c = users.credentials(user.id()).orElseThrow();
		if (!c.account().totpEnabled()) {
			return;
		}
		requireCurrentCode(user, c, code, "code");
		users.setTotp(user.id(), null, false, null);
		audit(user.getUsername(), "TOTP_DISABLED", user.getUsername(), true, null);
	}

	/**
	 * A county admin resets someone else's second factor (a lost phone): the user signs
	 * in with its password and enrols again; every session and token of the account ends.
	 */
	@Transactional
	public void resetTotp(long id, CurrentUser actor) {
		actor.requireRole(Role.COUNTY_ADMIN);
		UserAccount a = get(id, actor);
		if (a.id() == actor.id()) {
			// one's own factor is turned off with a current code, on the account page
			throw new ConflictException("user.cannotResetOwnTotp");
		}
		users.setTotp(a.id(), null, false, null);
		users.deleteTokens(a.id());
		audit(actor.getUsername(), "TOTP_RESET", a.username(), true, null);
	}

	/**
	 * A current code of the enrolled factor, good once; wrong ones are audited and count
	 * towards the throttle, so that a stolen session cannot guess its way through.
	 */
	private void requireCurrentCode(CurrentUser user, Users.Credentials c, @Nullable String code, String field) {
		String address = currentAddress();
		if (throttle.blockedUntil(user.getUsername(), address).isPresent()) {
			throw new InvalidInputException(field, "login.throttled");
		}
		String secret = cipher.decrypt(c.totpSecretCipher());
		OptionalLong step = secret == null ? OptionalLong.empty() : Totp.matchingStep(secret, code, clock.instant());
		if (step.isEmpty() || !users.claimTotpStep(user.id(), step.getAsLong())) {
			throttle.failed(user.getUsername(), address);
			audit(user.getUsername(), "TOTP_CHECK", user.getUsername(), false,
					step.isEmpty() ? "wrong code" : "code used already");
			throw new InvalidInputException(field, "totp.wrongCode");
		}
	}

	private void audit(String actor, String action, String target, boolean success, @Nullable String detail) {
		events.publishEvent(new AccountSecurityEvent(actor, action, target, success, detail));
	}

	private static String currentAddress() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
				? a.getRequest().getRemoteAddr() : "";
	}

}
