package cn.deputylink.opinion.internal;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Idempotency keys of opinion intake. The key row is written in the same transaction as
 * the opinion, under a primary key, so of two concurrent requests with one key exactly
 * one commits.
 */
@Repository
class IdempotencyKeys {

	private final JdbcClient jdbc;

	IdempotencyKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Stored(String requestHash, long opinionId) {
	}

	public Optional<Stored> find(String scope, String key) {
		return jdbc.sql("select request_hash, opinion_id from opinion_idempotency where scope = :s and idem_key = :k")
			.param("s", scope)
			.param("k", key)
			.query((rs, i) -> new Stored(rs.getString(1), rs.getLong(2)))
			.optional();
	}

	public void insert(String scope, String key, String hash, long opinionId, OffsetDateTime at) {
		jdbc.sql("insert into opinion_idempotency (scope, idem_key, request_hash, opinion_id, created_at) "
				+ "values (:s, :k, :h, :o, :at)")
			.param("s", scope)
			.param("k", key)
			.param("h", hash)
			.param("o", opinionId)
			.param("at", at)
			.update();
	}

}
