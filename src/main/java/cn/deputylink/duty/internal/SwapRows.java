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

import cn.deputylink.duty.SwapRequest;

/** Swap requests ({@code duty_swap}). */
@Repository
class SwapRows {

	private final JdbcClient jdbc;

	SwapRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private static final String SWAP_SELECT = "select s.id, s.duty_day_id, d.station_id, d.duty_date, s.from_deputy_id, "
			+ "s.to_deputy_id, s.status, s.note, s.version from duty_swap s join duty_day d on d.id = s.duty_day_id ";

	private static SwapRequest swap(ResultSet rs, int i) throws SQLException {
		return new SwapRequest(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getObject(4, LocalDate.class),
				rs.getLong(5), rs.getLong(6), SwapRequest.Status.valueOf(rs.getString(7)), rs.getString(8),
				rs.getInt(9));
	}

	long insertSwap(long dayId, long fromDeputy, long toDeputy, @Nullable String note, long userId,
			OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into duty_swap (duty_day_id, from_deputy_id, to_deputy_id, status, note, requested_by, "
				+ "requested_at, version) values (:d, :f, :t, 'PENDING', :n, :u, :now, 1)")
			.param("d", dayId)
			.param("f", fromDeputy)
			.param("t", toDeputy)
			.param("n", note)
			.param("u", userId <= 0 ? null : userId)
			.param("now", now)
			.update(keys, "id");
		return Objects.requireNonNull(keys.getKeyAs(Number.class)).longValue();
	}

	Optional<SwapRequest> swap(long id) {
		return jdbc.sql(SWAP_SELECT + "where s.id = :id").param("id", id).query(SwapRows::swap).optional();
	}

	boolean pendingSwapExists(long dayId, long fromDeputy) {
		return jdbc
			.sql("select count(*) from duty_swap where duty_day_id = :d and from_deputy_id = :f and status = 'PENDING'")
			.param("d", dayId)
			.param("f", fromDeputy)
			.query(Integer.class)
			.single() > 0;
	}

	/** Swaps of these stations (or, with a deputy, that deputy's), newest first. */
	List<SwapRequest> swaps(@Nullable Collection<Long> stationIds, @Nullable Long deputyId,
			SwapRequest.@Nullable Status status) {
		if (stationIds != null && stationIds.isEmpty()) {
			return List.of();
		}
		return jdbc
			.sql(SWAP_SELECT + "where 1 = 1" + (stationIds != null ? " and d.station_id in (:s)" : "")
					+ (deputyId != null ? " and (s.from_deputy_id = :dep or s.to_deputy_id = :dep)" : "")
					+ (status != null ? " and s.status = :st" : "") + " order by s.id desc limit 500")
			.param("s", stationIds == null ? List.of(-1L) : List.copyOf(stationIds))
			.param("dep", deputyId)
			.param("st", status == null ? null : status.name())
			.query(SwapRows::swap)
			.list();
	}

	boolean decideSwap(long id, int version, SwapRequest.Status status, long userId, OffsetDateTime now) {
		return jdbc
			.sql("update duty_swap set status = :st, decided_by = :u, decided_at = :now, version = version + 1 "
					+ "where id = :id and version = :v and status = 'PENDING'")
			.param("st", status.name())
			.param("u", userId <= 0 ? null : userId)
			.param("now", now)
			.param("id", id)
			.param("v", version)
			.update() == 1;
	}

	/** Counts for a dashboard: pending swaps of these stations. */
	int pendingSwaps(Collection<Long> stationIds) {
		if (stationIds.isEmpty()) {
			return 0;
		}
		return jdbc
			.sql("select count(*) from duty_swap s join duty_day d on d.id = s.duty_day_id "
					+ "where s.status = 'PENDING' and d.station_id in (:s)")
			.param("s", List.copyOf(stationIds))
			.query(Integer.class)
			.single();
	}

}
