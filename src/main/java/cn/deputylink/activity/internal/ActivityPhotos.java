package cn.deputylink.activity.internal;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.deputylink.activity.ActivityPhoto;

/** The {@code activity_photo} table: the bytes live in the database, as opinions' do. */
@Repository
class ActivityPhotos {

	private static final String COLUMNS = "id, activity_id, filename, content_type, size_bytes, sha256, created_at";

	private final JdbcClient jdbc;

	private final RowMapper<ActivityPhoto> row;

	ActivityPhotos(JdbcClient jdbc, @Value("${deputylink.zone:Asia/Shanghai}") ZoneId zone) {
		this.jdbc = jdbc;
		this.row = (rs, i) -> new ActivityPhoto(rs.getLong("id"), rs.getLong("activity_id"), rs.getString("filename"),
				rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
				rs.getObject("created_at", OffsetDateTime.class).atZoneSameInstant(zone).toOffsetDateTime());
	}

	void insert(long activityId, String filename, String contentType, byte[] data, String sha256, @Nullable Long userId,
			OffsetDateTime at) {
		jdbc.sql("insert into activity_photo (activity_id, filename, content_type, size_bytes, sha256, data, "
				+ "uploaded_by, created_at) values (:a, :f, :t, :s, :h, :d, :u, :at)")
			.param("a", activityId)
			.param("f", filename)
			.param("t", contentType)
			.param("s", (long) data.length)
			.param("h", sha256)
			.param("d", data)
			.param("u", userId)
			.param("at", at)
			.update();
	}

	List<ActivityPhoto> of(long activityId) {
		return jdbc.sql("select " + COLUMNS + " from activity_photo where activity_id = :a order by id")
			.param("a", activityId)
			.query(row)
			.list();
	}

	int count(long activityId) {
		return jdbc.sql("select count(*) from activity_photo where activity_id = :a")
			.param("a", activityId)
			.query(Integer.class)
			.single();
	}

	Optional<ActivityPhoto> find(long activityId, long id) {
		return jdbc.sql("select " + COLUMNS + " from activity_photo where activity_id = :a and id = :id")
			.param("a", activityId)
			.param("id", id)
			.query(row)
			.optional();
	}

	byte[] data(long id) {
		return jdbc.sql("select data from activity_photo where id = :id")
			.param("id", id)
			.query((rs, i) -> rs.getBytes(1))
			.single();
	}

}
