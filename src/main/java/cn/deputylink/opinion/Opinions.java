package cn.deputylink.opinion;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.deputylink.organisation.Tier;

/** Opinions, their timelines and receiving deputies. */
@Repository
class Opinions {

	private final JdbcClient jdbc;

	private final java.time.ZoneId zone;

	private final RowMapper<Opinion> row;

	Opinions(JdbcClient jdbc, OpinionSettings settings) {
		this.jdbc = jdbc;
		this.zone = settings.zone();
		this.row = this::map;
	}

	/**
	 * A time as the county sees it: PostgreSQL hands back UTC, H2 the offset stored; both become the
	 * configured zone's offset, so pages and the API show local times on either database.
	 */
	private @Nullable OffsetDateTime time(ResultSet rs, String column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.atZoneSameInstant(zone).toOffsetDateTime();
	}

	/** A new opinion's columns. */
	record NewOpinion(String trackingCode, Source source, @Nullable Long townshipId, @Nullable Long stationId,
			@Nullable Long villageId, @Nullable String categoryCode, String content, OffsetDateTime receivedAt,
			OffsetDateTime submittedAt, @Nullable String constituentName, @Nullable String phoneEncrypted,
			@Nullable String phoneMasked, boolean anonymous, @Nullable Long createdBy) {
	}

	long insert(NewOpinion n) {
		var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("insert into opinion (tracking_code, source, township_id, station_id, village_id, category_code, content, "
				+ "received_at, submitted_at, constituent_name, constituent_phone, phone_masked, anonymous, status, created_by) "
				+ "values (:code, :source, :township, :station, :village, :category, :content, :received, :submitted, "
				+ ":name, :phone, :masked, :anonymous, 'SUBMITTED', :createdBy)")
			.param("code", n.trackingCode())
			.param("source", n.source().name())
			.param("township", n.townshipId())
			.param("station", n.stationId())
			.param("village", n.villageId())
			.param("category", n.categoryCode())
			.param("content", n.content())
			.param("received", n.receivedAt())
			.param("submitted", n.submittedAt())
			.param("name", n.constituentName())
			.param("phone", n.phoneEncrypted())
			.param("masked", n.phoneMasked())
			.param("anonymous", n.anonymous())
			.param("createdBy", n.createdBy())
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}

	void addDeputies(long opinionId, List<Long> deputyIds) {
		for (Long d : deputyIds) {
			jdbc.sql("insert into opinion_deputy (opinion_id, deputy_id) values (:o, :d)")
				.param("o", opinionId)
				.param("d", d)
				.update();
		}
	}

	Optional<Opinion> find(long id) {
		return jdbc.sql("select * from opinion where id = :id").param("id", id).query(row).optional().map(this::withDeputies);
	}

	Optional<Opinion> findByCode(String code) {
		return jdbc.sql("select * from opinion where tracking_code = :c")
			.param("c", code)
			.query(row)
			.optional()
			.map(this::withDeputies);
	}

	@Nullable
	String encryptedPhone(long id) {
		return jdbc.sql("select constituent_phone from opinion where id = :id").param("id", id).query(String.class).optional().orElse(null);
	}

	private Opinion withDeputies(Opinion o) {
		return o.withDeputies(jdbc.sql("select deputy_id from opinion_deputy where opinion_id = :id order by deputy_id")
			.param("id", o.id())
			.query(Long.class)
			.list());
	}

	/**
	 * Moves the opinion from {@code from} (at {@code version}) and sets the given columns; false when
	 * somebody else changed it first. Column names come from this module's code, never from input.
	 */
	boolean update(long id, int version, OpinionStatus from, OpinionStatus to, Map<String, @Nullable Object> set) {
		StringBuilder sql = new StringBuilder("update opinion set status = :to, version = version + 1");
		Map<String, @Nullable Object> params = new LinkedHashMap<>();
		set.forEach((column, value) -> {
			sql.append(", ").append(column).append(" = :p_").append(column);
			params.put("p_" + column, value);
		});
		sql.append(" where id = :id and version = :version and status = :from");
		var spec = jdbc.sql(sql.toString()).param("to", to.name()).param("id", id).param("version", version).param("from", from.name());
		for (var e : params.entrySet()) {
			spec = spec.param(e.getKey(), e.getValue());
		}
		return spec.update() == 1;
	}

	void addEvent(long opinionId, Action action, @Nullable OpinionStatus from, OpinionStatus to, @Nullable Long actorId,
			String actorName, @Nullable Long departmentId, OffsetDateTime at, @Nullable String note,
			@Nullable Satisfaction satisfaction) {
		jdbc.sql("insert into opinion_event (opinion_id, action, from_status, to_status, actor_user_id, actor_name, "
				+ "department_id, at, note, satisfaction) values (:o, :a, :f, :t, :u, :n, :d, :at, :note, :s)")
			.param("o", opinionId)
			.param("a", action.name())
			.param("f", from == null ? null : from.name())
			.param("t", to.name())
			.param("u", actorId)
			.param("n", actorName)
			.param("d", departmentId)
			.param("at", at)
			.param("note", note)
			.param("s", satisfaction == null ? null : satisfaction.name())
			.update();
	}

	List<TimelineEntry> timeline(long opinionId) {
		return jdbc.sql("select * from opinion_event where opinion_id = :o order by id")
			.param("o", opinionId)
			.query((rs, i) -> new TimelineEntry(rs.getLong("id"), Action.valueOf(rs.getString("action")),
					status(rs.getString("from_status")), OpinionStatus.valueOf(rs.getString("to_status")),
					rs.getString("actor_name"), (Long) rs.getObject("department_id", Long.class),
					time(rs, "at"), rs.getString("note"),
					e(Satisfaction.class, rs.getString("satisfaction"))))
			.list();
	}

	boolean everHandledBy(long opinionId, long departmentId) {
		return jdbc.sql("select count(*) from opinion_event where opinion_id = :o and department_id = :d")
			.param("o", opinionId)
			.param("d", departmentId)
			.query(Integer.class)
			.single() > 0;
	}

	/** Open cases past their due date whose department and township have not been told yet. */
	List<Long> overdueUnnoticed(LocalDate today, int max) {
		return jdbc.sql("select id from opinion where status in ('ASSIGNED', 'IN_PROGRESS') and due_date < :today "
				+ "and overdue_noticed = false order by due_date, id limit :max")
			.param("today", today)
			.param("max", max)
			.query(Long.class)
			.list();
	}

	/** Claims the overdue notice of one case; only one node (and one run) gets true. */
	boolean claimOverdueNotice(long id) {
		return jdbc.sql("update opinion set overdue_noticed = true where id = :id and overdue_noticed = false")
			.param("id", id)
			.update() == 1;
	}

	/** The user's data scope, as SQL conditions on the opinion table. */
	record Scope(@Nullable Long townshipId, @Nullable Long departmentId, @Nullable Long deputyId, @Nullable Long userId) {

		static Scope county() {
			return new Scope(null, null, null, null);
		}
	}

	private Query filtered(OpinionFilter f, Scope s, OpinionHandling.Deadlines d) {
		Query q = new Query();
		q.where(s.townshipId() != null, "township_id = :scopeTownship", "scopeTownship", s.townshipId());
		q.where(s.departmentId() != null, "(department_id = :scopeDept or exists (select 1 from opinion_event e "
				+ "where e.opinion_id = opinion.id and e.department_id = :scopeDept))", "scopeDept", s.departmentId());
		if (s.deputyId() != null || s.userId() != null) {
			q.where(true, "(created_by = :scopeUser or exists (select 1 from opinion_deputy od where od.opinion_id = opinion.id "
					+ "and od.deputy_id = :scopeDeputy))", "scopeUser", s.userId() == null ? -1L : s.userId());
			q.params.put("scopeDeputy", s.deputyId() == null ? -1L : s.deputyId());
		}
		q.where(f.status() != null, "status = :status", "status", f.status() == null ? null : f.status().name());
		q.where(f.townshipId() != null, "township_id = :township", "township", f.townshipId());
		q.where(f.stationId() != null, "station_id = :station", "station", f.stationId());
		q.where(f.departmentId() != null, "department_id = :dept", "dept", f.departmentId());
		q.where(f.categoryCode() != null, "category_code = :category", "category", f.categoryCode());
		q.where(Boolean.TRUE.equals(f.escalated()), "escalated = :esc", "esc", true);
		String open = "status in ('ASSIGNED', 'IN_PROGRESS')";
		if (Boolean.TRUE.equals(f.overdue()) || f.colour() == DeadlineColour.RED) {
			q.where(true, open + " and due_date < :today", "today", d.today());
		}
		else if (Boolean.FALSE.equals(f.overdue())) {
			q.where(true, "not (" + open + " and due_date < :today)", "today", d.today());
		}
		if (f.colour() == DeadlineColour.YELLOW) {
			q.where(true, open + " and due_date >= :today and due_date <= :yellowUntil", "today", d.today());
			q.params.put("yellowUntil", d.yellowUntil());
		}
		else if (f.colour() == DeadlineColour.GREEN) {
			q.where(true, open + " and due_date > :yellowUntil", "yellowUntil", d.yellowUntil());
		}
		if (f.q() != null && !f.q().isBlank()) {
			List<String> words = List.of(f.q().trim().toLowerCase(java.util.Locale.ROOT).split("\\s+"));
			for (int i = 0; i < words.size() && i < 5; i++) {
				String like = "%" + words.get(i).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
				q.where(true, "(lower(content) like :q" + i + " escape '\\' or tracking_code like :q" + i + " escape '\\')",
						"q" + i, like);
			}
		}
		return q;
	}

	/** Newest first; keyset paging on id (API) and offset paging (pages). */
	List<Opinion> list(OpinionFilter f, Scope s, OpinionHandling.Deadlines d, long beforeId, int limit, int offset) {
		Query q = filtered(f, s, d);
		q.where(beforeId > 0, "id < :before", "before", beforeId);
		List<Opinion> rows = jdbc.sql("select * from opinion" + q.clause() + " order by id desc limit :limit offset :offset")
			.params(q.params)
			.param("limit", limit)
			.param("offset", offset)
			.query(row)
			.list();
		return withDeputies(rows);
	}

	/** The receiving deputies of many opinions in one query, not one per row. */
	private List<Opinion> withDeputies(List<Opinion> rows) {
		if (rows.isEmpty()) {
			return rows;
		}
		Map<Long, List<Long>> deputies = new java.util.HashMap<>();
		jdbc.sql("select opinion_id, deputy_id from opinion_deputy where opinion_id in (:ids) order by deputy_id")
			.param("ids", rows.stream().map(Opinion::id).toList())
			.query((rs, i) -> Map.entry(rs.getLong(1), rs.getLong(2)))
			.list()
			.forEach(e -> deputies.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		return rows.stream().map(o -> o.withDeputies(deputies.getOrDefault(o.id(), List.of()))).toList();
	}

	int count(OpinionFilter f, Scope s, OpinionHandling.Deadlines d) {
		Query q = filtered(f, s, d);
		return jdbc.sql("select count(*) from opinion" + q.clause()).params(q.params).query(Integer.class).single();
	}

	/**
	 * Possible duplicates, received within the window and not merged: of the same township (the same
	 * street lamp is reported at one station without a village or category as well as with them), or,
	 * for an opinion of no township, of the same village or category anywhere. The text decides.
	 */
	List<Opinion> duplicateCandidates(Opinion o, OffsetDateTime since, OffsetDateTime until, int max) {
		return jdbc.sql("select * from opinion where id <> :id and status <> 'MERGED' and received_at >= :since "
				+ "and received_at <= :until and (township_id = :township or (:anyTownship = true "
				+ "and ((village_id is not null and village_id = :village) "
				+ "or (category_code is not null and category_code = :category)))) order by id desc limit :max")
			.param("id", o.id())
			.param("since", since)
			.param("until", until)
			.param("village", o.villageId() == null ? -1L : o.villageId())
			.param("category", o.categoryCode() == null ? "" : o.categoryCode())
			.param("township", o.townshipId() == null ? -1L : o.townshipId())
			.param("anyTownship", o.townshipId() == null)
			.param("max", max)
			.query(row)
			.list();
	}

	private static final class Query {

		final List<String> where = new ArrayList<>();

		final Map<String, @Nullable Object> params = new LinkedHashMap<>();

		void where(boolean apply, String condition, String name, @Nullable Object value) {
			if (apply) {
				where.add(condition);
				params.put(name, value);
			}
		}

		String clause() {
			return where.isEmpty() ? "" : " where " + String.join(" and ", where);
		}
	}

	private static @Nullable OpinionStatus status(@Nullable String s) {
		return s == null ? null : OpinionStatus.valueOf(s);
	}

	private static <E extends Enum<E>> @Nullable E e(Class<E> type, @Nullable String s) {
		return s == null ? null : Enum.valueOf(type, s);
	}

	private Opinion map(ResultSet rs, int i) throws SQLException {
		return new Opinion(rs.getLong("id"), rs.getString("tracking_code"), Source.valueOf(rs.getString("source")),
				(Long) rs.getObject("township_id", Long.class), (Long) rs.getObject("station_id", Long.class),
				(Long) rs.getObject("village_id", Long.class), rs.getString("category_code"),
				e(Tier.class, rs.getString("tier")), rs.getString("content"),
				time(rs, "received_at"), time(rs, "submitted_at"),
				rs.getString("constituent_name"), rs.getString("phone_masked"), rs.getBoolean("anonymous"),
				OpinionStatus.valueOf(rs.getString("status")), e(Outcome.class, rs.getString("outcome")),
				(Long) rs.getObject("department_id", Long.class), time(rs, "assigned_at"),
				rs.getObject("due_date", LocalDate.class), rs.getObject("return_by", LocalDate.class),
				rs.getBoolean("escalated"), rs.getBoolean("reopened"), e(Satisfaction.class, rs.getString("satisfaction")),
				rs.getString("reply"), time(rs, "replied_at"),
				(Long) rs.getObject("merged_into_id", Long.class), (Long) rs.getObject("created_by", Long.class),
				List.of(), rs.getInt("version"));
	}
}
