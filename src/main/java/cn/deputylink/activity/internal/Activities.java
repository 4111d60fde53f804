package cn.deputylink.activity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.deputylink.activity.ActivityStatus;
import cn.deputylink.activity.ActivityType;

/** The {@code activity} and {@code activity_deputy} tables. */
@Repository
class Activities {

	private final JdbcClient jdbc;

	Activities(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An activity's row as it counts (the deputies read separately). */
	record Row(long id, ActivityType type, LocalDate date, @Nullable Long stationId, @Nullable Long townshipId,
			String title, @Nullable String note, int constituentsReceived, int householdsVisited,
			@Nullable Long householdId, @Nullable Long dutyDayId, ActivityStatus status, int version) {
	}

	long insert(Checked a, ActivityStatus status, @Nullable Long dutyDayId, @Nullable Long createdBy,
			OffsetDateTime at) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("insert into activity (type, activity_date, station_id, township_id, title, note, "
				+ "constituents_received, households_visited, household_id, duty_day_id, status, created_by, created_at) "
				+ "values (:type, :date, :station, :township, :title, :note, :received, :visited, :household, :dutyDay, "
				+ ":status, :by, :at)")
			.param("type", a.type().name())
			.param("date", a.date())
			.param("station", a.stationId())
			.param("township", a.townshipId())
			.param("title", a.title())
			.param("note", a.note())
			.param("received", a.constituentsReceived())
			.param("visited", a.householdsVisited())
			.param("household", a.householdId())
			.param("dutyDay", dutyDayId)
			.param("status", status.name())
			.param("by", createdBy)
			.param("at", at)
			.update(key, "id");
		long id = Objects.requireNonNull(key.getKeyAs(Long.class));
		for (Long deputy : a.deputyIds()) {
			jdbc.sql("insert into activity_deputy (activity_id, deputy_id) values (?, ?)").params(id, deputy).update();
		}
		return id;
	}

	Optional<Row> findByDutyDay(long dutyDayId) {
		return jdbc.sql("select * from activity where duty_day_id = ?")
			.param(dutyDayId)
			.query(Activities::row)
			.optional();
	}

	List<Long> deputiesOf(long activityId) {
		return jdbc.sql("select deputy_id from activity_deputy where activity_id = ? order by deputy_id")
			.param(activityId)
			.query(Long.class)
			.list();
	}

	/** Replaces a duty day's activity's facts and deputies, keeping its id. */
	void replace(long id, Checked a) {
		jdbc.sql("update activity set activity_date = :date, station_id = :station, township_id = :township, "
				+ "title = :title, note = :note, constituents_received = :received, households_visited = :visited, "
				+ "version = version + 1 where id = :id")
			.param("date", a.date())
			.param("station", a.stationId())
			.param("township", a.townshipId())
			.param("title", a.title())
			.param("note", a.note())
			.param("received", a.constituentsReceived())
			.param("visited", a.householdsVisited())
			.param("id", id)
			.update();
		jdbc.sql("delete from activity_deputy where activity_id = ?").param(id).update();
		for (Long deputy : a.deputyIds()) {
			jdbc.sql("insert into activity_deputy (activity_id, deputy_id) values (?, ?)").params(id, deputy).update();
		}
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("id"), ActivityType.valueOf(rs.getString("type")),
				rs.getObject("activity_date", LocalDate.class), rs.getObject("station_id", Long.class),
				rs.getObject("township_id", Long.class), rs.getString("title"), rs.getString("note"),
				rs.getInt("constituents_received"), rs.getInt("households_visited"),
				rs.getObject("household_id", Long.class), rs.getObject("duty_day_id", Long.class),
				ActivityStatus.valueOf(rs.getString("status")), rs.getInt("version"));
	}

}
