package cn.deputylink.notification.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.Accounts;
import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.Masking;
import cn.deputylink.shared.NotFoundException;
import cn.deputylink.shared.PersonalDataCipher;

/**
 * The outbox as county admins watch it: what is waiting, what failed, what is uncertain;
 * and a retry.
 */
@Service
public class Outbox {

	private static final Pattern MOBILE = Pattern.compile("(?<![0-9])1[0-9]{10}(?![0-9])");

	private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9Xx])");

	private final OutboxMessages messages;

	private final PersonalDataCipher cipher;

	private final Clock clock;

	private final Channels channels;

	private final Accounts accounts;

	Outbox(OutboxMessages messages, PersonalDataCipher cipher, Clock clock, Channels channels, Accounts accounts) {
		this.messages = messages;
		this.cipher = cipher;
		this.clock = clock;
		this.channels = channels;
		this.accounts = accounts;
	}

	/** Newest first; any status when {@code status} is null. */
	public List<OutboxEntry> list(@Nullable OutboxStatus status, long beforeId, int limit, int offset) {
		CurrentUser me = CurrentUser.get();
		me.requireRole(Role.COUNTY_ADMIN);
		Map<Long, String> names = new HashMap<>();
		return messages.list(status, beforeId, limit, offset)
			.stream()
			.map(s -> entry(s,
					s.userId() == null ? s.recipientName()
							: names.computeIfAbsent(s.userId(), id -> accounts.get(id, me).displayName())))
			.toList();
	}

	/**
	 * The media that have no gateway or server behind them: their messages are written to
	 * the server log and marked sent, but reach nobody.
	 */
	public List<Medium> loggedOnly() {
		CurrentUser.get().requireRole(Role.COUNTY_ADMIN);
		return List.of(Medium.SMS, Medium.EMAIL).stream().filter(m -> channels.of(m).logsOnly()).toList();
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
		OutboxMessages.Stored s = messages.find(id).orElseThrow();
		return entry(s, s.recipientName());
	}

	private OutboxEntry entry(OutboxMessages.Stored s, @Nullable String recipientName) {
		String recipient = switch (s.medium()) {
			case SMS -> Masking.phone(cipher.decrypt(s.recipientCipher()));
			case EMAIL -> LogChannel.mask(cipher.decrypt(s.recipientCipher()));
			case INBOX -> null;
		};
		return new OutboxEntry(s.id(), s.medium(), recipient, s.userId(), s.subject(), s.status(), s.attempts(),
				s.nextAttemptAt(), s.claimedBy(), s.sentAt(), s.lastError(), s.createdAt(), recipientName,
				maskNumbers(s.body()), s.deliveredVia());
	}

	/**
	 * A text with the mobile and ID numbers in it masked: what a constituent typed may
	 * hold them.
	 */
	static String maskNumbers(String text) {
		String out = ID_NUMBER.matcher(text)
			.replaceAll(m -> Matcher.quoteReplacement(String.valueOf(Masking.idNumber(m.group()))));
		return MOBILE.matcher(out).replaceAll(m -> Matcher.quoteReplacement(String.valueOf(Masking.phone(m.group()))));
	}

}
