package cn.deputylink.notification;

import java.util.Collection;
import org.jspecify.annotations.Nullable;

/**
 * Queues messages in the outbox. Every method joins the caller's transaction: when the
 * caller's change rolls back, so does the message. Texts are final (already localised by
 * the caller).
 */
public interface Notifications {

	/** An SMS to a phone number (stored encrypted in the outbox). */
	default void sms(String phone, String text) {
		sms(phone, null, text);
	}

	/**
	 * An SMS to a phone number (stored encrypted), with the recipient's name when the
	 * caller knows it, so that the outbox page can say whom it went to.
	 */
	void sms(String phone, @Nullable String recipientName, String text);

	/** An email to an address. */
	void email(String address, String subject, String text);

	/**
	 * An in-app inbox message to each of these users; {@code link} is an app-relative URL
	 * or null.
	 */
	void inbox(Collection<Long> userIds, String subject, String text, @Nullable String link);

}
