package cn.deputylink.account;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads the principal, with its lock computed from {@code locked_until}. */
@Component
class AccountDetailsService implements UserDetailsService {

	private final Users users;

	private final Clock clock;

	AccountDetailsService(Users users, Clock clock) {
		this.users = users;
		this.clock = clock;
	}

	@Override
	public CurrentUser loadUserByUsername(String username) {
		Users.Credentials c = users.credentials(username)
			.orElseThrow(() -> new UsernameNotFoundException("no such user"));
		return principal(c.account(), c.passwordHash());
	}

	CurrentUser principal(UserAccount a, String passwordHash) {
		return new CurrentUser(a.id(), a.username(), a.displayName(), a.role(), a.townshipId(), a.stationId(),
				a.deputyId(), a.departmentId(), a.mustChangePassword(), a.totpEnabled(), passwordHash, a.enabled(),
				a.lockedAt(OffsetDateTime.now(clock)));
	}

	String totpSecret(String username) {
		return users.credentials(username).map(Users.Credentials::totpSecret).orElse(null);
	}
}
