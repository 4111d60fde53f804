package cn.deputylink.notification.internal;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Exponential backoff after a failed send: {@code base · 2^(attempts-1)}, at most
 * {@code cap}; the message fails for good once {@code maxAttempts} sends have failed.
 */
record RetryPolicy(Duration base, Duration cap, int maxAttempts) {

	RetryPolicy {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("deputylink.notifications.max-attempts must be at least 1");
		}
		if (base.isNegative() || cap.compareTo(base) < 0) {
			throw new IllegalArgumentException("backoff-cap must not be below backoff-base");
		}
	}

	/** The wait after the {@code attempts}-th failed send (1 = the first). */
	Duration delayAfter(int attempts) {
		int doublings = Math.max(0, attempts - 1);
		// 2^62 would overflow any duration long before; the cap wins much earlier in
		// practice
		if (doublings >= 62) {
			return cap;
		}
		long factor = 1L << doublings;
		Duration d = base.getSeconds() > Long.MAX_VALUE / factor ? cap : base.multipliedBy(factor);
		return d.compareTo(cap) > 0 ? cap : d;
	}

	/** The status after the {@code attempts}-th failed send. */
	OutboxStatus statusAfterFailure(int attempts) {
		return attempts >= maxAttempts ? OutboxStatus.FAILED : OutboxStatus.PENDING;
	}

	OffsetDateTime nextAttemptAt(OffsetDateTime now, int attempts) {
		return now.plus(delayAfter(attempts));
	}
}
