package cn.deputylink.account.internal;

import java.io.Serializable;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.OptionalLong;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

import cn.deputylink.account.CurrentUser;

/**
 * Username and password, then — for users who enrolled it — the 6-digit code of their
 * authenticator app, each code good once. A wrong or replayed code counts as a failed
 * login (towards the throttle, and in the audit log); a missing one only asks for it. An
 * address held off by {@link LoginThrottle} is refused before anything is checked, alike
 * for existing and unknown usernames; a disabled account fails like a wrong password,
 * after the password was checked, so neither answer nor timing tells it.
 */
class TotpAuthenticationProvider extends DaoAuthenticationProvider {

	/**
	 * The code a login form or token request carried, if any. Serializable because the
	 * session (in the database) keeps the authentication; the code itself is dropped once
	 * it has been checked.
	 */
	record LoginDetails(String remoteAddress, String code) implements Serializable {
	}

	static final class CodeRequiredException extends AuthenticationException {

		CodeRequiredException() {
			super("second factor required");
		}

	}

	static class WrongCodeException extends BadCredentialsException {

		WrongCodeException() {
			super("wrong second-factor code");
		}

		WrongCodeException(String message) {
			super(message);
		}

	}

	/** A right code that was used already: someone may have seen it. */
	static final class ReplayedCodeException extends WrongCodeException {

		ReplayedCodeException() {
			super("second-factor code used already");
		}

	}

	/**
	 * Too many failures for this username from this address: try again after
	 * {@code retryAt}.
	 */
	static final class ThrottledException extends LockedException {

		private final OffsetDateTime retryAt;

		ThrottledException(OffsetDateTime retryAt) {
			super("too many failed sign-ins from this address");
			this.retryAt = retryAt;
		}

		OffsetDateTime retryAt() {
			return retryAt;
		}

	}

	static AuthenticationDetailsSource<HttpServletRequest, LoginDetails> detailsSource() {
		return request -> new LoginDetails(request.getRemoteAddr(),
				request.getParameter("code") == null ? "" : request.getParameter("code").strip());
	}

	/**
	 * Spring's publisher maps exceptions to events by exact class: ours are added, so
	 * that a wrong code is a failed login to the throttle and the audit log, and a
	 * throttled attempt a locked one.
	 */
	static DefaultAuthenticationEventPublisher eventPublisher(ApplicationEventPublisher events) {
		var publisher = new DefaultAuthenticationEventPublisher(events);
		Map<Class<? extends AuthenticationException>, Class<? extends AbstractAuthenticationFailureEvent>> mappings = Map
			.of(WrongCodeException.class, AuthenticationFailureBadCredentialsEvent.class, ReplayedCodeException.class,
					AuthenticationFailureBadCredentialsEvent.class, ThrottledException.class,
					AuthenticationFailureLockedEvent.class);
		publisher.setAdditionalExceptionMappings(mappings);
		return publisher;
	}

	private final AccountDetailsService accounts;

	private final Users users;

	private final LoginThrottle throttle;

	private final Clock clock;

	TotpAuthenticationProvider(AccountDetailsService accounts, Users users, LoginThrottle throttle,
			PasswordEncoder encoder, Clock clock) {
		super(accounts);
		setPasswordEncoder(encoder);
		this.accounts = accounts;
		this.users = users;
		this.throttle = throttle;
		this.clock = clock;
		// nothing is said about the account before its password was checked
		setPreAuthenticationChecks(user -> {
		});
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		var blocked = throttle.blockedUntil(name(authentication), address(authentication));
		if (blocked.isPresent()) {
			throw new ThrottledException(blocked.get());
		}
		return super.authenticate(authentication);
	}

	static String name(Authentication a) {
		return a.getName() == null ? "" : a.getName();
	}

	static String address(Authentication a) {
		return a.getDetails() instanceof LoginDetails d ? d.remoteAddress() : "";
	}

	@Override
	protected Authentication createSuccessAuthentication(Object principal, Authentication authentication,
			UserDetails user) {
		var result = (UsernamePasswordAuthenticationToken) super.createSuccessAuthentication(principal, authentication,
				user);
		if (result.getDetails() instanceof LoginDetails d) {
			result.setDetails(new LoginDetails(d.remoteAddress(), ""));
		}
		return result;
	}

	@Override
	protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken auth) {
		super.additionalAuthenticationChecks(user, auth);
		if (!user.isEnabled()) {
			throw new BadCredentialsException("account disabled");
		}
		if (user instanceof CurrentUser u && u.totpEnabled()) {
			String code = auth.getDetails() instanceof LoginDetails d ? d.code() : "";
			if (code.isEmpty()) {
				throw new CodeRequiredException();
			}
			checkCode(u.id(), code);
		}
	}

	/**
	 * Accepts {@code code} once: its step is claimed in the database, so no node accepts
	 * it again.
	 */
	private void checkCode(long userId, @Nullable String code) {
		String secret = accounts.totpSecret(userId);
		OptionalLong step = secret == null ? OptionalLong.empty() : Totp.matchingStep(secret, code, clock.instant());
		if (step.isEmpty()) {
			throw new WrongCodeException();
		}
		if (!users.claimTotpStep(userId, step.getAsLong())) {
			throw new ReplayedCodeException();
		}
	}

}
