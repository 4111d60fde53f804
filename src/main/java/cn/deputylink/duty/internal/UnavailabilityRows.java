package cn.deputylink.duty.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.deputylink.duty.Unavailability;

/** The declared unavailabilities of deputies ({@code duty_unavailability}). */
@Repository
class UnavailabilityRows {

	private final JdbcClient jdbc;

	UnavailabilityRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static Unavailability unavailability(ResultSet rs, int i) throws SQLException {
		return new Unavailability(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
				rs.getObject(4, LocalDate.class), Unavailability.Reason.valueOf(rs.getString(5)), rs.getString(6));
	}

	List<Unavailability> unavailability(Collection<Long> deputyIds, LocalDate from, LocalDate to) {
		if (deputyIds.isEmpty()) {
			return List.of();
		}
		return jdbc
			.sql("select id, deputy_id, from_date, to_date, reason, note from duty_unavailability "
					+ "where deputy_id in (:ids) and to_date >= :f and from_date <= :t order by from_date, id")
			.param("ids", List.copyOf(deputyIds))
			.param("f", from)
			.param("t", to)
			.query(UnavailabilityRows::unavailability)
			.list();
	}

	Optional<Unavailability> unavailabilityById(long id) {
		return jdbc
			.sql("select id, deputy_id, from_date, to_date, reason, note from duty_unavailability where id = :id")
			.param("id", id)
			.query(UnavailabilityRows::unavailability)
			.optional();
	}

	long insertUnavailability(long deputyId, LocalDate from, LocalDate to, Unavailability.Reason reason,
			@Nullable String note, long userId, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql(
				"insert into duty_unavailability (deputy_id, from_date, to_date, reason, note, created_by, created_at) "
						+ "values (:d, :f, :t, :r, :n, :u, :now)")
			.param("d", deputyId)
			.param("f", from)
			.param("t", to)
			.param("r", reason.name())
			.param("n", note)
			.param("u", userId <= 0 ? null : userId)
			.param("now", now)
			.update(keys, "id");
		return Objects.requireNonNull(keys.getKeyAs(Number.class)).longValue();
	}

	void deleteUnavailability(long id) {
		jdbc.sql("delete from duty_unavailability where id = :id").param("id", id).update();
	}

}
