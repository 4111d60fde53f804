package cn.deputylink.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionTemplate;

import cn.deputylink.shared.PersonalDataCipher;

/**
 * Delivers due outbox messages. Every node may run one at the same time: a message is
 * sent only by the node whose conditional update claimed it.
 *
 * <p>
 * At most once, never twice: a message is claimed (committed) before it is sent, under a
 * lease. When a lease runs out the claimant died or hung mid-send, and nobody knows
 * whether the message left; it is then marked UNCERTAIN for an admin to judge — unless
 * its channel is idempotent (the receiver recognises a repeat by the outbox id), in which
 * case it is simply sent again. Inbox messages are written and marked SENT in one
 * transaction, so they arrive exactly once.
 *
 * <p>
 * Batches: the due messages of a batch are claimed in one statement and one commit; inbox
 * messages are then written with one insert in the claiming transaction, and SMS and
 * email are sent in parallel on a bounded pool ({@code parallelism}) and settled with one
 * update. A send never waits behind another medium's, and a slow gateway costs its
 * latency once per batch, not once per message.
 */
class Dispatcher {

	private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

	/** Batches per run at most, so a run ends even when messages keep arriving. */
	private static final int MAX_BATCHES = 50;

	private final OutboxMessages outbox;

	private final Channels channels;

	private final PersonalDataCipher cipher;

	// programmatic: the dispatcher is no proxied bean (tests build several against one
	// database), and a failed send must roll back only its own batch
	private final TransactionTemplate tx;

	private final Clock clock;

	private final RetryPolicy retries;

	private final Duration lease;

	private final int batchSize;

	private final String node;

	private final ThreadPoolExecutor senders;

	Dispatcher(OutboxMessages outbox, Channels channels, PersonalDataCipher cipher, TransactionTemplate tx, Clock clock,
			RetryPolicy retries, Duration lease, int batchSize, String node) {
		this(outbox, channels, cipher, tx, clock, retries, lease, batchSize, node, 8);
	}

	Dispatcher(OutboxMessages outbox, Channels channels, PersonalDataCipher cipher, TransactionTemplate tx, Clock clock,
			RetryPolicy retries, Duration lease, int batchSize, String node, int parallelism) {
		this.outbox = outbox;
		this.channels = channels;
		this.cipher = cipher;
		this.tx = tx;
		this.clock = clock;
		this.retries = retries;
		this.lease = lease;
		this.batchSize = Math.max(1, batchSize);
		this.node = node;
		int threads = Math.max(1, parallelism);
		AtomicInteger n = new AtomicInteger();
		this.senders = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
				r -> {
					Thread t = new Thread(r, "outbox-send-" + n.incrementAndGet());
					t.setDaemon(true);
					return t;
				});
		this.senders.allowCoreThreadTimeOut(true);
	}

	String node() {
		return node;
	}

	/**
	 * One run: settles expired leases, then delivers what is due. Returns how many
	 * messages it delivered.
	 */
	int dispatchOnce() {
		settleExpiredLeases();
		return deliverDue();
	}

	/**
	 * Delivers what is due, batch by batch. A batch costs two commits however many
	 * messages it holds: one reads the due rows, delivers the inbox messages and claims
	 * the rest under a lease; the other, after the parallel sends, marks them sent.
	 */
	int deliverDue() {
		int delivered = 0;
		for (int batch = 0; batch < MAX_BATCHES; batch++) {
			Map<Channel, List<OutboxMessage>> inTransaction = new LinkedHashMap<>();
			Map<Channel, List<OutboxMessage>> underLease = new LinkedHashMap<>();
			Map<Channel, List<Long>> claimed = new LinkedHashMap<>();
			int[] due = { 0 };
			int inboxDelivered;
			try {
				Integer done = tx.execute(status -> {
					inTransaction.clear();
					underLease.clear();
					claimed.clear();
					List<OutboxMessages.Stored> rows = outbox.due(now(), batchSize);
					due[0] = rows.size();
					partition(rows, inTransaction, underLease);
					int n = 0;
					for (var e : inTransaction.entrySet()) {
						n += claimAndDeliver(e.getValue(), e.getKey());
					}
					OffsetDateTime now = now();
					for (var e : underLease.entrySet()) {
						claimed.put(e.getKey(), outbox.claimAll(ids(e.getValue()), node, now, now.plus(lease)));
					}
					return n;
				});
				inboxDelivered = done == null ? 0 : done;
			}
			catch (SendFailed ex) {
				// a transactional channel failed: the whole batch rolled back; each part
				// again on its own, so that the failure counts against the message that
				// caused it
				claimed.clear();
				inboxDelivered = 0;
				for (var e : inTransaction.entrySet()) {
					inboxDelivered += guarded(() -> deliverInTransaction(e.getValue(), e.getKey()), 0);
				}
				OffsetDateTime now = now();
				for (var e : underLease.entrySet()) {
					claimed.put(e.getKey(), guarded(
							() -> tx.execute(st -> outbox.claimAll(ids(e.getValue()), node, now, now.plus(lease))),
							List.of()));
				}
			}
			catch (DataAccessException ex) {
				// contention or a hiccup of the database: the rows keep their state for
				// the next run
				log.warn("Outbox batch skipped this run: {}", ex.getMessage());
				break;
			}
			delivered += inboxDelivered;
			List<Sending> sending = new ArrayList<>();
			for (var e : underLease.entrySet()) {
				sending.addAll(submit(e.getValue(), e.getKey(), claimed.getOrDefault(e.getKey(), List.of())));
			}
			delivered += settle(sending);
			if (due[0] < batchSize) {
				break;
			}
		}
		return delivered;
	}

	private void partition(List<OutboxMessages.Stored> rows, Map<Channel, List<OutboxMessage>> inTransaction,
			Map<Channel, List<OutboxMessage>> underLease) {
		for (OutboxMessages.Stored stored : rows) {
			Channel channel = channels.of(stored.medium());
			OutboxMessage m;
			try {
				m = decrypt(stored);
			}
			catch (RuntimeException ex) {
				// a row this node cannot read (wrong key) is left for a node that can, or
				// for an admin
				log.error("Outbox message {} cannot be read: {}", stored.id(), ex.getMessage());
				continue;
			}
			(channel.transactional() ? inTransaction : underLease).computeIfAbsent(channel, c -> new ArrayList<>())
				.add(m);
		}
	}

	private static List<Long> ids(List<OutboxMessage> messages) {
		return messages.stream().map(OutboxMessage::id).toList();
	}

	private static <T> T guarded(Supplier<T> step, T skipped) {
		try {
			return step.get();
		}
		catch (DataAccessException ex) {
			// contention or a hiccup of the database: the rows keep their state for the
			// next run
			log.warn("Outbox batch skipped this run: {}", ex.getMessage());
			return skipped;
		}
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

	/**
	 * Claims and delivers many messages of a transactional channel in one transaction.
	 * When the channel fails the batch rolls back and each message is tried alone, so
	 * that the failure counts against the message that caused it.
	 */
	private int deliverInTransaction(List<OutboxMessage> batch, Channel channel) {
		try {
			Integer done = tx.execute(status -> claimAndDeliver(batch, channel));
			return done == null ? 0 : done;
		}
		catch (SendFailed ex) {
			if (batch.size() == 1) {
				countFailure(batch.get(0), ex);
				return 0;
			}
			int delivered = 0;
			for (OutboxMessage m : batch) {
				delivered += guarded(() -> deliverInTransaction(List.of(m), channel), 0);
			}
			return delivered;
		}
	}

	/**
	 * Claims the batch as SENT and delivers what the claim won; in the caller's
	 * transaction.
	 */
	private int claimAndDeliver(List<OutboxMessage> batch, Channel channel) {
		Map<Long, OutboxMessage> byId = new LinkedHashMap<>();
		batch.forEach(m -> byId.put(m.id(), m));
		List<Long> won = outbox.claimAllAsSent(byId.keySet(), node, now(), channel.describe());
		List<OutboxMessage> delivering = new ArrayList<>();
		for (long id : won) {
			delivering.add(Objects.requireNonNull(byId.get(id)));
		}
		try {
			channel.sendAll(delivering);
		}
		catch (Exception ex) {
			throw new SendFailed(ex);
		}
		return won.size();
	}

	private void countFailure(OutboxMessage m, SendFailed ex) {
		// the transaction rolled back: the row is PENDING as before; count the attempt
		int attempts = m.attempts() + 1;
		OutboxStatus next = retries.statusAfterFailure(attempts);
		outbox.markPendingAttemptFailed(m.id(), m.attempts(), next, retries.nextAttemptAt(now(), attempts),
				error(ex.failure()));
		log.warn("Outbox message {} ({}) not delivered, attempt {} → {}: {}", m.id(), m.medium(), attempts, next,
				error(ex.failure()));
	}

	/**
	 * A channel's failure inside the delivery transaction, told apart from the database's
	 * own.
	 */
	private static final class SendFailed extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final Exception failure;

		SendFailed(Exception cause) {
			super(cause);
			this.failure = cause;
		}

		Exception failure() {
			return failure;
		}

	}

	/** A message claimed under a lease and handed to the pool. */
	private record Sending(OutboxMessage message, Channel channel, Future<?> send) {
	}

	/**
	 * Hands each message its claim won (committed: a crash from here on never sends
	 * twice) to the send pool.
	 */
	private List<Sending> submit(List<OutboxMessage> batch, Channel channel, List<Long> won) {
		Map<Long, OutboxMessage> byId = new LinkedHashMap<>();
		batch.forEach(m -> byId.put(m.id(), m));
		List<Sending> sending = new ArrayList<>();
		for (long id : won) {
			OutboxMessage m = Objects.requireNonNull(byId.get(id));
			Callable<Void> send = () -> {
				channel.send(m);
				return null;
			};
			sending.add(new Sending(m, channel, senders.submit(send)));
		}
		return sending;
	}

	/**
	 * Waits for the sends and records their outcomes: the successes of one channel in one
	 * update.
	 */
	private int settle(List<Sending> sending) {
		Map<Channel, List<Long>> sent = new LinkedHashMap<>();
		for (Sending s : sending) {
			OutboxMessage m = s.message();
			try {
				s.send().get();
				sent.computeIfAbsent(s.channel(), c -> new ArrayList<>()).add(m.id());
			}
			catch (InterruptedException ex) {
				// the row stays SENDING: its lease runs out and it becomes UNCERTAIN,
				// never sent twice
				Thread.currentThread().interrupt();
				return 0;
			}
			catch (ExecutionException ex) {
				Throwable cause = ex.getCause() == null ? ex : ex.getCause();
				int attempts = m.attempts() + 1;
				OutboxStatus next = retries.statusAfterFailure(attempts);
				try {
					if (!outbox.markAttemptFailed(m.id(), node, next, retries.nextAttemptAt(now(), attempts),
							error(cause))) {
						log.warn("Outbox message {} failed after its lease had been taken over", m.id());
					}
				}
				catch (DataAccessException dx) {
					log.warn("Outbox message {} failed and could not be marked: {}", m.id(), dx.getMessage());
				}
				log.warn("Outbox message {} ({}) via {} failed, attempt {} → {}: {}", m.id(), m.medium(),
						s.channel().describe(), attempts, next, error(cause));
			}
		}
		int delivered = 0;
		for (var e : sent.entrySet()) {
			List<Long> ids = e.getValue();
			delivered += ids.size();
			try {
				int settled = outbox.markAllSent(ids, node, now(), e.getKey().describe());
				if (settled < ids.size()) {
					log.warn("{} outbox messages were sent, but their rows had changed meanwhile (admin retry?)",
							ids.size() - settled);
				}
			}
			catch (DataAccessException ex) {
				// sent all the same; the rows stay SENDING and become UNCERTAIN, never
				// sent twice
				log.warn("{} outbox messages were sent but could not be marked: {}", ids.size(), ex.getMessage());
			}
		}
		return delivered;
	}

	private OutboxMessage decrypt(OutboxMessages.Stored s) {
		return new OutboxMessage(s.id(), s.medium(), cipher.decrypt(s.recipientCipher()), s.userId(), s.subject(),
				s.body(), s.link(), s.attempts());
	}

	/**
	 * In microseconds, as both databases store them: a time they round up would not be
	 * due yet.
	 */
	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
	}

	private static String error(Throwable ex) {
		String text = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
		return text.length() <= 1000 ? text : text.substring(0, 1000);
	}

}
