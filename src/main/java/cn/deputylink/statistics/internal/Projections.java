package cn.deputylink.statistics.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.deputylink.activity.Activity;
import cn.deputylink.opinion.OpinionCount;
import cn.deputylink.opinion.OpinionStatus;

/**
 * The projections {@code stat_opinion} and {@code stat_activity} with their deputies: one
 * row per record as the figures count it, written from the owning module's record (so a
 * late or repeated event writes the same row) and telling which rollup cells the change
 * touched (the record's cells before and after).
 */
@Repository
class Projections {

	private final JdbcClient jdbc;

	private final ZoneId zone;

	Projections(JdbcClient jdbc, @Value("${deputylink.zone:Asia/Shanghai}") ZoneId zone) {
		this.jdbc = jdbc;
		this.zone = zone;
	}

	/** The row as this module would write it for an opinion. */
	record OpinionRow(long opinionId, String trackingCode, LocalDate receivedOn, long townshipId, long stationId,
			@Nullable String categoryCode, String source, String status, @Nullable String outcome,
			@Nullable Long departmentId, @Nullable LocalDate dueDate, @Nullable LocalDate repliedOn,
			@Nullable Integer handlingDays, @Nullable String satisfaction, boolean overdue, boolean converted,
			boolean counted, List<Long> deputyIds) {
	}

	record ActivityRow(long activityId, String type, LocalDate date, long townshipId, long stationId, int constituents,
			int households, boolean counted, List<Long> deputyIds) {
	}

	OpinionRow of(OpinionCount c) {
		LocalDate received = c.receivedAt().atZoneSameInstant(zone).toLocalDate();
		LocalDate replied = c.repliedAt() == null ? null : c.repliedAt().atZoneSameInstant(zone).toLocalDate();
		Integer days = replied == null ? null : (int) Math.max(0, ChronoUnit.DAYS.between(received, replied));
		return new OpinionRow(c.opinionId(), c.trackingCode(), received, zeroIfNull(c.townshipId()),
				zeroIfNull(c.stationId()), c.categoryCode(), c.source().name(), c.status().name(),
				c.outcome() == null ? null : c.outcome().name(), c.departmentId(), c.dueDate(), replied, days,
				c.satisfaction() == null ? null : c.satisfaction().name(), c.overdue(), c.converted(),
				c.status() != OpinionStatus.MERGED, c.deputyIds().stream().sorted().distinct().toList());
	}

	static ActivityRow of(Activity a) {
		return new ActivityRow(a.id(), a.type().name(), a.date(), zeroIfNull(a.townshipId()), zeroIfNull(a.stationId()),
				a.constituentsReceived(), a.householdsVisited(), a.counts(),
				a.deputyIds().stream().sorted().distinct().toList());
	}

	private static long zeroIfNull(@Nullable Long id) {
		return id == null ? 0 : id;
	}

	/** The rollup cells a row counts in: none unless it is counted. */
	private static List<Cell> cells(OpinionRow r) {
		return r.counted() ? Rollups.cellsOf(r.receivedOn(), r.townshipId(), r.stationId(), r.deputyIds()) : List.of();
	}

	private static List<Cell> cells(ActivityRow r) {
		return r.counted() ? Rollups.cellsOf(r.date(), r.townshipId(), r.stationId(), r.deputyIds()) : List.of();
	}

	/** Creates the opinion's row if missing and locks it, before its source is read. */
	void lockOpinion(long id) {
		jdbc.sql("""
				insert into stat_opinion (opinion_id, tracking_code, received_on, township_id, station_id, source,
				    status, overdue, converted, counted)
				values (:id, '', :day, 0, 0, '', '', false, false, false) on conflict do nothing
				""").param("id", id).param("day", LocalDate.of(1970, 1, 1)).update();
		jdbc.sql("select opinion_id from stat_opinion where opinion_id = :id for update")
			.param("id", id)
			.query(Long.class)
			.list();
	}

	void lockActivity(long id) {
		jdbc.sql("""
				insert into stat_activity (activity_id, activity_type, activity_date, township_id, station_id,
				    constituents, households, counted)
				values (:id, '', :day, 0, 0, 0, 0, false) on conflict do nothing
				""").param("id", id).param("day", LocalDate.of(1970, 1, 1)).update();
		jdbc.sql("select activity_id from stat_activity where activity_id = :id for update")
			.param("id", id)
			.query(Long.class)
			.list();
	}

	Optional<OpinionRow> opinion(long id) {
		List<Long> deputies = jdbc
			.sql("select deputy_id from stat_opinion_deputy where opinion_id = :id order by deputy_id")
			.param("id", id)
			.query(Long.class)
			.list();
		return jdbc.sql("select * from stat_opinion where opinion_id = :id and source <> ''")
			.param("id", id)
			.query((rs, n) -> new OpinionRow(rs.getLong("opinion_id"), rs.getString("tracking_code"),
					rs.getObject("received_on", LocalDate.class), rs.getLong("township_id"), rs.getLong("station_id"),
					rs.getString("category_code"), rs.getString("source"), rs.getString("status"),
					rs.getString("outcome"), nullableLong(rs.getObject("department_id")),
					rs.getObject("due_date", LocalDate.class), rs.getObject("replied_on", LocalDate.class),
					rs.getObject("handling_days") == null ? null : rs.getInt("handling_days"),
					rs.getString("satisfaction"), rs.getBoolean("overdue"), rs.getBoolean("converted"),
					rs.getBoolean("counted"), deputies))
			.optional();
	}

	Optional<ActivityRow> activity(long id) {
		List<Long> deputies = jdbc
			.sql("select deputy_id from stat_activity_deputy where activity_id = :id order by deputy_id")
			.param("id", id)
			.query(Long.class)
			.list();
		return jdbc.sql("select * from stat_activity where activity_id = :id and activity_type <> ''")
			.param("id", id)
			.query((rs, n) -> new ActivityRow(rs.getLong("activity_id"), rs.getString("activity_type"),
					rs.getObject("activity_date", LocalDate.class), rs.getLong("township_id"), rs.getLong("station_id"),
					rs.getInt("constituents"), rs.getInt("households"), rs.getBoolean("counted"), deputies))
			.optional();
	}

	private static @Nullable Long nullableLong(@Nullable Object v) {
		return v == null ? null : ((Number) v).longValue();
	}

	/**
	 * Writes the opinion's row (the row must be locked); returns the cells it counted in
	 * before and counts in now, none when the row is as stored (a step that changes
	 * nothing counted, or a late event whose record's state an earlier one already
	 * brought: the cells already count it).
	 */
	List<Cell> write(OpinionRow r) {
		Optional<OpinionRow> before = opinion(r.opinionId());
		if (before.filter(r::equals).isPresent()) {
			return List.of();
		}
		List<Cell> touched = new ArrayList<>();
		before.ifPresent(old -> touched.addAll(cells(old)));
		jdbc.sql("""
				update stat_opinion set tracking_code = :code, received_on = :day, township_id = :t, station_id = :s,
				    category_code = :cat, source = :src, status = :status, outcome = :outcome,
				    department_id = :dept, due_date = :due, replied_on = :replied, handling_days = :days,
				    satisfaction = :sat, overdue = :overdue, converted = :converted, counted = :counted
				where opinion_id = :id
				""")
			.param("id", r.opinionId())
			.param("code", r.trackingCode())
			.param("day", r.receivedOn())
			.param("t", r.townshipId())
			.param("s", r.stationId())
			.param("cat", r.categoryCode())
			.param("src", r.source())
			.param("status", r.status())
			.param("outcome", r.outcome())
			.param("dept", r.departmentId())
			.param("due", r.dueDate())
			.param("replied", r.repliedOn())
			.param("days", r.handlingDays())
			.param("sat", r.satisfaction())
			.param("overdue", r.overdue())
			.param("converted", r.converted())
			.param("counted", r.counted())
			.update();
		jdbc.sql("delete from stat_opinion_deputy where opinion_id = :id").param("id", r.opinionId()).update();
		for (long d : r.deputyIds()) {
			jdbc.sql("insert into stat_opinion_deputy (opinion_id, deputy_id) values (:id, :d)")
				.param("id", r.opinionId())
				.param("d", d)
				.update();
		}
		touched.addAll(cells(r));
		return touched;
	}

	/** Writes the activity's row as {@link #write(OpinionRow)} writes an opinion's. */
	List<Cell> write(ActivityRow r) {
		Optional<ActivityRow> before = activity(r.activityId());
		if (before.filter(r::equals).isPresent()) {
			return List.of();
		}
		List<Cell> touched = new ArrayList<>();
		before.ifPresent(old -> touched.addAll(cells(old)));
		jdbc.sql("""
				update stat_activity set activity_type = :type, activity_date = :day, township_id = :t,
				    station_id = :s, constituents = :c, households = :h, counted = :counted
				where activity_id = :id
				""")
			.param("id", r.activityId())
			.param("type", r.type())
			.param("day", r.date())
			.param("t", r.townshipId())
			.param("s", r.stationId())
			.param("c", r.constituents())
			.param("h", r.households())
			.param("counted", r.counted())
			.update();
		jdbc.sql("delete from stat_activity_deputy where activity_id = :id").param("id", r.activityId()).update();
		for (long d : r.deputyIds()) {
			jdbc.sql("insert into stat_activity_deputy (activity_id, deputy_id) values (:id, :d)")
				.param("id", r.activityId())
				.param("d", d)
				.update();
		}
		touched.addAll(cells(r));
		return touched;
	}

	/** Drops a record that no longer exists at its source (the row must be locked). */
	List<Cell> deleteOpinion(long id) {
		List<Cell> touched = new ArrayList<>();
		opinion(id).ifPresent(old -> touched.addAll(cells(old)));
		jdbc.sql("delete from stat_opinion_deputy where opinion_id = :id").param("id", id).update();
		jdbc.sql("delete from stat_opinion where opinion_id = :id").param("id", id).update();
		return touched;
	}

	List<Cell> deleteActivity(long id) {
		List<Cell> touched = new ArrayList<>();
		activity(id).ifPresent(old -> touched.addAll(cells(old)));
		jdbc.sql("delete from stat_activity_deputy where activity_id = :id").param("id", id).update();
		jdbc.sql("delete from stat_activity where activity_id = :id").param("id", id).update();
		return touched;
	}

	/** The stored rows with ids in [fromId, toId], for the reconciliation. */
	List<Long> opinionIds(long afterId, long upToId) {
		return jdbc.sql("select opinion_id from stat_opinion where opinion_id > :a and opinion_id <= :b")
			.param("a", afterId)
			.param("b", upToId)
			.query(Long.class)
			.list();
	}

	List<Long> activityIds(long afterId, long upToId) {
		return jdbc.sql("select activity_id from stat_activity where activity_id > :a and activity_id <= :b")
			.param("a", afterId)
			.param("b", upToId)
			.query(Long.class)
			.list();
	}

}
