package cn.deputylink.notification.internal;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.deputylink.shared.Masking;

/**
 * Writes SMS and email to the log instead of sending them: the default while no gateway
 * or mail server is configured, so that the demo works. Recipients are logged masked.
 */
class LogChannel implements Channel {

	private static final Logger log = LoggerFactory.getLogger(LogChannel.class);

	/** How the outbox records a message this channel "sent". */
	static final String LOG = "log";

	private final Medium medium;

	LogChannel(Medium medium) {
		this.medium = medium;
	}

	@Override
	public void send(OutboxMessage m) {
		log.info("[{} not sent: no {} configured] #{} to {}: {}{}", medium,
				medium == Medium.SMS ? "SMS gateway" : "mail server", m.id(), mask(m.recipient()),
				m.subject() == null ? "" : m.subject() + " — ", m.body());
	}

	static String mask(@Nullable String recipient) {
		if (recipient == null) {
			return "";
		}
		int at = recipient.indexOf('@');
		if (at > 0) {
			return recipient.charAt(0) + "***" + recipient.substring(at);
		}
		String masked = Masking.phone(recipient);
		return masked == null ? "" : masked;
	}

	/** Logging twice does no harm. */
	@Override
	public boolean idempotent() {
		return true;
	}

	@Override
	public String describe() {
		return LOG;
	}

	@Override
	public boolean logsOnly() {
		return true;
	}

}
