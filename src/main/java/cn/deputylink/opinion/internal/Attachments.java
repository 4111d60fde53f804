package cn.deputylink.opinion.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import cn.deputylink.opinion.Attachment;
import cn.deputylink.opinion.OpinionSettings;

/**
 * Attachment bytes live in the database, so every application node serves them and
 * backups hold them.
 */
@Repository
class Attachments {

	private final JdbcClient jdbc;

	private final RowMapper<Attachment> row;

	Attachments(JdbcClient jdbc, OpinionSettings settings) {
		this.jdbc = jdbc;
		// local time of the county on either database (PostgreSQL answers in UTC)
		this.row = (rs, i) -> new Attachment(rs.getLong("id"), rs.getLong("opinion_id"), rs.getString("filename"),
				rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
				rs.getObject("created_at", OffsetDateTime.class).atZoneSameInstant(settings.zone()).toOffsetDateTime());
	}

	public long insert(long opinionId, String filename, String contentType, byte[] data, String sha256,
			@Nullable Long userId, OffsetDateTime at) {
		var key = new GeneratedKeyHolder();
		jdbc.sql(
				"insert into opinion_attachment (opinion_id, filename, content_type, size_bytes, sha256, data, uploaded_by, "
						+ "created_at) values (:o, :f, :t, :s, :h, :d, :u, :at)")
			.param("o", opinionId)
			.param("f", filename)
			.param("t", contentType)
			.param("s", (long) data.length)
			.param("h", sha256)
			.param("d", data)
			.param("u", userId)
			.param("at", at)
			.update(key, "id");
		return Objects.requireNonNull(key.getKeyAs(Long.class));
	}

	public List<Attachment> of(long opinionId) {
		return jdbc
			.sql("select id, opinion_id, filename, content_type, size_bytes, sha256, created_at "
					+ "from opinion_attachment where opinion_id = :o order by id")
			.param("o", opinionId)
			.query(row)
			.list();
	}

	public int count(long opinionId) {
		return jdbc.sql("select count(*) from opinion_attachment where opinion_id = :o")
			.param("o", opinionId)
			.query(Integer.class)
			.single();
	}

	public Optional<Attachment> find(long opinionId, long id) {
		return jdbc
			.sql("select id, opinion_id, filename, content_type, size_bytes, sha256, created_at "
					+ "from opinion_attachment where opinion_id = :o and id = :id")
			.param("o", opinionId)
			.param("id", id)
			.query(row)
			.optional();
	}

	public byte[] data(long id) {
		return jdbc.sql("select data from opinion_attachment where id = :id")
			.param("id", id)
			.query((rs, i) -> rs.getBytes(1))
			.single();
	}

}
