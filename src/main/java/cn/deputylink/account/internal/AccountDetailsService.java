package cn.deputylink.account.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.UserAccount;
import cn.deputylink.shared.PersonalDataCipher;

/**
 * Loads the principal, stamped with the account's credentials epoch; a password older
 * than the configured maximum age counts as one that must be changed.
 */
@Component
class AccountDetailsService implements UserDetailsService {

	private final Users users;

	private final PersonalDataCipher cipher;

	private final SecuritySettings settings;

	private final Clock clock;

	AccountDetailsService(Users users, PersonalDataCipher cipher, SecuritySettings settings, Clock clock) {
		this.users = users;
		this.cipher = cipher;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public CurrentUser loadUserByUsername(String username) {
		Users.Credentials c = users.credentials(username)
			.orElseThrow(() -> new UsernameNotFoundException("no such user"));
		return principal(c, c.passwordHash());
	}

	/** The principal of {@code c}; {@code passwordHash} only while a login checks it. */
	CurrentUser principal(Users.Credentials c, @Nullable String passwordHash) {
		UserAccount a = c.account();
		OffsetDateTime now = OffsetDateTime.now(clock);
		boolean mustChange = a.mustChangePassword() || settings.passwordExpired(a.role(), c.passwordChangedAt(), now);
		// the throttle, not a lock on the account, holds off guessing (see LoginThrottle)
		return new CurrentUser(a.id(), a.username(), a.displayName(), a.role(), a.townshipId(), a.stationId(),
				a.deputyId(), a.departmentId(), mustChange, a.totpEnabled(), passwordHash, a.enabled(), false,
				c.epoch());
	}

	/** A fresh principal for a signed-in user, after one of its credentials changed. */
	public Optional<CurrentUser> reload(long id) {
		return users.credentials(id).map(c -> principal(c, null));
	}

	@Nullable String totpSecret(long userId) {
		return users.credentials(userId).map(Users.Credentials::totpSecretCipher).map(cipher::decrypt).orElse(null);
	}

}
