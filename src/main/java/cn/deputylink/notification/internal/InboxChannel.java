package cn.deputylink.notification.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * In-app messages: a row in the owner's inbox, written in the dispatcher's transaction.
 */
class InboxChannel implements Channel {

	private final InboxMessages inbox;

	private final Clock clock;

	InboxChannel(InboxMessages inbox, Clock clock) {
		this.inbox = inbox;
		this.clock = clock;
	}

	@Override
	public void send(OutboxMessage m) {
		inbox.insert(Objects.requireNonNull(m.userId(), "inbox message without user"), m.id(),
				m.subject() == null ? "" : m.subject(), m.body(), m.link(),
				OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS));
	}

	/** One insert for the whole batch. */
	@Override
	public void sendAll(List<OutboxMessage> messages) {
		OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
		inbox.insertAll(messages.stream()
			.map(m -> new InboxMessages.NewEntry(Objects.requireNonNull(m.userId(), "inbox message without user"),
					m.id(), m.subject() == null ? "" : m.subject(), m.body(), m.link()))
			.toList(), now);
	}

	@Override
	public boolean transactional() {
		return true;
	}

	@Override
	public String describe() {
		return "inbox";
	}

}
