package cn.deputylink.notification.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.shared.NotFoundException;

/** The signed-in user's in-app messages. Nobody sees or touches another user's inbox. */
@Service
public class Inbox {

	private final InboxMessages messages;

	private final Clock clock;

	Inbox(InboxMessages messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	/**
	 * Newest first; {@code beforeId} for keyset paging (0: from the newest),
	 * {@code offset} for pages.
	 */
	public List<InboxEntry> list(CurrentUser user, long beforeId, int limit, int offset) {
		return messages.list(user.id(), beforeId, limit, offset);
	}

	public int count(CurrentUser user) {
		return messages.count(user.id());
	}

	public int unread(CurrentUser user) {
		return messages.unread(user.id());
	}

	/** Marks the message read; 404 when it is not this user's. */
	@Transactional
	public InboxEntry markRead(long id, CurrentUser user) {
		InboxEntry e = messages.find(id, user.id()).orElseThrow(() -> new NotFoundException("inbox message", id));
		messages.markRead(id, user.id(), OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS));
		return messages.find(id, user.id()).orElse(e);
	}

	/**
	 * Opens a message: marks it read and answers where it leads (null: nowhere in
	 * particular).
	 */
	@Transactional
	public @Nullable String open(long id, CurrentUser user) {
		return markRead(id, user).link();
	}

	@Transactional
	public int markAllRead(CurrentUser user) {
		return messages.markAllRead(user.id(), OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS));
	}

}
