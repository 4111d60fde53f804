package cn.deputylink.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

import cn.deputylink.shared.PersonalDataCipher;

/**
 * Delivers due outbox messages. Every node may run one at the same time: a message is sent only by
 * the node whose conditional update claimed it.
 *
 * <p>At most once, never twice: a message is claimed (committed) before it is sent, under a lease.
 * When a lease runs out the claimant died or hung mid-send, and nobody knows whether the message
 * left; it is then marked UNCERTAIN for an admin to judge — unless its channel is idempotent (the
 * receiver recognises a repeat by the outbox id), in which case it is simply sent again. Inbox
 * messages are written and marked SENT in one transaction, so they arrive exactly once.
 */
class Dispatcher {

	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

	/** Batches per run at most, so a run ends even when messages keep arriving. */
	private static final int MAX_BATCHES = 10;

	private final OutboxMessages outbox;

	private final Channels channels;

	private final PersonalDataCipher cipher;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final RetryPolicy retries;

	private final Duration lease;

	private final int batchSize;

	private final String node;

	Dispatcher(OutboxMessages outbox, Channels channels, PersonalDataCipher cipher, TransactionTemplate tx, Clock clock,
			RetryPolicy retries, Duration lease, int batchSize, String node) {
		this.outbox = outbox;
		this.channels = channels;
		this.cipher = cipher;
		this.tx = tx;
		this.clock = clock;
		this.retries = retries;
		this.lease = lease;
		this.batchSize = Math.max(1, batchSize);
		this.node = node;
	}

	String node() {
		return node;
	}

	/** One run: settles expired leases, then delivers what is due. Returns how many messages it delivered. */
	int dispatchOnce() {
		settleExpiredLeases();
		int delivered = 0;
		for (int batch = 0; batch < MAX_BATCHES; batch++) {
			List<OutboxMessages.Stored> due = outbox.due(now(), batchSize);
			for (OutboxMessages.Stored m : due) {
				try {
					if (deliver(m)) {
						delivered++;
					}
				}
				catch (DataAccessException ex) {
					// contention or a hiccup of the database: the row keeps its state for the next run
					log.warn("Outbox message {} skipped this run: {}", m.id(), ex.getMessage());
				}
			}
			if (due.size() < batchSize) {
				break;
			}
		}
		return delivered;
	}

	void settleExpiredLeases() {
		for (OutboxMessages.Stored m : outbox.expiredLeases(now(), 100)) {
			boolean idempotent = channels.of(m.medium()).idempotent();
			OutboxStatus next = OutboxStatus.afterExpiredLease(idempotent);
			String why = idempotent ? "lease of " + m.claimedBy() + " expired; sending again (idempotent channel)"
					: "lease of " + m.claimedBy() + " expired during the send; delivery unknown";
			if (outbox.expireLease(m.id(), next, now(), why)) {
				log.warn("Outbox message {} ({}): {}", m.id(), m.medium(), why);
			}
		}
	}

	private boolean deliver(OutboxMessages.Stored stored) {
		Channel channel = channels.of(stored.medium());
		OutboxMessage m;
		try {
			m = decrypt(stored);
		}
		catch (RuntimeException ex) {
			// a row this node cannot read (wrong key) is left for a node that can, or for an admin
			log.error("Outbox message {} cannot be read: {}", stored.id(), ex.getMessage());
			return false;
		}
		return channel.transactional() ? deliverInTransaction(m, channel) : deliverUnderLease(m, channel);
	}

	private boolean deliverInTransaction(OutboxMessage m, Channel channel) {
		try {
			Boolean done = tx.execute(status -> {
				if (!outbox.claimAsSent(m.id(), node, now())) {
					return false;
				}
				try {
					channel.send(m);
				}
				catch (Exception ex) {
					throw new SendFailed(ex);
				}
				outbox.setDeliveredVia(m.id(), channel.describe());
				return true;
			});
			return Boolean.TRUE.equals(done);
		}
		catch (SendFailed ex) {
			// the transaction rolled back: the row is PENDING as before; count the attempt
			int attempts = m.attempts() + 1;
			OutboxStatus next = retries.statusAfterFailure(attempts);
			outbox.markPendingAttemptFailed(m.id(), m.attempts(), next, retries.nextAttemptAt(now(), attempts),
					error(ex.getCause()));
			log.warn("Outbox message {} ({}) not delivered, attempt {} → {}: {}", m.id(), m.medium(), attempts, next,
					error(ex.getCause()));
			return false;
		}
	}

	/** A channel's failure inside the delivery transaction, told apart from the database's own. */
	private static final class SendFailed extends RuntimeException {

		private static final long serialVersionUID = 1L;

		SendFailed(Exception cause) {
			super(cause);
		}
	}

	private boolean deliverUnderLease(OutboxMessage m, Channel channel) {
		OffsetDateTime now = now();
		if (!outbox.claim(m.id(), node, now, now.plus(lease))) {
			return false;
		}
		int attempts = m.attempts() + 1;
		try {
			channel.send(m);
		}
		catch (Exception ex) {
			OutboxStatus next = retries.statusAfterFailure(attempts);
			if (!outbox.markAttemptFailed(m.id(), node, next, retries.nextAttemptAt(now(), attempts), error(ex))) {
				log.warn("Outbox message {} failed after its lease had been taken over", m.id());
			}
			log.warn("Outbox message {} ({}) via {} failed, attempt {} → {}: {}", m.id(), m.medium(), channel.describe(),
					attempts, next, error(ex));
			return false;
		}
		if (!outbox.markSent(m.id(), node, now())) {
			log.warn("Outbox message {} was sent, but its row had changed meanwhile (admin retry?)", m.id());
		}
		else {
			outbox.setDeliveredVia(m.id(), channel.describe());
		}
		return true;
	}

	private OutboxMessage decrypt(OutboxMessages.Stored s) {
		return new OutboxMessage(s.id(), s.medium(), cipher.decrypt(s.recipientCipher()), s.userId(), s.subject(), s.body(),
				s.link(), s.attempts());
	}

	/** In microseconds, as both databases store them: a time they round up would not be due yet. */
	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
	}

	private static String error(Throwable ex) {
		String text = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
		return text.length() <= 1000 ? text : text.substring(0, 1000);
	}
}
