package cn.deputylink.account.internal;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.AuthenticationException;

/** Lets the token endpoint pass a second-factor code the way the login form does. */
public final class LoginDetailsSupport {

	private LoginDetailsSupport() {
	}

	public static Object details(String remoteAddress, @Nullable String code) {
		return new TotpAuthenticationProvider.LoginDetails(remoteAddress, code == null ? "" : code.strip());
	}

	public static boolean isCodeRequired(AuthenticationException ex) {
		return ex instanceof TotpAuthenticationProvider.CodeRequiredException;
	}

	/** When a throttled address may try again; empty for other failures. */
	public static Optional<OffsetDateTime> retryAt(AuthenticationException ex) {
		return ex instanceof TotpAuthenticationProvider.ThrottledException t ? Optional.of(t.retryAt())
				: Optional.empty();
	}

}
