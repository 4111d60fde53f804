package cn.deputylink.notification.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashSet;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.notification.Notifications;
import cn.deputylink.shared.TextInput;
import cn.deputylink.shared.PersonalDataCipher;

/**
 * {@link Notifications} as rows in the outbox, written with the caller's connection and
 * transaction.
 */
@Service
class OutboxNotifications implements Notifications {

	private final OutboxMessages outbox;

	private final PersonalDataCipher cipher;

	private final Clock clock;

	OutboxNotifications(OutboxMessages outbox, PersonalDataCipher cipher, Clock clock) {
		this.outbox = outbox;
		this.cipher = cipher;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void sms(String phone, @Nullable String recipientName, String text) {
		String name = TextInput.blankToNull(recipientName);
		outbox.insert(Medium.SMS, cipher.encrypt(required(phone, "phone")), name == null ? null : cut(name, 100), null,
				null, cut(required(text, "text"), 4000), null, now());
	}

	@Override
	@Transactional
	public void email(String address, String subject, String text) {
		outbox.insert(Medium.EMAIL, cipher.encrypt(required(address, "address")), null, null, cut(subject, 200),
				cut(required(text, "text"), 4000), null, now());
	}

	@Override
	@Transactional
	public void inbox(Collection<Long> userIds, String subject, String text, @Nullable String link) {
		String safeLink = appRelative(link);
		OffsetDateTime now = now();
		for (Long user : new LinkedHashSet<>(userIds)) {
			outbox.insert(Medium.INBOX, null, null, user, cut(required(subject, "subject"), 200),
					cut(text == null ? "" : text, 4000), safeLink, now);
		}
	}

	/** Only a path inside the application: an inbox link must never lead elsewhere. */
	static @Nullable String appRelative(@Nullable String link) {
		if (link == null || link.isBlank()) {
			return null;
		}
		String l = link.strip();
		if (!l.startsWith("/") || l.startsWith("//") || l.startsWith("/\\") || l.length() > 500) {
			throw new IllegalArgumentException("inbox link must be an app-relative path: " + l);
		}
		return l;
	}

	private static String required(@Nullable String s, String what) {
		if (s == null || s.isBlank()) {
			throw new IllegalArgumentException(what + " is required");
		}
		return s.strip();
	}

	private static String cut(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max);
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
	}

}
