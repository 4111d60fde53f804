package cn.deputylink.targets.internal;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.deputylink.targets.EvidenceFile;

/** The {@code target_evidence} table: the bytes live in the database. */
@Component
public class EvidenceStore {

	private static final String COLUMNS = "id, township_id, target_year, rule_code, filename, content_type, size_bytes,"
			+ " sha256, uploaded_by, created_at";

	private final JdbcClient jdbc;

	private final RowMapper<EvidenceFile> row;

	EvidenceStore(JdbcClient jdbc, @Value("${deputylink.zone:Asia/Shanghai}") ZoneId zone) {
		this.jdbc = jdbc;
		this.row = (rs, i) -> new EvidenceFile(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
				rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8), rs.getString(9),
				rs.getObject(10, OffsetDateTime.class).atZoneSameInstant(zone).toOffsetDateTime());
	}

	public void insert(int year, long townshipId, String ruleCode, String filename, String contentType, byte[] data,
			String sha256, String by, OffsetDateTime at) {
		jdbc.sql("""
				insert into target_evidence (target_year, township_id, rule_code, filename, content_type, size_bytes,
				                             sha256, data, uploaded_by, created_at)
				values (:y, :t, :r, :f, :ct, :s, :h, :d, :by, :at)
				""")
			.param("y", year)
			.param("t", townshipId)
			.param("r", ruleCode)
			.param("f", filename)
			.param("ct", contentType)
			.param("s", (long) data.length)
			.param("h", sha256)
			.param("d", data)
			.param("by", by)
			.param("at", at)
			.update();
	}

	public List<EvidenceFile> of(long townshipId, int year) {
		return jdbc
			.sql("select " + COLUMNS + " from target_evidence where township_id = :t and target_year = :y order by id")
			.param("t", townshipId)
			.param("y", year)
			.query(row)
			.list();
	}

	public int count(long townshipId, int year, String ruleCode) {
		return jdbc
			.sql("select count(*) from target_evidence where township_id = :t and target_year = :y and rule_code = :r")
			.param("t", townshipId)
			.param("y", year)
			.param("r", ruleCode)
			.query(Integer.class)
			.single();
	}

	public Optional<EvidenceFile> find(long townshipId, long id) {
		return jdbc.sql("select " + COLUMNS + " from target_evidence where township_id = :t and id = :id")
			.param("t", townshipId)
			.param("id", id)
			.query(row)
			.optional();
	}

	public byte[] data(long id) {
		return jdbc.sql("select data from target_evidence where id = :id")
			.param("id", id)
			.query((rs, i) -> rs.getBytes(1))
			.single();
	}

}
