package cn.deputylink.notification;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.Masking;
import cn.deputylink.shared.NotFoundException;
import cn.deputylink.shared.PersonalDataCipher;

/** The outbox as county admins watch it: what is waiting, what failed, what is uncertain; and a retry. */
@Service
public class Outbox {

	private final OutboxMessages messages;

	private final PersonalDataCipher cipher;

	private final Clock clock;

	Outbox(OutboxMessages messages, PersonalDataCipher cipher, Clock clock) {
		this.messages = messages;
		this.cipher = cipher;
		this.clock = clock;
	}

	/** Newest first; any status when {@code status} is null. */
	public List<OutboxEntry> list(@Nullable OutboxStatus status, long beforeId, int limit, int offset) {
		CurrentUser.get().requireRole(Role.COUNTY_ADMIN);
		return messages.list(status, beforeId, limit, offset).stream().map(this::entry).toList();
	}

	public int count(@Nullable OutboxStatus status) {
		CurrentUser.get().requireRole(Role.COUNTY_ADMIN);
		return messages.count(status);
	}

	/** Sends a FAILED or UNCERTAIN message again (409 in any other status). */
	@Transactional
	public OutboxEntry retry(long id) {
		CurrentUser.get().requireRole(Role.COUNTY_ADMIN);
		OutboxMessages.Stored m = messages.find(id).orElseThrow(() -> new NotFoundException("outbox message", id));
		if (!m.status().retryable() || !messages.retry(id, OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS))) {
			throw new ConflictException("outbox.notRetryable", m.status().name());
		}
		return entry(messages.find(id).orElseThrow());
	}

	private OutboxEntry entry(OutboxMessages.Stored s) {
		String recipient = switch (s.medium()) {
			case SMS -> Masking.phone(cipher.decrypt(s.recipientCipher()));
			case EMAIL -> LogChannel.mask(cipher.decrypt(s.recipientCipher()));
			case INBOX -> null;
		};
		return new OutboxEntry(s.id(), s.medium(), recipient, s.userId(), s.subject(), s.status(), s.attempts(),
				s.nextAttemptAt(), s.claimedBy(), s.sentAt(), s.lastError(), s.createdAt());
	}
}
