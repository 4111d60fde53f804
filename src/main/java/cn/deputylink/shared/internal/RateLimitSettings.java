package cn.deputylink.shared.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code deputylink.rate-limits.*}: how many requests of each kind one subject may make
 * in one window ({@code limit} per {@code window}). {@code submissions}, {@code tracking}
 * (lookups by tracking code, feedback included) and {@code logins} count per client
 * address; {@code smsPerPhone} counts the tracking-code SMS of public submissions per
 * phone number, per day by default. {@code enabled=false} switches every limit off.
 */
@ConfigurationProperties("deputylink.rate-limits")
public record RateLimitSettings(boolean enabled, Limit submissions, Limit tracking, Limit logins, Limit smsPerPhone) {

	public RateLimitSettings {
		for (Limit l : new Limit[] { submissions, tracking, logins, smsPerPhone }) {
			if (l == null || l.limit() < 1 || l.window() == null || l.window().toMillis() < 1000) {
				throw new IllegalStateException(
						"deputylink.rate-limits: every limit needs limit >= 1 and window >= 1s");
			}
		}
	}

	/** At most {@code limit} hits in one {@code window}. */
	public record Limit(int limit, Duration window) {
	}
}
