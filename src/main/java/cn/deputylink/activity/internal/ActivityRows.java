package cn.deputylink.activity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.deputylink.activity.Activity;
import cn.deputylink.activity.ActivityFilter;
import cn.deputylink.activity.ActivityStatus;
import cn.deputylink.activity.ActivityType;

/**
 * Reading activities for the API and the pages, and the review's conditional updates:
 * each changes a row only in the status and version it was read in, so two reviewers (or
 * a reviewer and the editing deputy) never both succeed.
 */
@Repository
class ActivityRows {

	private final JdbcClient jdbc;

	private final ZoneId zone;

	ActivityRows(JdbcClient jdbc, @Value("${deputylink.zone:Asia/Shanghai}") ZoneId zone) {
		this.jdbc = jdbc;
		this.zone = zone;
	}

	/** Who is asking: the whole county, one township, or one deputy's activities. */
	record Scope(@Nullable Long townshipId, @Nullable Long deputyId, @Nullable Long userId) {

		static Scope county() {
			return new Scope(null, null, null);
		}
	}

	Optional<Activity> find(long id) {
		return jdbc.sql("select * from activity where id = :id")
			.param("id", id)
			.query(this::row)
			.optional()
			.map(this::withDeputies);
	}

	List<Activity> list(ActivityFilter f, Scope scope, long beforeId, int limit, int offset) {
		Map<String, Object> params = new HashMap<>();
		String where = where(f, scope, params);
		if (beforeId > 0) {
			where += " and a.id < :before";
			params.put("before", beforeId);
		}
		List<Activity> rows = jdbc
			.sql("select a.* from activity a where " + where + " order by a.id desc limit :limit offset :offset")
			.params(params)
			.param("limit", limit)
			.param("offset", offset)
			.query(this::row)
			.list();
		return withDeputies(rows);
	}

	/**
	 * The counting activities ({@code RECORDED}, {@code APPROVED}) dated in [from, to]
	 * that any of these deputies took part in, oldest first, without a viewer's scope.
	 */
	List<Activity> countingOfDeputies(Collection<Long> deputyIds, LocalDate from, LocalDate to) {
		List<Activity> rows = jdbc
			.sql("select a.* from activity a where a.status in ('RECORDED', 'APPROVED') "
					+ "and a.activity_date between :from and :to and exists (select 1 from activity_deputy d "
					+ "where d.activity_id = a.id and d.deputy_id in (:ids)) order by a.activity_date, a.id")
			.param("from", from)
			.param("to", to)
			.param("ids", List.copyOf(deputyIds))
			.query(this::row)
			.list();
		return withDeputies(rows);
	}

	List<Activity> after(long afterId, int limit) {
		return withDeputies(jdbc.sql("select a.* from activity a where a.id > :after order by a.id limit :limit")
			.param("after", afterId)
			.param("limit", limit)
			.query(this::row)
			.list());
	}

	int count(ActivityFilter f, Scope scope) {
		Map<String, Object> params = new HashMap<>();
		return jdbc.sql("select count(*) from activity a where " + where(f, scope, params))
			.params(params)
			.query(Integer.class)
			.single();
	}

	private static String where(ActivityFilter f, Scope scope, Map<String, Object> p) {
		StringBuilder sb = new StringBuilder("1 = 1");
		if (scope.townshipId() != null) {
			sb.append(" and a.township_id = :scopeTownship");
			p.put("scopeTownship", scope.townshipId());
		}
		if (scope.deputyId() != null) {
			sb.append(" and (a.created_by = :scopeUser or exists (select 1 from activity_deputy s "
					+ "where s.activity_id = a.id and s.deputy_id = :scopeDeputy))");
			p.put("scopeDeputy", scope.deputyId());
			p.put("scopeUser", scope.userId() == null ? -1L : scope.userId());
		}
		if (f.type() != null) {
			sb.append(" and a.type = :type");
			p.put("type", f.type().name());
		}
		if (f.status() != null) {
			sb.append(" and a.status = :status");
			p.put("status", f.status().name());
		}
		if (f.townshipId() != null) {
			sb.append(" and a.township_id = :township");
			p.put("township", f.townshipId());
		}
		if (f.stationId() != null) {
			sb.append(" and a.station_id = :station");
			p.put("station", f.stationId());
		}
		if (f.deputyId() != null) {
			sb.append(
					" and exists (select 1 from activity_deputy d where d.activity_id = a.id and d.deputy_id = :deputy)");
			p.put("deputy", f.deputyId());
		}
		if (f.from() != null) {
			sb.append(" and a.activity_date >= :from");
			p.put("from", f.from());
		}
		if (f.to() != null) {
			sb.append(" and a.activity_date <= :to");
			p.put("to", f.to());
		}
		return sb.toString();
	}

	void markReported(long id) {
		jdbc.sql("update activity set reported = true where id = :id").param("id", id).update();
	}

	/** A review's or withdrawal's move; false when the row moved on since it was read. */
	boolean move(long id, int version, ActivityStatus from, ActivityStatus to, @Nullable Long reviewer,
			@Nullable OffsetDateTime reviewedAt, @Nullable String reason) {
		String review = reviewer == null ? "" : ", reviewed_by = :reviewer, reviewed_at = :at";
		var sql = jdbc
			.sql("update activity set status = :to, reject_reason = :reason" + review
					+ ", version = version + 1 where id = :id and version = :version and status = :from")
			.param("to", to.name())
			.param("reason", reason)
			.param("id", id)
			.param("version", version)
			.param("from", from.name());
		if (reviewer != null) {
			sql = sql.param("reviewer", reviewer).param("at", reviewedAt);
		}
		return sql.update() == 1;
	}

	/** The deputy's edit: new facts, back to SUBMITTED, the old review forgotten. */
	boolean resubmit(long id, int version, ActivityStatus from, Checked a) {
		int n = facts(jdbc
			.sql("update activity set type = :type, activity_date = :date, station_id = :station, "
					+ "township_id = :township, title = :title, note = :note, constituents_received = :received, "
					+ "households_visited = :visited, household_id = :household, status = 'SUBMITTED', "
					+ "reject_reason = null, reviewed_by = null, reviewed_at = null, version = version + 1 "
					+ "where id = :id and version = :version and status = :from")
			.param("id", id)
			.param("version", version)
			.param("from", from.name()), a).update();
		if (n != 1) {
			return false;
		}
		deputies(id, a.deputyIds());
		return true;
	}

	/** A new activity with its deputies; returns its id. */
	long insert(Checked a, ActivityStatus status, @Nullable Long dutyDayId, @Nullable Long createdBy,
			OffsetDateTime at) {
		KeyHolder key = new GeneratedKeyHolder();
		facts(jdbc.sql("insert into activity (type, activity_date, station_id, township_id, title, note, "
				+ "constituents_received, households_visited, household_id, duty_day_id, status, created_by, created_at) "
				+ "values (:type, :date, :station, :township, :title, :note, :received, :visited, :household, :dutyDay, "
				+ ":status, :by, :at)"), a)
			.param("dutyDay", dutyDayId)
			.param("status", status.name())
			.param("by", createdBy)
			.param("at", at)
			.update(key, "id");
		long id = Objects.requireNonNull(key.getKeyAs(Long.class));
		deputies(id, a.deputyIds());
		return id;
	}

	/** The RECEPTION activity of a duty day, if recorded. */
	Optional<Activity> findByDutyDay(long dutyDayId) {
		return jdbc.sql("select * from activity where duty_day_id = :d")
			.param("d", dutyDayId)
			.query(this::row)
			.optional()
			.map(this::withDeputies);
	}

	/** Replaces a duty day's activity's facts and deputies, keeping its id. */
	void replace(long id, Checked a) {
		facts(jdbc.sql("update activity set type = :type, activity_date = :date, station_id = :station, "
				+ "township_id = :township, title = :title, note = :note, constituents_received = :received, "
				+ "households_visited = :visited, household_id = :household, version = version + 1 where id = :id"), a)
			.param("id", id)
			.update();
		deputies(id, a.deputyIds());
	}

	/** Binds the activity's facts to the statement's named parameters. */
	private static StatementSpec facts(StatementSpec sql, Checked a) {
		return sql.param("type", a.type().name())
			.param("date", a.date())
			.param("station", a.stationId())
			.param("township", a.townshipId())
			.param("title", a.title())
			.param("note", a.note())
			.param("received", a.constituentsReceived())
			.param("visited", a.householdsVisited())
			.param("household", a.householdId());
	}

	private void deputies(long id, List<Long> deputyIds) {
		jdbc.sql("delete from activity_deputy where activity_id = ?").param(id).update();
		for (Long deputy : deputyIds) {
			jdbc.sql("insert into activity_deputy (activity_id, deputy_id) values (?, ?)").params(id, deputy).update();
		}
	}

	private Activity withDeputies(Activity a) {
		return withDeputies(List.of(a)).get(0);
	}

	private List<Activity> withDeputies(List<Activity> rows) {
		if (rows.isEmpty()) {
			return rows;
		}
		Map<Long, List<Long>> deputies = new LinkedHashMap<>();
		rows.forEach(r -> deputies.put(r.id(), new ArrayList<>()));
		jdbc.sql("select activity_id, deputy_id from activity_deputy where activity_id in (:ids) order by deputy_id")
			.param("ids", List.copyOf(deputies.keySet()))
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2)))
			.list()
			.forEach(e -> deputies.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		return rows.stream()
			.map(r -> new Activity(r.id(), r.type(), r.date(), r.stationId(), r.townshipId(), r.title(), r.note(),
					r.constituentsReceived(), r.householdsVisited(), r.householdId(), r.dutyDayId(), r.status(),
					r.rejectReason(), r.createdBy(), r.createdAt(), r.reviewedBy(), r.reviewedAt(), r.version(),
					r.reported(), List.copyOf(deputies.getOrDefault(r.id(), List.of()))))
			.toList();
	}

	private Activity row(ResultSet rs, int n) throws SQLException {
		OffsetDateTime reviewed = rs.getObject("reviewed_at", OffsetDateTime.class);
		return new Activity(rs.getLong("id"), ActivityType.valueOf(rs.getString("type")),
				rs.getObject("activity_date", LocalDate.class), rs.getObject("station_id", Long.class),
				rs.getObject("township_id", Long.class), rs.getString("title"), rs.getString("note"),
				rs.getInt("constituents_received"), rs.getInt("households_visited"),
				rs.getObject("household_id", Long.class), rs.getObject("duty_day_id", Long.class),
				ActivityStatus.valueOf(rs.getString("status")), rs.getString("reject_reason"),
				rs.getObject("created_by", Long.class), local(rs.getObject("created_at", OffsetDateTime.class)),
				rs.getObject("reviewed_by", Long.class), reviewed == null ? null : local(reviewed),
				rs.getInt("version"), rs.getBoolean("reported"), List.of());
	}

	/** The county's local time on either database (PostgreSQL answers in UTC). */
	private OffsetDateTime local(OffsetDateTime t) {
		return t.atZoneSameInstant(zone).toOffsetDateTime();
	}

}
