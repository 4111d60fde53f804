package cn.deputylink.notification.internal;

import org.jspecify.annotations.Nullable;

/**
 * One outbox message as a channel sends it: {@code recipient} is the decrypted phone
 * number or address (null for the inbox), {@code userId} the inbox owner.
 */
record OutboxMessage(long id, Medium medium, @Nullable String recipient, @Nullable Long userId,
		@Nullable String subject, String body, @Nullable String link, int attempts) {
}
