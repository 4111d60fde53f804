package cn.deputylink.account;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/** Counts failed logins and locks an account after too many; a success clears the count. */
@Component
class LoginAttempts {

	private final Users users;

	private final SecuritySettings settings;

	private final Clock clock;

	LoginAttempts(Users users, SecuritySettings settings, Clock clock) {
		this.users = users;
		this.settings = settings;
		this.clock = clock;
	}

	@EventListener
	void failed(AuthenticationFailureBadCredentialsEvent event) {
		users.recordFailure(event.getAuthentication().getName(), settings.maxFailedLogins(),
				OffsetDateTime.now(clock).plus(settings.lockDuration()));
	}

	@EventListener
	void succeeded(AuthenticationSuccessEvent event) {
		users.recordSuccess(event.getAuthentication().getName());
	}
}
