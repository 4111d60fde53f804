package cn.deputylink.account;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in user and the data scope that follows from the role: a county admin sees
 * the whole county; a township admin or liaison officer one township; a deputy its own
 * records; a department handler the work of its department.
 */
public final class CurrentUser implements UserDetails {

	@Serial
	private static final long serialVersionUID = 1L;

	private final long id;

	private final String username;

	private final String displayName;

	private final Role role;

	private final @Nullable Long townshipId;

	private final @Nullable Long stationId;

	private final @Nullable Long deputyId;

	private final @Nullable Long departmentId;

	private final boolean mustChangePassword;

	private final boolean totpEnabled;

	private transient @Nullable String passwordHash;

	private final boolean enabled;

	private final boolean locked;

	private final int credentialsEpoch;

	public CurrentUser(long id, String username, String displayName, Role role, @Nullable Long townshipId,
			@Nullable Long stationId, @Nullable Long deputyId, @Nullable Long departmentId, boolean mustChangePassword,
			boolean totpEnabled, @Nullable String passwordHash, boolean enabled, boolean locked) {
		this(id, username, displayName, role, townshipId, stationId, deputyId, departmentId, mustChangePassword,
				totpEnabled, passwordHash, enabled, locked, 0);
	}

	/**
	 * {@code credentialsEpoch}: the account's credentials epoch when this principal was
	 * loaded; a session or token holding an older one is dead.
	 */
	public CurrentUser(long id, String username, String displayName, Role role, @Nullable Long townshipId,
			@Nullable Long stationId, @Nullable Long deputyId, @Nullable Long departmentId, boolean mustChangePassword,
			boolean totpEnabled, @Nullable String passwordHash, boolean enabled, boolean locked, int credentialsEpoch) {
		this.id = id;
		this.username = username;
		this.displayName = displayName;
		this.role = role;
		this.townshipId = townshipId;
		this.stationId = stationId;
		this.deputyId = deputyId;
		this.departmentId = departmentId;
		this.mustChangePassword = mustChangePassword;
		this.totpEnabled = totpEnabled;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.locked = locked;
		this.credentialsEpoch = credentialsEpoch;
	}

	/** The user of the current request; empty for the public. */
	public static Optional<CurrentUser> find() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof CurrentUser u ? Optional.of(u) : Optional.empty();
	}

	/** The user of the current request; refuses the public. */
	public static CurrentUser get() {
		return find().orElseThrow(() -> new AccessDeniedException("not signed in"));
	}

	public long id() {
		return id;
	}

	public String displayName() {
		return displayName;
	}

	public Role role() {
		return role;
	}

	public @Nullable Long townshipId() {
		return townshipId;
	}

	public @Nullable Long stationId() {
		return stationId;
	}

	public @Nullable Long deputyId() {
		return deputyId;
	}

	public @Nullable Long departmentId() {
		return departmentId;
	}

	public boolean mustChangePassword() {
		return mustChangePassword;
	}

	public boolean totpEnabled() {
		return totpEnabled;
	}

	public int credentialsEpoch() {
		return credentialsEpoch;
	}

	public boolean is(Role r) {
		return role == r;
	}

	public boolean isCountyAdmin() {
		return role == Role.COUNTY_ADMIN;
	}

	/**
	 * The township this user is confined to, or empty when the scope is the whole county.
	 */
	public Optional<Long> townshipScope() {
		return role.townshipScoped() ? Optional.ofNullable(townshipId).or(() -> Optional.of(-1L)) : Optional.empty();
	}

	/** Whether the user may see a record of {@code township}. */
	public boolean canSeeTownship(@Nullable Long township) {
		if (isCountyAdmin()) {
			return true;
		}
		return role.townshipScoped() && townshipId != null && townshipId.equals(township);
	}

	/** Refuses (403) a record outside the user's township. */
	public void requireTownship(@Nullable Long township) {
		if (!canSeeTownship(township)) {
			throw new AccessDeniedException("outside data scope");
		}
	}

	/** Refuses (403) unless the user holds one of {@code roles}. */
	public void requireRole(Role... roles) {
		for (Role r : roles) {
			if (r == role) {
				return;
			}
		}
		throw new AccessDeniedException("role " + role + " not allowed");
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority(role.authority()));
	}

	@Override
	public @Nullable String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof CurrentUser u && u.id == id;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(id);
	}

	@Override
	public String toString() {
		return username + " (" + role + ")";
	}

}
