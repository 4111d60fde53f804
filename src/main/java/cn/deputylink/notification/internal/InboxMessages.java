package cn.deputylink.notification.internal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code inbox_message} table: every query is confined to one owner. */
@Repository
class InboxMessages {

	private static final RowMapper<InboxEntry> ENTRY = (rs, i) -> new InboxEntry(rs.getLong("id"),
			rs.getString("subject"), rs.getString("body"), rs.getString("link"),
			rs.getObject("created_at", OffsetDateTime.class), rs.getObject("read_at", OffsetDateTime.class));

	private final JdbcClient jdbc;

	InboxMessages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(long userId, long outboxId, String subject, String body, @Nullable String link, OffsetDateTime now) {
		jdbc.sql("""
				insert into inbox_message (user_id, outbox_id, subject, body, link, created_at)
				values (:user, :outbox, :subject, :body, :link, :now)""")
			.param("user", userId)
			.param("outbox", outboxId)
			.param("subject", subject)
			.param("body", body)
			.param("link", link)
			.param("now", now)
			.update();
	}

	/** A message for {@link #insertAll}. */
	record NewEntry(long userId, long outboxId, String subject, String body, @Nullable String link) {
	}

	/**
	 * Many messages in one statement per hundred (the databases' limit on parameters is
	 * far away).
	 */
	void insertAll(List<NewEntry> entries, OffsetDateTime now) {
		for (int from = 0; from < entries.size(); from += 100) {
			List<NewEntry> chunk = entries.subList(from, Math.min(entries.size(), from + 100));
			StringBuilder sql = new StringBuilder(
					"insert into inbox_message (user_id, outbox_id, subject, body, link, created_at) values ");
			List<@Nullable Object> params = new ArrayList<>();
			for (NewEntry e : chunk) {
				sql.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?)");
				params.add(e.userId());
				params.add(e.outboxId());
				params.add(e.subject());
				params.add(e.body());
				params.add(e.link());
				params.add(now);
			}
			jdbc.sql(sql.toString()).params(params).update();
		}
	}

	/** Newest first. */
	List<InboxEntry> list(long userId, long beforeId, int limit, int offset) {
		return jdbc
			.sql("select * from inbox_message where user_id = :user" + (beforeId > 0 ? " and id < :before" : "")
					+ " order by id desc limit :limit offset :offset")
			.param("user", userId)
			.param("before", beforeId)
			.param("limit", limit)
			.param("offset", offset)
			.query(ENTRY)
			.list();
	}

	int count(long userId) {
		return jdbc.sql("select count(*) from inbox_message where user_id = :user")
			.param("user", userId)
			.query(Integer.class)
			.single();
	}

	int unread(long userId) {
		return jdbc.sql("select count(*) from inbox_message where user_id = :user and read_at is null")
			.param("user", userId)
			.query(Integer.class)
			.single();
	}

	Optional<InboxEntry> find(long id, long userId) {
		return jdbc.sql("select * from inbox_message where id = :id and user_id = :user")
			.param("id", id)
			.param("user", userId)
			.query(ENTRY)
			.optional();
	}

	void markRead(long id, long userId, OffsetDateTime now) {
		jdbc.sql("update inbox_message set read_at = :now where id = :id and user_id = :user and read_at is null")
			.param("now", now)
			.param("id", id)
			.param("user", userId)
			.update();
	}

	int markAllRead(long userId, OffsetDateTime now) {
		return jdbc.sql("update inbox_message set read_at = :now where user_id = :user and read_at is null")
			.param("now", now)
			.param("user", userId)
			.update();
	}

}
