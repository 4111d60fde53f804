package cn.deputylink.notification.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code deputylink.notifications.*}: the dispatcher runs every {@code dispatchInterval} (unless
 * {@code dispatcherEnabled} is false) and takes up to {@code batchSize} due messages at a time,
 * holding each under a {@code lease} while it sends; failures wait {@code backoffBase · 2^n} (at most
 * {@code backoffCap}) and fail for good after {@code maxAttempts}.
 */
@ConfigurationProperties("deputylink.notifications")
record NotificationSettings(boolean dispatcherEnabled, Duration dispatchInterval, int maxAttempts, int batchSize,
		Duration lease, Duration backoffBase, Duration backoffCap) {

	RetryPolicy retryPolicy() {
		return new RetryPolicy(backoffBase, backoffCap, maxAttempts);
	}
}
