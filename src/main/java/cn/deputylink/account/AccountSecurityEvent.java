package cn.deputylink.account;

import org.jspecify.annotations.Nullable;

/**
 * A change to someone's credentials or a second-factor check outside the login
 * ({@code action}, such as {@code TOTP_RESET}), by {@code actor} on the account
 * {@code target}, for the audit log; {@code success} false for a refused code.
 */
public record AccountSecurityEvent(String actor, String action, String target, boolean success,
		@Nullable String detail) {
}
