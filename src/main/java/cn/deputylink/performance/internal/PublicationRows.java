package cn.deputylink.performance.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.deputylink.performance.PointsRow;
import cn.deputylink.performance.Publication;

/** The published points tables ({@code points_publication} and its rows). */
@Repository
class PublicationRows {

	private final JdbcClient jdbc;

	PublicationRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Publication> find(int year, int quarter, long townshipId) {
		return jdbc
			.sql("select id, published_at, published_by from points_publication "
					+ "where for_year = :y and for_quarter = :q and township_id = :t")
			.param("y", year)
			.param("q", quarter)
			.param("t", townshipId)
			.query((rs, i) -> new Publication(rs.getLong(1), year, quarter, townshipId,
					rs.getObject(2, OffsetDateTime.class), rs.getLong(3), rows(rs.getLong(1))))
			.optional();
	}

	long insert(int year, int quarter, long townshipId, OffsetDateTime at, long by, String scheme,
			List<PointsRow> rows) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("insert into points_publication (for_year, for_quarter, township_id, published_at, published_by, "
				+ "scheme) values (:y, :q, :t, :at, :by, :s)")
			.param("y", year)
			.param("q", quarter)
			.param("t", townshipId)
			.param("at", at)
			.param("by", by)
			.param("s", scheme)
			.update(key, "id");
		long id = Objects.requireNonNull(key.getKeyAs(Long.class));
		for (PointsRow r : rows) {
			jdbc.sql("insert into points_publication_row (publication_id, deputy_id, deputy_name, score, score_rank, "
					+ "activities, duty_attended, duty_absent, proposals_led, proposals_cosigned, opinions_received) "
					+ "values (:p, :d, :n, :s, :r, :a, :da, :dx, :pl, :pc, :o)")
				.param("p", id)
				.param("d", r.deputyId())
				.param("n", r.deputyName())
				.param("s", r.score())
				.param("r", r.rank())
				.param("a", r.activities())
				.param("da", r.dutyAttended())
				.param("dx", r.dutyAbsent())
				.param("pl", r.proposalsLed())
				.param("pc", r.proposalsCoSigned())
				.param("o", r.opinionsReceived())
				.update();
		}
		return id;
	}

	/** A deputy's lines in the tables of a year, by quarter and township. */
	List<PointsStore.DeputyLine> ofDeputy(long deputyId, int year) {
		return jdbc
			.sql("select p.for_quarter, p.township_id, p.published_at, r.*, "
					+ "(select count(*) from points_publication_row c where c.publication_id = p.id) as table_size "
					+ "from points_publication_row r join points_publication p on p.id = r.publication_id "
					+ "where r.deputy_id = :d and p.for_year = :y order by p.for_quarter, p.township_id")
			.param("d", deputyId)
			.param("y", year)
			.query((rs, i) -> new PointsStore.DeputyLine(rs.getInt("for_quarter"), rs.getLong("township_id"),
					rs.getObject("published_at", OffsetDateTime.class), row(rs, i), rs.getInt("table_size")))
			.list();
	}

	private List<PointsRow> rows(long publicationId) {
		return jdbc.sql("select * from points_publication_row where publication_id = :p order by score_rank, deputy_id")
			.param("p", publicationId)
			.query(this::row)
			.list();
	}

	private PointsRow row(ResultSet rs, int i) throws SQLException {
		return new PointsRow(rs.getLong("deputy_id"), rs.getString("deputy_name"), rs.getInt("score"),
				rs.getInt("score_rank"), rs.getInt("activities"), rs.getInt("duty_attended"), rs.getInt("duty_absent"),
				rs.getInt("proposals_led"), rs.getInt("proposals_cosigned"), rs.getInt("opinions_received"));
	}

}
