package cn.deputylink.account.internal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import cn.deputylink.account.Role;

/**
 * {@code deputylink.security.*}: after {@code maxFailedLogins} failed sign-ins for one
 * username from one address, that address waits {@code throttleDelay} before its next
 * attempt for that username, twice as long after each further failure, at most
 * {@code lockDuration}; API tokens expire after {@code tokenIdleTimeout} unused and
 * {@code tokenMaxLifetime} at most; {@code totpRequiredForAdmins} makes county admins
 * enrol a second factor before they can work; a password older than
 * {@code passwordMaxAge} (zero: never) must be changed, for the roles in
 * {@code passwordMaxAgeRoles} (empty: every role).
 */
@ConfigurationProperties("deputylink.security")
record SecuritySettings(int maxFailedLogins, Duration lockDuration, @DefaultValue("1m") Duration throttleDelay,
		Duration tokenIdleTimeout, Duration tokenMaxLifetime, boolean totpRequiredForAdmins,
		@DefaultValue("0s") Duration passwordMaxAge, @DefaultValue Set<Role> passwordMaxAgeRoles) {

	/** Whether a password set at {@code changedAt} must be replaced now. */
	boolean passwordExpired(Role role, @Nullable OffsetDateTime changedAt, OffsetDateTime now) {
		if (passwordMaxAge.isZero() || passwordMaxAge.isNegative() || changedAt == null) {
			return false;
		}
		if (!passwordMaxAgeRoles.isEmpty() && !passwordMaxAgeRoles.contains(role)) {
			return false;
		}
		return changedAt.plus(passwordMaxAge).isBefore(now);
	}

	/**
	 * How long an address waits after its {@code failures}-th failure for one username
	 * (zero: not at all).
	 */
	Duration throttleWait(int failures) {
		if (failures < maxFailedLogins) {
			return Duration.ZERO;
		}
		int doublings = Math.min(failures - maxFailedLogins, 20);
		Duration wait = throttleDelay.multipliedBy(1L << doublings);
		return wait.compareTo(lockDuration) > 0 ? lockDuration : wait;
	}
}
