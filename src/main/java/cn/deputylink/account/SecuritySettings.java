package cn.deputylink.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code deputylink.security.*}: lockout after {@code maxFailedLogins} failures for
 * {@code lockDuration}; API tokens expire after {@code tokenIdleTimeout} unused and
 * {@code tokenMaxLifetime} at most; {@code totpRequiredForAdmins} makes county admins enrol a second
 * factor before they can work.
 */
@ConfigurationProperties("deputylink.security")
public record SecuritySettings(int maxFailedLogins, Duration lockDuration, Duration tokenIdleTimeout,
		Duration tokenMaxLifetime, boolean totpRequiredForAdmins) {
}
