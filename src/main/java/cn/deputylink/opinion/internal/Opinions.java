package cn.deputylink.opinion.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.deputylink.opinion.Action;
import cn.deputylink.opinion.DeadlineColour;
import cn.deputylink.opinion.Deadlines;
import cn.deputylink.opinion.Opinion;
import cn.deputylink.opinion.OpinionFilter;
import cn.deputylink.opinion.OpinionSettings;
import cn.deputylink.opinion.OpinionStatus;
import cn.deputylink.opinion.Outcome;
import cn.deputylink.opinion.Satisfaction;
import cn.deputylink.opinion.Source;
import cn.deputylink.opinion.TimelineEntry;
import cn.deputylink.organisation.Tier;
import cn.deputylink.shared.ConflictException;

/**
 * The opinion aggregate's repository: opinions, their timelines and receiving deputies. A
 * step's {@link OpinionCase.Change} is saved whole, at the version it was read with.
 */
@Repository
class Opinions {

	private final JdbcClient jdbc;

	private final ZoneId zone;

	private final RowMapper<Opinion> row;

	Opinions(JdbcClient jdbc, OpinionSettings settings) {
		this.jdbc = jdbc;
		this.zone = settings.zone();
		this.row = this::map;
	}

	/**
	 * A time as the county sees it: PostgreSQL hands back UTC, H2 the offset stored; both
	 * become the configured zone's offset, so pages and the API show local times on
	 * either database.
	 */
	private @Nullable OffsetDateTime time(ResultSet rs, String column) throws SQLException {
		OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
		return t == null ? null : t.atZoneSameInstant(zone).toOffsetDateTime();
	}

	private OffsetDateTime requiredTime(ResultSet rs, String column) throws SQLException {
		return Objects.requireNonNull(time(rs, column), column);
	}

	/** A new opinion's columns. */
	public record NewOpinion(String trackingCode, Source source, @Nullable Long townshipId, @Nullable Long stationId,
			@Nullable Long villageId, @Nullable String categoryCode, String content, OffsetDateTime receivedAt,
			OffsetDateTime submittedAt, @Nullable String constituentName, @Nullable String phoneEncrypted,
			@Nullable String phoneMasked, boolean anonymous, @Nullable Long createdBy) {
	}

	public long insert(NewOpinion n) {
		var key = new GeneratedKeyHolder();
		jdbc.sql(
				"insert into opinion (tracking_code, source, township_id, station_id, village_id, category_code, content, "
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
		return Objects.requireNonNull(key.getKeyAs(Long.class));
	}

	/** The receiving deputies, in one statement however many there are. */
	public void addDeputies(long opinionId, List<Long> deputyIds) {
		if (deputyIds.isEmpty()) {
			return;
		}
		StringBuilder sql = new StringBuilder("insert into opinion_deputy (opinion_id, deputy_id) values ");
		Map<String, @Nullable Object> params = new LinkedHashMap<>();
		params.put("o", opinionId);
		for (int i = 0; i < deputyIds.size(); i++) {
			sql.append(i == 0 ? "" : ", ").append("(:o, :d").append(i).append(')');
			params.put("d" + i, deputyIds.get(i));
		}
		jdbc.sql(sql.toString()).params(params).update();
	}

	/** Whether a tracking code is taken already. */
	public boolean existsByCode(String code) {
		return jdbc.sql("select count(*) from opinion where tracking_code = :c")
			.param("c", code)
			.query(Integer.class)
			.single() > 0;
	}

	/** The aggregate, with what its steps need beyond the staff's view of it. */
	public Optional<OpinionCase> findCase(long id) {
		return jdbc.sql("select * from opinion where id = :id")
			.param("id", id)
			.query((rs, i) -> new OpinionCase(map(rs, i), time(rs, "escalated_at")))
			.optional()
			.map(c -> new OpinionCase(withDeputies(c.state()), c.escalatedAt()));
	}

	/**
	 * Saves a step: the whole opinion at the version it was read with (409 when somebody
	 * changed it meanwhile), and its timeline line. The overdue notice's claim is not
	 * part of the aggregate's version (the scheduler sets it without disturbing anybody's
	 * form); a new due date clears it.
	 */
	public void save(OpinionCase.Change change) {
		Opinion before = change.before().state();
		Opinion o = change.after().state();
		if (o != before) {
			int updated = jdbc.sql("update opinion set status = :status, category_code = :category, tier = :tier, "
					+ "outcome = :outcome, department_id = :dept, assigned_at = :assignedAt, due_date = :due, "
					+ "return_by = :returnBy, escalated = :escalated, escalated_at = :escalatedAt, reopened = :reopened, "
					+ "satisfaction = :satisfaction, reply = :reply, replied_at = :repliedAt, merged_into_id = :mergedInto, "
					+ "overdue_noticed = (overdue_noticed and :keepNoticed), version = :newVersion "
					+ "where id = :id and version = :version")
				.param("status", o.status().name())
				.param("category", o.categoryCode())
				.param("tier", o.tier() == null ? null : o.tier().name())
				.param("outcome", o.outcome() == null ? null : o.outcome().name())
				.param("dept", o.departmentId())
				.param("assignedAt", o.assignedAt())
				.param("due", o.dueDate())
				.param("returnBy", o.returnBy())
				.param("escalated", o.escalated())
				.param("escalatedAt", change.after().escalatedAt())
				.param("reopened", o.reopened())
				.param("satisfaction", o.satisfaction() == null ? null : o.satisfaction().name())
				.param("reply", o.reply())
				.param("repliedAt", o.repliedAt())
				.param("mergedInto", o.mergedIntoId())
				.param("keepNoticed", !change.newDeadline())
				.param("newVersion", o.version())
				.param("id", o.id())
				.param("version", before.version())
				.update();
			if (updated != 1) {
				throw new ConflictException("error.staleVersion");
			}
		}
		addLine(o.id(), change.line());
	}

	public void addLine(long opinionId, OpinionCase.Line l) {
		jdbc.sql("insert into opinion_event (opinion_id, action, from_status, to_status, actor_user_id, actor_name, "
				+ "department_id, at, note, satisfaction) values (:o, :a, :f, :t, :u, :n, :d, :at, :note, :s)")
			.param("o", opinionId)
			.param("a", l.action().name())
			.param("f", l.from() == null ? null : l.from().name())
			.param("t", l.to().name())
			.param("u", l.actorId())
			.param("n", l.actorName())
			.param("d", l.departmentId())
			.param("at", l.at())
			.param("note", l.note())
			.param("s", l.satisfaction() == null ? null : l.satisfaction().name())
			.update();
	}

	/**
	 * What the notices of a step say beyond its event, in one query: the case's text and
	 * constituent (for the SMS), and the note of its latest timeline line (the reason,
	 * the escalation's note, the constituent's comment).
	 */
	public record NoticeFacts(String content, @Nullable String constituentName, @Nullable String phoneEncrypted,
			@Nullable LocalDate dueDate, @Nullable String lastNote) {
	}

	public NoticeFacts noticeFacts(long id) {
		return jdbc
			.sql("select content, constituent_name, constituent_phone, due_date, (select e.note from opinion_event e "
					+ "where e.opinion_id = opinion.id order by e.id desc limit 1) as last_note from opinion where id = :id")
			.param("id", id)
			.query((rs, i) -> new NoticeFacts(rs.getString("content"), rs.getString("constituent_name"),
					rs.getString("constituent_phone"), rs.getObject("due_date", LocalDate.class),
					rs.getString("last_note")))
			.single();
	}

	/**
	 * Records that the opinion became part of a proposal; false when it was recorded
	 * already.
	 */
	public boolean linkProposal(long opinionId, long proposalId, OffsetDateTime at) {
		return jdbc
			.sql("insert into opinion_proposal_link (opinion_id, proposal_id, linked_at) values (:o, :p, :at) "
					+ "on conflict do nothing")
			.param("o", opinionId)
			.param("p", proposalId)
			.param("at", at)
			.update() == 1;
	}

	public List<Long> proposalIds(long opinionId) {
		return jdbc.sql("select proposal_id from opinion_proposal_link where opinion_id = :o order by proposal_id")
			.param("o", opinionId)
			.query(Long.class)
			.list();
	}

	public Optional<Opinion> find(long id) {
		return jdbc.sql("select * from opinion where id = :id")
			.param("id", id)
			.query(row)
			.optional()
			.map(this::withDeputies);
	}

	public Optional<Opinion> findByCode(String code) {
		return jdbc.sql("select * from opinion where tracking_code = :c")
			.param("c", code)
			.query(row)
			.optional()
			.map(this::withDeputies);
	}

	@Nullable public String encryptedPhone(long id) {
		return jdbc.sql("select constituent_phone from opinion where id = :id")
			.param("id", id)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private Opinion withDeputies(Opinion o) {
		return o.withDeputies(jdbc.sql("select deputy_id from opinion_deputy where opinion_id = :id order by deputy_id")
			.param("id", o.id())
			.query(Long.class)
			.list());
	}

	public List<TimelineEntry> timeline(long opinionId) {
		return jdbc.sql("select * from opinion_event where opinion_id = :o order by id")
			.param("o", opinionId)
			.query((rs, i) -> new TimelineEntry(rs.getLong("id"), Action.valueOf(rs.getString("action")),
					status(rs.getString("from_status")), OpinionStatus.valueOf(rs.getString("to_status")),
					rs.getString("actor_name"), (Long) rs.getObject("department_id", Long.class),
					requiredTime(rs, "at"), rs.getString("note"), e(Satisfaction.class, rs.getString("satisfaction"))))
			.list();
	}

	public boolean everHandledBy(long opinionId, long departmentId) {
		return jdbc.sql("select count(*) from opinion_event where opinion_id = :o and department_id = :d")
			.param("o", opinionId)
			.param("d", departmentId)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Open cases past their due date whose department and township have not been told
	 * yet.
	 */
	public List<Long> overdueUnnoticed(LocalDate today, int max) {
		return jdbc
			.sql("select id from opinion where status in ('ASSIGNED', 'IN_PROGRESS') and due_date < :today "
					+ "and overdue_noticed = false order by due_date, id limit :max")
			.param("today", today)
			.param("max", max)
			.query(Long.class)
			.list();
	}

	/** Claims the overdue notice of one case; only one node (and one run) gets true. */
	public boolean claimOverdueNotice(long id) {
		return jdbc.sql("update opinion set overdue_noticed = true where id = :id and overdue_noticed = false")
			.param("id", id)
			.update() == 1;
	}

	/** The user's data scope, as SQL conditions on the opinion table. */
	public record Scope(@Nullable Long townshipId, @Nullable Long departmentId, @Nullable Long deputyId,
			@Nullable Long userId) {

		public static Scope county() {
			return new Scope(null, null, null, null);
		}
	}

	private Query filtered(OpinionFilter f, Scope s, Deadlines d) {
		Query q = new Query();
		q.where(s.townshipId() != null, "township_id = :scopeTownship", "scopeTownship", s.townshipId());
		q.where(s.departmentId() != null,
				"(department_id = :scopeDept or exists (select 1 from opinion_event e "
						+ "where e.opinion_id = opinion.id and e.department_id = :scopeDept))",
				"scopeDept", s.departmentId());
		if (s.deputyId() != null || s.userId() != null) {
			q.where(true,
					"(created_by = :scopeUser or exists (select 1 from opinion_deputy od where od.opinion_id = opinion.id "
							+ "and od.deputy_id = :scopeDeputy))",
					"scopeUser", s.userId() == null ? -1L : s.userId());
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
			List<String> words = List.of(f.q().trim().toLowerCase(Locale.ROOT).split("\\s+"));
			for (int i = 0; i < words.size() && i < 5; i++) {
				String like = "%" + words.get(i).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
				q.where(true,
						"(lower(content) like :q" + i + " escape '\\' or tracking_code like :q" + i + " escape '\\')",
						"q" + i, like);
			}
		}
		return q;
	}

	/** Newest first; keyset paging on id (API) and offset paging (pages). */
	public List<Opinion> list(OpinionFilter f, Scope s, Deadlines d, long beforeId, int limit, int offset) {
		Query q = filtered(f, s, d);
		q.where(beforeId > 0, "id < :before", "before", beforeId);
		List<Opinion> rows = jdbc
			.sql("select * from opinion" + q.clause() + " order by id desc limit :limit offset :offset")
			.params(q.params)
			.param("limit", limit)
			.param("offset", offset)
			.query(row)
			.list();
		return withDeputies(rows);
	}

	/**
	 * A station's opinions received in [from, to) (merged duplicates left out), oldest
	 * first, without a viewer's scope.
	 */
	public List<Opinion> atStation(long stationId, OffsetDateTime from, OffsetDateTime to) {
		return withDeputies(jdbc
			.sql("select * from opinion where station_id = :s and status <> 'MERGED' "
					+ "and received_at >= :from and received_at < :to order by received_at, id")
			.param("s", stationId)
			.param("from", from)
			.param("to", to)
			.query(row)
			.list());
	}

	/** The receiving deputies of many opinions in one query, not one per row. */
	private List<Opinion> withDeputies(List<Opinion> rows) {
		if (rows.isEmpty()) {
			return rows;
		}
		Map<Long, List<Long>> deputies = new HashMap<>();
		jdbc.sql("select opinion_id, deputy_id from opinion_deputy where opinion_id in (:ids) order by deputy_id")
			.param("ids", rows.stream().map(Opinion::id).toList())
			.query((rs, i) -> Map.entry(rs.getLong(1), rs.getLong(2)))
			.list()
			.forEach(e -> deputies.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
		return rows.stream().map(o -> o.withDeputies(deputies.getOrDefault(o.id(), List.of()))).toList();
	}

	public int count(OpinionFilter f, Scope s, Deadlines d) {
		Query q = filtered(f, s, d);
		return jdbc.sql("select count(*) from opinion" + q.clause()).params(q.params).query(Integer.class).single();
	}

	/**
	 * Possible duplicates, received within the window and not merged: of the same
	 * township (the same street lamp is reported at one station without a village or
	 * category as well as with them), or, for an opinion of no township, of the same
	 * village or category anywhere. The text decides.
	 */
	public List<Opinion> duplicateCandidates(Opinion o, OffsetDateTime since, OffsetDateTime until, int max) {
		return jdbc
			.sql("select * from opinion where id <> :id and status <> 'MERGED' and received_at >= :since "
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
				e(Tier.class, rs.getString("tier")), rs.getString("content"), requiredTime(rs, "received_at"),
				requiredTime(rs, "submitted_at"), rs.getString("constituent_name"), rs.getString("phone_masked"),
				rs.getBoolean("anonymous"), OpinionStatus.valueOf(rs.getString("status")),
				e(Outcome.class, rs.getString("outcome")), (Long) rs.getObject("department_id", Long.class),
				time(rs, "assigned_at"), rs.getObject("due_date", LocalDate.class),
				rs.getObject("return_by", LocalDate.class), rs.getBoolean("escalated"), rs.getBoolean("reopened"),
				e(Satisfaction.class, rs.getString("satisfaction")), rs.getString("reply"), time(rs, "replied_at"),
				(Long) rs.getObject("merged_into_id", Long.class), (Long) rs.getObject("created_by", Long.class),
				List.of(), rs.getInt("version"));
	}

}
