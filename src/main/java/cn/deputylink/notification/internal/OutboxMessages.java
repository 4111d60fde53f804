package cn.deputylink.notification.internal;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code outbox_message} table. Every change of state is a conditional update whose
 * row count says whether this caller won: that is what keeps two nodes from sending one
 * message.
 */
@Repository
class OutboxMessages {

	/** A row as stored; the recipient is still encrypted. */
	record Stored(long id, Medium medium, @Nullable String recipientCipher, @Nullable Long userId,
			@Nullable String subject, String body, @Nullable String link, OutboxStatus status, int attempts,
			OffsetDateTime nextAttemptAt, @Nullable OffsetDateTime leaseUntil, @Nullable String claimedBy,
			@Nullable OffsetDateTime sentAt, @Nullable String lastError, OffsetDateTime createdAt,
			@Nullable String recipientName, @Nullable String deliveredVia) {
	}

	private static final RowMapper<Stored> STORED = (rs, i) -> new Stored(rs.getLong("id"),
			Medium.valueOf(rs.getString("channel")), rs.getString("recipient"),
			(Long) rs.getObject("user_id", Long.class), rs.getString("subject"), rs.getString("body"),
			rs.getString("link"), OutboxStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
			rs.getObject("next_attempt_at", OffsetDateTime.class), rs.getObject("lease_until", OffsetDateTime.class),
			rs.getString("claimed_by"), rs.getObject("sent_at", OffsetDateTime.class), rs.getString("last_error"),
			rs.getObject("created_at", OffsetDateTime.class), rs.getString("recipient_name"),
			rs.getString("delivered_via"));

	private final JdbcClient jdbc;

	private final DispatchSignal signal;

	OutboxMessages(JdbcClient jdbc, DispatchSignal signal) {
		this.jdbc = jdbc;
		this.signal = signal;
	}

	long insert(Medium medium, @Nullable String recipientCipher, @Nullable String recipientName, @Nullable Long userId,
			@Nullable String subject, String body, @Nullable String link, OffsetDateTime now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						insert into outbox_message (channel, recipient, recipient_name, user_id, subject, body, link, status,
						  attempts, next_attempt_at, created_at)
						values (:channel, :recipient, :recipientName, :userId, :subject, :body, :link, 'PENDING', 0, :now, :now)""")
			.param("channel", medium.name())
			.param("recipient", recipientCipher)
			.param("recipientName", recipientName)
			.param("userId", userId)
			.param("subject", subject)
			.param("body", body)
			.param("link", link)
			.param("now", now)
			.update(keys, "id");
		signal.raiseAfterCommit();
		return Objects.requireNonNull(keys.getKey(), "no generated id").longValue();
	}

	Optional<Stored> find(long id) {
		return jdbc.sql("select * from outbox_message where id = :id").param("id", id).query(STORED).optional();
	}

	/** PENDING messages whose time has come, oldest first. */
	List<Stored> due(OffsetDateTime now, int limit) {
		return jdbc
			.sql("select * from outbox_message where status = 'PENDING' and next_attempt_at <= :now "
					+ "order by next_attempt_at, id limit :limit")
			.param("now", now)
			.param("limit", limit)
			.query(STORED)
			.list();
	}

	/** Messages some node claimed and did not finish before its lease ran out. */
	List<Stored> expiredLeases(OffsetDateTime now, int limit) {
		return jdbc.sql(
				"select * from outbox_message where status = 'SENDING' and lease_until < :now order by id limit :limit")
			.param("now", now)
			.param("limit", limit)
			.query(STORED)
			.list();
	}

	/**
	 * PENDING → SENDING under a lease, counting the attempt; false when another node was
	 * first.
	 */
	boolean claim(long id, String node, OffsetDateTime now, OffsetDateTime leaseUntil) {
		return jdbc.sql("""
				update outbox_message set status = 'SENDING', attempts = attempts + 1, lease_until = :lease,
				  claimed_by = :node
				where id = :id and status = 'PENDING' and next_attempt_at <= :now""")
			.param("lease", leaseUntil)
			.param("node", node)
			.param("id", id)
			.param("now", now)
			.update() == 1;
	}

	/**
	 * PENDING → SENDING under one lease for many messages in one statement; returns the
	 * ids this caller won (the others were claimed by another node first). Call it in a
	 * transaction: the claim and the question which rows it took must see the same state.
	 */
	List<Long> claimAll(Collection<Long> ids, String node, OffsetDateTime now, OffsetDateTime leaseUntil) {
		if (ids.isEmpty()) {
			return List.of();
		}
		jdbc.sql("""
				update outbox_message set status = 'SENDING', attempts = attempts + 1, lease_until = :lease,
				  claimed_by = :node
				where id in (:ids) and status = 'PENDING' and next_attempt_at <= :now""")
			.param("lease", leaseUntil)
			.param("node", node)
			.param("ids", ids)
			.param("now", now)
			.update();
		// the node name is unique to one dispatcher and the lease to one claim of it:
		// these rows are ours
		return jdbc
			.sql("select id from outbox_message where id in (:ids) and status = 'SENDING' and claimed_by = :node "
					+ "and lease_until = :lease order by id")
			.param("ids", ids)
			.param("node", node)
			.param("lease", leaseUntil)
			.query(Long.class)
			.list();
	}

	/**
	 * PENDING → SENT at once for many messages delivered in this same transaction;
	 * returns the ids this caller won. Call it in the delivery's transaction.
	 */
	List<Long> claimAllAsSent(Collection<Long> ids, String node, OffsetDateTime now, String via) {
		if (ids.isEmpty()) {
			return List.of();
		}
		jdbc.sql("""
				update outbox_message set status = 'SENT', attempts = attempts + 1, sent_at = :now, claimed_by = :node,
				  lease_until = null, last_error = null, delivered_via = :via
				where id in (:ids) and status = 'PENDING' and next_attempt_at <= :now""")
			.param("now", now)
			.param("node", node)
			.param("via", cut(via, 100))
			.param("ids", ids)
			.update();
		return jdbc
			.sql("select id from outbox_message where id in (:ids) and status = 'SENT' and claimed_by = :node "
					+ "and sent_at = :now order by id")
			.param("ids", ids)
			.param("node", node)
			.param("now", now)
			.query(Long.class)
			.list();
	}

	/**
	 * The claimant reports many successful sends through {@code via} at once; returns how
	 * many rows it settled.
	 */
	int markAllSent(Collection<Long> ids, String node, OffsetDateTime now, String via) {
		if (ids.isEmpty()) {
			return 0;
		}
		return jdbc.sql("""
				update outbox_message set status = 'SENT', sent_at = :now, lease_until = null, last_error = null,
				  delivered_via = :via
				where id in (:ids) and claimed_by = :node and status in ('SENDING', 'UNCERTAIN')""")
			.param("now", now)
			.param("via", cut(via, 100))
			.param("ids", ids)
			.param("node", node)
			.update();
	}

	/** The claimant reports a failed send: PENDING again at {@code next}, or FAILED. */
	boolean markAttemptFailed(long id, String node, OutboxStatus status, OffsetDateTime next, String error) {
		return jdbc
			.sql("""
					update outbox_message set status = :status, next_attempt_at = :next, lease_until = null, last_error = :error
					where id = :id and claimed_by = :node and status = 'SENDING'""")
			.param("status", status.name())
			.param("next", next)
			.param("error", error)
			.param("id", id)
			.param("node", node)
			.update() == 1;
	}

	/**
	 * A failed delivery that never left PENDING (a transactional channel rolled back):
	 * count it.
	 */
	boolean markPendingAttemptFailed(long id, int attemptsBefore, OutboxStatus status, OffsetDateTime next,
			String error) {
		return jdbc.sql("""
				update outbox_message set status = :status, attempts = attempts + 1, next_attempt_at = :next,
				  last_error = :error
				where id = :id and status = 'PENDING' and attempts = :before""")
			.param("status", status.name())
			.param("next", next)
			.param("error", error)
			.param("id", id)
			.param("before", attemptsBefore)
			.update() == 1;
	}

	/**
	 * SENDING with an expired lease → {@code status} (UNCERTAIN, or PENDING for an
	 * idempotent channel).
	 */
	boolean expireLease(long id, OutboxStatus status, OffsetDateTime now, String error) {
		return jdbc.sql("""
				update outbox_message set status = :status, next_attempt_at = :now, last_error = :error
				where id = :id and status = 'SENDING' and lease_until < :now""")
			.param("status", status.name())
			.param("now", now)
			.param("error", error)
			.param("id", id)
			.update() == 1;
	}

	/**
	 * An admin sends a FAILED or UNCERTAIN message again, with a fresh set of attempts.
	 */
	boolean retry(long id, OffsetDateTime now) {
		return jdbc.sql("""
				update outbox_message set status = 'PENDING', attempts = 0, next_attempt_at = :now, lease_until = null,
				  claimed_by = null
				where id = :id and status in ('FAILED', 'UNCERTAIN')""")
			.param("now", now)
			.param("id", id)
			.update() == 1;
	}

	List<Stored> list(@Nullable OutboxStatus status, long beforeId, int limit, int offset) {
		return jdbc
			.sql("select * from outbox_message where 1 = 1" + (status != null ? " and status = :status" : "")
					+ (beforeId > 0 ? " and id < :before" : "") + " order by id desc limit :limit offset :offset")
			.param("status", status == null ? null : status.name())
			.param("before", beforeId)
			.param("limit", limit)
			.param("offset", offset)
			.query(STORED)
			.list();
	}

	int count(@Nullable OutboxStatus status) {
		return jdbc.sql("select count(*) from outbox_message" + (status != null ? " where status = :status" : ""))
			.param("status", status == null ? null : status.name())
			.query(Integer.class)
			.single();
	}

	private static String cut(String s, int max) {
		return s.length() > max ? s.substring(0, max) : s;
	}

}
