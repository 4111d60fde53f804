package cn.deputylink.notification.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code deputylink.notifications.*}: the dispatcher runs every {@code dispatchInterval}
 * (unless {@code dispatcherEnabled} is false) and takes up to {@code batchSize} due
 * messages at a time, holding each under a {@code lease} while it sends; failures wait
 * {@code backoffBase · 2^n} (at most {@code backoffCap}) and fail for good after
 * {@code maxAttempts}. SMS and email go out {@code parallelism} at a time.
 */
@ConfigurationProperties("deputylink.notifications")
record NotificationSettings(boolean dispatcherEnabled, Duration dispatchInterval, int maxAttempts, int batchSize,
		Duration lease, Duration backoffBase, Duration backoffCap, @DefaultValue("16") int parallelism) {

	RetryPolicy retryPolicy() {
		return new RetryPolicy(backoffBase, backoffCap, maxAttempts);
	}
}
