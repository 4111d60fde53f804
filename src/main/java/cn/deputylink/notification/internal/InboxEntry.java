package cn.deputylink.notification.internal;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** One message in a user's inbox; {@code readAt} is null while it is unread. */
public record InboxEntry(long id, String subject, String body, @Nullable String link, OffsetDateTime createdAt,
		@Nullable OffsetDateTime readAt) {

	public boolean unread() {
		return readAt == null;
	}
}
