package cn.deputylink.notification.internal;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * An outbox message as county admins see it: the recipient by name where known (an inbox
 * user's name, a constituent's) and its number masked ({@code 138****5678}), the text
 * with phone and ID numbers masked, the delivery state in full. {@code deliveredVia}
 * names what delivered a SENT message; {@link #loggedOnly()} tells one that only went to
 * the server log.
 */
public record OutboxEntry(long id, Medium channel, @Nullable String recipient, @Nullable Long userId,
		@Nullable String subject, OutboxStatus status, int attempts, OffsetDateTime nextAttemptAt,
		@Nullable String claimedBy, @Nullable OffsetDateTime sentAt, @Nullable String lastError,
		OffsetDateTime createdAt, @Nullable String recipientName, String text, @Nullable String deliveredVia) {

	/**
	 * Marked SENT, but no gateway or mail server was configured: it was written to the
	 * log, not sent.
	 */
	public boolean loggedOnly() {
		return status == OutboxStatus.SENT && LogChannel.LOG.equals(deliveredVia);
	}
}
