package cn.deputylink.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.deputylink.account.Role;
import cn.deputylink.account.UserAccount;

/** The throttle's waits and password expiry, without Spring. */
class SecuritySettingsTest {

	private static SecuritySettings settings(Duration maxAge, Set<Role> roles) {
		return new SecuritySettings(5, Duration.ofMinutes(30), Duration.ofMinutes(1), Duration.ofMinutes(30),
				Duration.ofHours(12), false, maxAge, roles);
	}

	@Test
	void theWaitStartsAfterFiveFailuresAndDoublesUpToTheLongest() {
		SecuritySettings s = settings(Duration.ZERO, Set.of());
		assertThat(s.throttleWait(4)).isZero();
		assertThat(s.throttleWait(5)).isEqualTo(Duration.ofMinutes(1));
		assertThat(s.throttleWait(6)).isEqualTo(Duration.ofMinutes(2));
		assertThat(s.throttleWait(9)).isEqualTo(Duration.ofMinutes(16));
		assertThat(s.throttleWait(10)).isEqualTo(Duration.ofMinutes(30));
		assertThat(s.throttleWait(1000)).isEqualTo(Duration.ofMinutes(30));
	}

	@Test
	void passwordsExpireOnlyWhenConfiguredAndForTheConfiguredRoles() {
		OffsetDateTime now = OffsetDateTime.parse("2026-12-01T08:00:00Z");
		OffsetDateTime old = now.minusDays(91);
		assertThat(settings(Duration.ZERO, Set.of()).passwordExpired(Role.COUNTY_ADMIN, old, now)).isFalse();
		SecuritySettings admins = settings(Duration.ofDays(90), Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN));
		assertThat(admins.passwordExpired(Role.COUNTY_ADMIN, old, now)).isTrue();
		assertThat(admins.passwordExpired(Role.COUNTY_ADMIN, now.minusDays(89), now)).isFalse();
		assertThat(admins.passwordExpired(Role.DEPUTY, old, now)).isFalse();
		assertThat(settings(Duration.ofDays(90), Set.of()).passwordExpired(Role.DEPUTY, old, now)).isTrue();
	}

	/**
	 * An expired password makes the principal one that must change it (AccountSetupFilter
	 * then insists).
	 */
	@Test
	void anExpiredPasswordMustBeChangedAtLogin() {
		OffsetDateTime now = OffsetDateTime.parse("2026-12-01T08:00:00Z");
		Clock clock = Clock.fixed(now.toInstant(), ZoneOffset.UTC);
		UserAccount a = new UserAccount(1, "admin2", "管理员", Role.COUNTY_ADMIN, null, null, null, null, true, false,
				false, null, 0);
		var details = new AccountDetailsService(null, null, settings(Duration.ofDays(90), Set.of(Role.COUNTY_ADMIN)),
				clock);
		assertThat(
				details.principal(new Users.Credentials(a, "x", null, 3, now.minusDays(91)), null).mustChangePassword())
			.isTrue();
		assertThat(
				details.principal(new Users.Credentials(a, "x", null, 3, now.minusDays(10)), null).mustChangePassword())
			.isFalse();
		var off = new AccountDetailsService(null, null, settings(Duration.ZERO, Set.of()), clock);
		assertThat(off.principal(new Users.Credentials(a, "x", null, 3, now.minusDays(900)), null).mustChangePassword())
			.isFalse();
		assertThat(off.principal(new Users.Credentials(a, "x", null, 3, now), null).credentialsEpoch()).isEqualTo(3);
	}

}
