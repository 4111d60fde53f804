package cn.deputylink.duty.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.deputylink.duty.Attendance;
import cn.deputylink.duty.Attendee;
import cn.deputylink.duty.DeputyDutyDay;
import cn.deputylink.duty.DutyDay;
import cn.deputylink.duty.DutySettings;
import cn.deputylink.duty.DutyStatus;

/** The duty days, their assignments, settings and reception opinions. */
@Repository
class DutyStore {

	private final JdbcClient jdbc;

	DutyStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// settings

	Optional<DutySettings> settings(long stationId) {
		return jdbc
			.sql("select station_id, days_per_month, deputies_per_day, version from duty_setting where station_id = :s")
			.param("s", stationId)
			.query((rs, i) -> new DutySettings(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
			.optional();
	}

	void insertSettings(long stationId, int daysPerMonth, int deputiesPerDay) {
		jdbc.sql(
				"insert into duty_setting (station_id, days_per_month, deputies_per_day, version) values (:s, :d, :p, 1)")
			.param("s", stationId)
			.param("d", daysPerMonth)
			.param("p", deputiesPerDay)
			.update();
	}

	boolean updateSettings(long stationId, int daysPerMonth, int deputiesPerDay, int version) {
		return jdbc
			.sql("update duty_setting set days_per_month = :d, deputies_per_day = :p, version = version + 1 "
					+ "where station_id = :s and version = :v")
			.param("s", stationId)
			.param("d", daysPerMonth)
			.param("p", deputiesPerDay)
			.param("v", version)
			.update() == 1;
	}

	// days

	private static final String DAY_COLUMNS = "id, station_id, township_id, duty_date, status, sequence, version, constituents_received";

	record DayRow(long id, long stationId, long townshipId, LocalDate date, DutyStatus status, int sequence,
			int version, @Nullable Integer constituentsReceived) {
	}

	private static DayRow dayRow(ResultSet rs, int i) throws SQLException {
		int received = rs.getInt(8);
		Integer constituents = rs.wasNull() ? null : received;
		return new DayRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getObject(4, LocalDate.class),
				DutyStatus.valueOf(rs.getString(5)), rs.getInt(6), rs.getInt(7), constituents);
	}

	long insertDay(long stationId, long townshipId, LocalDate date, DutyStatus status, OffsetDateTime now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("insert into duty_day (station_id, township_id, duty_date, status, sequence, published, created_at, "
				+ "updated_at, version) values (:s, :t, :d, :st, 0, :p, :now, :now, 1)")
			.param("p", status == DutyStatus.PUBLISHED)
			.param("s", stationId)
			.param("t", townshipId)
			.param("d", date)
			.param("st", status.name())
			.param("now", now)
			.update(keys, "id");
		return Objects.requireNonNull(keys.getKeyAs(Number.class)).longValue();
	}

	void insertAssignments(long dayId, Collection<Long> deputyIds) {
		for (Long d : deputyIds) {
			jdbc.sql("insert into duty_assignment (duty_day_id, deputy_id) values (:day, :d)")
				.param("day", dayId)
				.param("d", d)
				.update();
		}
	}

	void replaceAssignments(long dayId, Collection<Long> deputyIds) {
		jdbc.sql("delete from duty_assignment where duty_day_id = :day").param("day", dayId).update();
		insertAssignments(dayId, deputyIds);
	}

	/** Records the attendance of the day's deputies. */
	void setAttendance(long dayId, List<Attendee> attendance) {
		for (Attendee a : attendance) {
			jdbc.sql("update duty_assignment set attendance = :a, substitute_id = :s "
					+ "where duty_day_id = :day and deputy_id = :d")
				.param("a", a.status() == null ? null : a.status().name())
				.param("s", a.substituteId())
				.param("day", dayId)
				.param("d", a.deputyId())
				.update();
		}
	}

	/**
	 * Updates a day at the version read; false when someone changed it meanwhile.
	 */
	boolean updateDay(long id, int version, LocalDate date, DutyStatus status, int sequence,
			@Nullable Integer constituentsReceived, OffsetDateTime now) {
		return jdbc
			.sql("update duty_day set duty_date = :d, status = :st, sequence = :seq, constituents_received = :c, "
					+ "published = (published or :p), updated_at = :now, version = version + 1 "
					+ "where id = :id and version = :v")
			.param("p", status == DutyStatus.PUBLISHED)
			.param("d", date)
			.param("st", status.name())
			.param("seq", sequence)
			.param("c", constituentsReceived)
			.param("now", now)
			.param("id", id)
			.param("v", version)
			.update() == 1;
	}

	Optional<DutyDay> day(long id) {
		return jdbc.sql("select " + DAY_COLUMNS + " from duty_day where id = :id")
			.param("id", id)
			.query(DutyStore::dayRow)
			.optional()
			.map(r -> withAttendees(List.of(r)).get(0));
	}

	/** The day as the aggregate, with whether it was ever published. */
	Optional<DutyDayCase> dayCase(long id) {
		return day(id).map(d -> new DutyDayCase(d,
				jdbc.sql("select published from duty_day where id = :id")
					.param("id", id)
					.query(Boolean.class)
					.single()));
	}

	/** What the public may see of a day: published once (held days too). */
	private static final String PUBLIC = " and (published = true or status = 'HELD')";

	List<DutyDay> days(long stationId, LocalDate from, LocalDate to) {
		return days(stationId, from, to, false);
	}

	/**
	 * A station's days in a range; with {@code publicOnly} those ever published or held.
	 */
	List<DutyDay> days(long stationId, LocalDate from, LocalDate to, boolean publicOnly) {
		return withAttendees(jdbc
			.sql("select " + DAY_COLUMNS + " from duty_day where station_id = :s and duty_date between :f and :t"
					+ (publicOnly ? PUBLIC : "") + " order by duty_date, id")
			.param("s", stationId)
			.param("f", from)
			.param("t", to)
			.query(DutyStore::dayRow)
			.list());
	}

	/** Days of a township (or every township) in a range, for dashboards and the demo. */
	List<DutyDay> daysOfStations(Collection<Long> stationIds, LocalDate from, LocalDate to,
			Collection<DutyStatus> statuses) {
		if (stationIds.isEmpty()) {
			return List.of();
		}
		return withAttendees(jdbc
			.sql("select " + DAY_COLUMNS + " from duty_day where station_id in (:s) and duty_date between :f and :t "
					+ "and status in (:st) order by duty_date, id")
			.param("s", List.copyOf(stationIds))
			.param("f", from)
			.param("t", to)
			.param("st", statuses.stream().map(Enum::name).toList())
			.query(DutyStore::dayRow)
			.list());
	}

	/**
	 * The days a deputy is on duty or stands in, in a range, with the day's other
	 * deputies.
	 */
	List<DutyDay> daysOfDeputy(long deputyId, LocalDate from, LocalDate to) {
		return daysOfDeputy(deputyId, from, to, false);
	}

	List<DutyDay> daysOfDeputy(long deputyId, LocalDate from, LocalDate to, boolean publicOnly) {
		return withAttendees(jdbc
			.sql("select " + DAY_COLUMNS + " from duty_day where duty_date between :f and :t"
					+ (publicOnly ? PUBLIC : "") + " and id in "
					+ "(select duty_day_id from duty_assignment where deputy_id = :d or substitute_id = :d) "
					+ "order by duty_date, id")
			.param("d", deputyId)
			.param("f", from)
			.param("t", to)
			.query(DutyStore::dayRow)
			.list());
	}

	boolean dayExists(long stationId, LocalDate date, long exceptId) {
		return jdbc
			.sql("select count(*) from duty_day where station_id = :s and duty_date = :d and status <> 'CANCELLED' "
					+ "and id <> :id")
			.param("s", stationId)
			.param("d", date)
			.param("id", exceptId)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Of these deputies, those on duty (or standing in) on a day that is not cancelled at
	 * another station than {@code stationId} — or another day than {@code exceptDayId}.
	 */
	List<Long> busyOn(Collection<Long> deputyIds, LocalDate date, long exceptDayId) {
		if (deputyIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select distinct a.deputy_id from duty_assignment a join duty_day d on d.id = a.duty_day_id "
				+ "where d.duty_date = :date and d.status <> 'CANCELLED' and d.id <> :except and a.deputy_id in (:ids)")
			.param("date", date)
			.param("except", exceptDayId)
			.param("ids", List.copyOf(deputyIds))
			.query(Long.class)
			.list();
	}

	record Turn(long stationId, long deputyId, LocalDate date) {
	}

	/**
	 * The turns given (days not cancelled) in a range to any of these deputies, anywhere.
	 */
	List<Turn> turns(Collection<Long> deputyIds, LocalDate from, LocalDate to) {
		if (deputyIds.isEmpty()) {
			return List.of();
		}
		return jdbc
			.sql("select d.station_id, a.deputy_id, d.duty_date from duty_assignment a "
					+ "join duty_day d on d.id = a.duty_day_id where d.duty_date between :f and :t "
					+ "and d.status <> 'CANCELLED' and a.deputy_id in (:ids)")
			.param("f", from)
			.param("t", to)
			.param("ids", List.copyOf(deputyIds))
			.query((rs, i) -> new Turn(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class)))
			.list();
	}

	private List<DutyDay> withAttendees(List<DayRow> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, List<Attendee>> attendees = new HashMap<>();
		List<Long> ids = rows.stream().map(DayRow::id).toList();
		for (int i = 0; i < ids.size(); i += 500) {
			jdbc.sql("select duty_day_id, deputy_id, attendance, substitute_id from duty_assignment "
					+ "where duty_day_id in (:ids) order by duty_day_id, deputy_id")
				.param("ids", ids.subList(i, Math.min(ids.size(), i + 500)))
				.query((rs, n) -> {
					String a = rs.getString(3);
					long sub = rs.getLong(4);
					Long substitute = rs.wasNull() ? null : sub;
					attendees.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
						.add(new Attendee(rs.getLong(2), a == null ? null : Attendance.valueOf(a), substitute));
					return 0;
				})
				.list();
		}
		return rows.stream()
			.map(r -> new DutyDay(r.id(), r.stationId(), r.townshipId(), r.date(), r.status(), r.sequence(),
					r.version(), List.copyOf(attendees.getOrDefault(r.id(), List.of())), r.constituentsReceived()))
			.toList();
	}

	/**
	 * A deputy's duty record: days on duty with attendance, and days stood in for others.
	 */
	List<DeputyDutyDay> record(long deputyId, LocalDate from, LocalDate to) {
		return jdbc
			.sql("select d.id, d.station_id, d.duty_date, d.status, a.attendance, a.substitute_id, a.deputy_id "
					+ "from duty_assignment a join duty_day d on d.id = a.duty_day_id "
					+ "where (a.deputy_id = :dep or a.substitute_id = :dep) and d.duty_date between :f and :t "
					+ "order by d.duty_date, d.id")
			.param("dep", deputyId)
			.param("f", from)
			.param("t", to)
			.query((rs, i) -> {
				String a = rs.getString(5);
				long sub = rs.getLong(6);
				Long substitute = rs.wasNull() ? null : sub;
				long assigned = rs.getLong(7);
				boolean standing = assigned != deputyId;
				return new DeputyDutyDay(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
						DutyStatus.valueOf(rs.getString(4)), a == null ? null : Attendance.valueOf(a), substitute,
						standing ? assigned : null);
			})
			.list();
	}

	void linkOpinion(long dayId, long opinionId) {
		jdbc.sql("insert into duty_reception_opinion (duty_day_id, opinion_id) values (:d, :o)")
			.param("d", dayId)
			.param("o", opinionId)
			.update();
	}

	List<Long> opinionsOf(long dayId) {
		return jdbc.sql("select opinion_id from duty_reception_opinion where duty_day_id = :d order by opinion_id")
			.param("d", dayId)
			.query(Long.class)
			.list();
	}

}
