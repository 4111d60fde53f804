package cn.deputylink.duty.internal;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The deputies' private feed tokens, stored hashed ({@code duty_feed_token}). */
@Repository
class FeedTokens {

	private final JdbcClient jdbc;

	FeedTokens(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	boolean hasFeedToken(long deputyId) {
		return jdbc.sql("select count(*) from duty_feed_token where deputy_id = :d")
			.param("d", deputyId)
			.query(Integer.class)
			.single() > 0;
	}

	void replaceFeedToken(long deputyId, String hash, OffsetDateTime now) {
		deleteFeedToken(deputyId);
		jdbc.sql("insert into duty_feed_token (deputy_id, token_hash, created_at) values (:d, :h, :now)")
			.param("d", deputyId)
			.param("h", hash)
			.param("now", now)
			.update();
	}

	boolean deleteFeedToken(long deputyId) {
		return jdbc.sql("delete from duty_feed_token where deputy_id = :d").param("d", deputyId).update() > 0;
	}

	Optional<Long> deputyOfFeedToken(String hash) {
		return jdbc.sql("select deputy_id from duty_feed_token where token_hash = :h")
			.param("h", hash)
			.query(Long.class)
			.optional();
	}

}
