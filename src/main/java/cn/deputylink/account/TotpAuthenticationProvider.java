package cn.deputylink.account;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AuthenticationDetailsSource;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Username and password, then — for users who enrolled it — the 6-digit code of their authenticator
 * app. A wrong code counts as a failed login (and towards the lockout); a missing one only asks for
 * it.
 */
class TotpAuthenticationProvider extends DaoAuthenticationProvider {

	/**
	 * The code a login form or token request carried, if any. Serializable because the session (in the
	 * database) keeps the authentication; the code itself is dropped once it has been checked.
	 */
	record LoginDetails(String remoteAddress, String code) implements java.io.Serializable {
	}

	static final class CodeRequiredException extends AuthenticationException {

		CodeRequiredException() {
			super("second factor required");
		}
	}

	static final class WrongCodeException extends BadCredentialsException {

		WrongCodeException() {
			super("wrong second-factor code");
		}
	}

	static AuthenticationDetailsSource<HttpServletRequest, LoginDetails> detailsSource() {
		return request -> new LoginDetails(request.getRemoteAddr(),
				request.getParameter("code") == null ? "" : request.getParameter("code").strip());
	}

	private final AccountDetailsService accounts;

	private final Clock clock;

	TotpAuthenticationProvider(AccountDetailsService accounts, PasswordEncoder encoder, Clock clock) {
		super(accounts);
		setPasswordEncoder(encoder);
		this.accounts = accounts;
		this.clock = clock;
	}

	@Override
	protected org.springframework.security.core.Authentication createSuccessAuthentication(Object principal,
			org.springframework.security.core.Authentication authentication, UserDetails user) {
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
		if (user instanceof CurrentUser u && u.totpEnabled()) {
			String code = auth.getDetails() instanceof LoginDetails d ? d.code() : "";
			if (code.isEmpty()) {
				throw new CodeRequiredException();
			}
			String secret = accounts.totpSecret(u.getUsername());
			if (secret == null || !Totp.verify(secret, code, clock.instant())) {
				throw new WrongCodeException();
			}
		}
	}
}
