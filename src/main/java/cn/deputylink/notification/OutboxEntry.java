package cn.deputylink.notification;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * An outbox message as county admins see it: the recipient masked (a phone as {@code 138****5678}),
 * the text left out (it may carry personal information), the delivery state in full.
 */
public record OutboxEntry(long id, Medium channel, @Nullable String recipient, @Nullable Long userId,
		@Nullable String subject, OutboxStatus status, int attempts, OffsetDateTime nextAttemptAt,
		@Nullable String claimedBy, @Nullable OffsetDateTime sentAt, @Nullable String lastError,
		OffsetDateTime createdAt) {
}
