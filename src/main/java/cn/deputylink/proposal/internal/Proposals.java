package cn.deputylink.proposal.internal;

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
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.deputylink.proposal.CoSignerState;
import cn.deputylink.proposal.DeputyProposal;
import cn.deputylink.proposal.Evaluation;
import cn.deputylink.proposal.HandlingUnit;
import cn.deputylink.proposal.Period;
import cn.deputylink.proposal.Proposal;
import cn.deputylink.proposal.ProposalAction;
import cn.deputylink.proposal.ProposalAttachment;
import cn.deputylink.proposal.ProposalEvent;
import cn.deputylink.proposal.ProposalStatus;
import cn.deputylink.proposal.ProposalTimelineEntry;
import cn.deputylink.proposal.UnitHandling;
import cn.deputylink.proposal.UnitRole;
import cn.deputylink.shared.ConflictException;

/**
 * The proposal aggregate's repository: proposals with their co-signers, opinions, units,
 * timelines and files, and the yearly registration counter. A step's
 * {@link ProposalCase.Change} is saved whole, at the version it was read with.
 */
@Repository
class Proposals {

	private static final String COLUMNS = "id, title, content, lead_deputy_id, period, status, reg_year, reg_sequence, "
			+ "public_consent, on_behalf, entered_by, created_at, submitted_at, assign_by, registered_at, refusal_reason, "
			+ "lead_department_id, assigned_at, reply_due, extension_requested, extended, reply, result_class, replied_at, "
			+ "evaluation, evaluation_comment, evaluated_at, round, key_supervised, closed_at, version, extension_pending";

	private final JdbcClient jdbc;

	private final ZoneId zone;

	Proposals(JdbcClient jdbc, @Value("${deputylink.zone:Asia/Shanghai}") ZoneId zone) {
		this.jdbc = jdbc;
		this.zone = zone;
	}

	/** A row read, before its co-signers, opinions and units are added. */
	private record Row(Proposal p, boolean extensionPending) {
	}

	private @Nullable OffsetDateTime time(ResultSet rs, String col) throws SQLException {
		OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
		return t == null ? null : t.atZoneSameInstant(zone).toOffsetDateTime();
	}

	private static @Nullable Integer integer(ResultSet rs, String col) throws SQLException {
		int v = rs.getInt(col);
		return rs.wasNull() ? null : v;
	}

	private static @Nullable Long longOrNull(ResultSet rs, String col) throws SQLException {
		long v = rs.getLong(col);
		return rs.wasNull() ? null : v;
	}

	private Row row(ResultSet rs) throws SQLException {
		String evaluation = rs.getString("evaluation");
		Proposal p = new Proposal(rs.getLong("id"), rs.getString("title"), rs.getString("content"),
				rs.getLong("lead_deputy_id"), Period.valueOf(rs.getString("period")),
				ProposalStatus.valueOf(rs.getString("status")), integer(rs, "reg_year"), integer(rs, "reg_sequence"),
				rs.getBoolean("public_consent"), rs.getBoolean("on_behalf"), rs.getLong("entered_by"),
				Objects.requireNonNull(time(rs, "created_at")), time(rs, "submitted_at"),
				rs.getObject("assign_by", LocalDate.class), time(rs, "registered_at"), rs.getString("refusal_reason"),
				longOrNull(rs, "lead_department_id"), List.of(), time(rs, "assigned_at"),
				rs.getObject("reply_due", LocalDate.class), rs.getBoolean("extension_requested"),
				rs.getBoolean("extended"), rs.getString("reply"), rs.getString("result_class"), time(rs, "replied_at"),
				evaluation == null ? null : Evaluation.valueOf(evaluation), rs.getString("evaluation_comment"),
				time(rs, "evaluated_at"), rs.getInt("round"), rs.getBoolean("key_supervised"), time(rs, "closed_at"),
				List.of(), List.of(), rs.getInt("version"));
		return new Row(p, rs.getBoolean("extension_pending"));
	}

	// ------------------------------------------------------------------ reading

	public Optional<ProposalCase> findCase(long id) {
		Optional<Row> r = jdbc.sql("select " + COLUMNS + " from proposal where id = :id")
			.param("id", id)
			.query((rs, i) -> row(rs))
			.optional();
		return r.map(x -> {
			List<Proposal> full = complete(List.of(x.p()));
			return new ProposalCase(full.get(0), units(id), x.extensionPending());
		});
	}

	public Optional<Proposal> find(long id) {
		return findCase(id).map(ProposalCase::state);
	}

	/** Proposals matching a where clause (with its parameters), newest first. */
	public List<Proposal> list(String where, Map<String, Object> params, int limit, int offset) {
		return list(where, params, "p.id desc", limit, offset);
	}

	/** ... in this order (a constant of the caller). */
	public List<Proposal> list(String where, Map<String, Object> params, String orderBy, int limit, int offset) {
		List<Proposal> rows = jdbc
			.sql("select " + COLUMNS + " from proposal p where " + where + " order by " + orderBy
					+ " limit :limit offset :offset")
			.params(params)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, i) -> row(rs).p())
			.list();
		return complete(rows);
	}

	public int count(String where, Map<String, Object> params) {
		return jdbc.sql("select count(*) from proposal p where " + where).params(params).query(Integer.class).single();
	}

	/** The co-signers, opinions and co-units of these rows, in a few queries. */
	private List<Proposal> complete(List<Proposal> rows) {
		if (rows.isEmpty()) {
			return rows;
		}
		List<Long> ids = rows.stream().map(Proposal::id).toList();
		Map<Long, List<Proposal.CoSigner>> co = new HashMap<>();
		jdbc.sql("select proposal_id, deputy_id, state, answered_at from proposal_co_signer "
				+ "where proposal_id in (:ids) order by proposal_id, deputy_id")
			.param("ids", ids)
			.query(rs -> {
				co.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new Proposal.CoSigner(rs.getLong(2), CoSignerState.valueOf(rs.getString(3)),
							time(rs, "answered_at")));
			});
		Map<Long, List<Long>> ops = new HashMap<>();
		jdbc.sql("select proposal_id, opinion_id from proposal_opinion where proposal_id in (:ids) "
				+ "order by proposal_id, opinion_id")
			.param("ids", ids)
			.query(rs -> {
				ops.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
			});
		Map<Long, List<Long>> coUnits = new HashMap<>();
		jdbc.sql(
				"select proposal_id, department_id from proposal_unit where proposal_id in (:ids) and unit_role = 'CO' "
						+ "order by proposal_id, department_id")
			.param("ids", ids)
			.query(rs -> {
				coUnits.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
			});
		return rows.stream()
			.map(p -> with(p, co.getOrDefault(p.id(), List.of()), ops.getOrDefault(p.id(), List.of()),
					coUnits.getOrDefault(p.id(), List.of())))
			.toList();
	}

	private static Proposal with(Proposal p, List<Proposal.CoSigner> co, List<Long> ops, List<Long> coUnits) {
		return new Proposal(p.id(), p.title(), p.content(), p.leadDeputyId(), p.period(), p.status(), p.year(),
				p.sequence(), p.publicConsent(), p.onBehalf(), p.enteredBy(), p.createdAt(), p.submittedAt(),
				p.assignBy(), p.registeredAt(), p.refusalReason(), p.leadDepartmentId(), List.copyOf(coUnits),
				p.assignedAt(), p.replyDue(), p.extensionRequested(), p.extended(), p.reply(), p.resultClass(),
				p.repliedAt(), p.evaluation(), p.evaluationComment(), p.evaluatedAt(), p.round(), p.keySupervised(),
				p.closedAt(), List.copyOf(co), List.copyOf(ops), p.version());
	}

	public List<HandlingUnit> units(long id) {
		return jdbc
			.sql("select department_id, unit_role, input, input_at from proposal_unit where proposal_id = :id "
					+ "order by case unit_role when 'LEAD' then 0 else 1 end, department_id")
			.param("id", id)
			.query((rs, i) -> new HandlingUnit(rs.getLong(1), UnitRole.valueOf(rs.getString(2)), rs.getString(3),
					time(rs, "input_at")))
			.list();
	}

	public List<ProposalTimelineEntry> timeline(long id) {
		return jdbc
			.sql("select id, action, from_status, to_status, actor_name, department_id, at, note "
					+ "from proposal_timeline where proposal_id = :id order by id")
			.param("id", id)
			.query((rs, i) -> {
				String from = rs.getString("from_status");
				return new ProposalTimelineEntry(rs.getLong("id"), ProposalAction.valueOf(rs.getString("action")),
						from == null ? null : ProposalStatus.valueOf(from),
						ProposalStatus.valueOf(rs.getString("to_status")), rs.getString("actor_name"),
						longOrNull(rs, "department_id"), Objects.requireNonNull(time(rs, "at")), rs.getString("note"));
			})
			.list();
	}

	/** Whether a reply used this result class (then it cannot go). */
	public boolean resultClassUsed(String code) {
		return jdbc.sql("select count(*) from proposal where result_class = :c")
			.param("c", code)
			.query(Integer.class)
			.single() > 0;
	}

	// ------------------------------------------------------------------ writing

	/** Saves a new draft with its co-signers and opinions; returns its id. */
	public long insert(ProposalCase fresh) {
		Proposal p = fresh.state();
		var key = new GeneratedKeyHolder();
		jdbc.sql("insert into proposal (title, content, lead_deputy_id, period, status, public_consent, on_behalf, "
				+ "entered_by, created_at, round, version) values (:title, :content, :lead, :period, :status, :consent, "
				+ ":behalf, :by, :at, 1, 0)")
			.param("title", p.title())
			.param("content", p.content())
			.param("lead", p.leadDeputyId())
			.param("period", p.period().name())
			.param("status", p.status().name())
			.param("consent", p.publicConsent())
			.param("behalf", p.onBehalf())
			.param("by", p.enteredBy())
			.param("at", p.createdAt())
			.update(key, "id");
		long id = Objects.requireNonNull(key.getKeyAs(Long.class));
		replaceCoSigners(id, p.coSigners());
		replaceOpinions(id, p.opinionIds());
		return id;
	}

	/**
	 * Saves a step at the version it was read with (409 when someone changed the proposal
	 * meanwhile), what else it changed, and its timeline line.
	 */
	public void save(ProposalCase.Change change) {
		Proposal b = change.before().state();
		Proposal a = change.proposal();
		ProposalEvent e = change.event();
		if (e != null) {
			int n = jdbc
				.sql("update proposal set title = :title, content = :content, period = :period, status = :status, "
						+ "reg_year = :year, reg_sequence = :seq, public_consent = :consent, submitted_at = :submitted, "
						+ "assign_by = :assignBy, registered_at = :registered, refusal_reason = :refusal, "
						+ "lead_department_id = :leadDept, assigned_at = :assigned, reply_due = :due, "
						+ "extension_requested = :extReq, extended = :extended, extension_pending = :pending, reply = :reply, "
						+ "result_class = :rc, replied_at = :replied, evaluation = :evaluation, "
						+ "evaluation_comment = :comment, evaluated_at = :evaluated, round = :round, "
						+ "key_supervised = :supervised, closed_at = :closed, version = version + 1 "
						+ "where id = :id and version = :version")
				.param("title", a.title())
				.param("content", a.content())
				.param("period", a.period().name())
				.param("status", a.status().name())
				.param("year", a.year())
				.param("seq", a.sequence())
				.param("consent", a.publicConsent())
				.param("submitted", a.submittedAt())
				.param("assignBy", a.assignBy())
				.param("registered", a.registeredAt())
				.param("refusal", a.refusalReason())
				.param("leadDept", a.leadDepartmentId())
				.param("assigned", a.assignedAt())
				.param("due", a.replyDue())
				.param("extReq", a.extensionRequested())
				.param("extended", a.extended())
				.param("pending", change.after().extensionPending())
				.param("reply", a.reply())
				.param("rc", a.resultClass())
				.param("replied", a.repliedAt())
				.param("evaluation", a.evaluation() == null ? null : a.evaluation().name())
				.param("comment", a.evaluationComment())
				.param("evaluated", a.evaluatedAt())
				.param("round", a.round())
				.param("supervised", a.keySupervised())
				.param("closed", a.closedAt())
				.param("id", b.id())
				.param("version", b.version())
				.update();
			if (n != 1) {
				throw new ConflictException("proposal.error.stale");
			}
		}
		if (e instanceof ProposalEvent.Drafted) {
			replaceCoSigners(a.id(), a.coSigners());
			replaceOpinions(a.id(), a.opinionIds());
		}
		else if (e instanceof ProposalEvent.CoSignAnswered c) {
			jdbc.sql(
					"update proposal_co_signer set state = :s, answered_at = :at where proposal_id = :p and deputy_id = :d")
				.param("s", c.state().name())
				.param("at", c.at())
				.param("p", a.id())
				.param("d", c.deputyId())
				.update();
		}
		else if (e instanceof ProposalEvent.Assigned) {
			for (HandlingUnit h : change.after().units()) {
				jdbc.sql("insert into proposal_unit (proposal_id, department_id, unit_role) values (:p, :d, :r)")
					.param("p", a.id())
					.param("d", h.departmentId())
					.param("r", h.role().name())
					.update();
			}
		}
		else if (e instanceof ProposalEvent.CoUnitInput c) {
			jdbc.sql(
					"update proposal_unit set input = :i, input_at = :at where proposal_id = :p and department_id = :d")
				.param("i", change.line().note())
				.param("at", c.at())
				.param("p", a.id())
				.param("d", c.departmentId())
				.update();
		}
		else if (e instanceof ProposalEvent.ExtensionRequested) {
			jdbc.sql("update proposal set extension_reason = :r where id = :id")
				.param("r", change.line().note())
				.param("id", a.id())
				.update();
		}
		else if (e instanceof ProposalEvent.Supervised) {
			jdbc.sql("update proposal set supervision_note = :n where id = :id")
				.param("n", change.line().note())
				.param("id", a.id())
				.update();
		}
		insertLine(a.id(), change.line());
	}

	void insertLine(long proposalId, ProposalCase.Line l) {
		jdbc.sql(
				"insert into proposal_timeline (proposal_id, action, from_status, to_status, actor_user_id, actor_name, "
						+ "department_id, at, note) values (:p, :a, :f, :t, :u, :n, :d, :at, :note)")
			.param("p", proposalId)
			.param("a", l.action().name())
			.param("f", l.from() == null ? null : l.from().name())
			.param("t", l.to().name())
			.param("u", l.actorId())
			.param("n", l.actorName().length() > 100 ? l.actorName().substring(0, 100) : l.actorName())
			.param("d", l.departmentId())
			.param("at", l.at())
			.param("note", l.note())
			.update();
	}

	private void replaceCoSigners(long id, List<Proposal.CoSigner> coSigners) {
		jdbc.sql("delete from proposal_co_signer where proposal_id = :p").param("p", id).update();
		for (Proposal.CoSigner c : coSigners) {
			jdbc.sql(
					"insert into proposal_co_signer (proposal_id, deputy_id, state, answered_at) values (:p, :d, :s, :at)")
				.param("p", id)
				.param("d", c.deputyId())
				.param("s", c.state().name())
				.param("at", c.answeredAt())
				.update();
		}
	}

	private void replaceOpinions(long id, List<Long> opinionIds) {
		jdbc.sql("delete from proposal_opinion where proposal_id = :p").param("p", id).update();
		for (Long o : opinionIds) {
			jdbc.sql("insert into proposal_opinion (proposal_id, opinion_id) values (:p, :o)")
				.param("p", id)
				.param("o", o)
				.update();
		}
	}

	/**
	 * The year's next registration number, taken in the caller's transaction: the year's
	 * counter row stays locked by the update until the transaction ends, so concurrent
	 * registrations wait for each other, and a registration that rolls back gives its
	 * number back.
	 */
	public int nextNumber(int year) {
		if (bump(year) == 0) {
			jdbc.sql("insert into proposal_number (num_year, last_sequence) values (:y, 0) on conflict do nothing")
				.param("y", year)
				.update();
			if (bump(year) != 1) {
				throw new IllegalStateException("no counter row for " + year);
			}
		}
		return jdbc.sql("select last_sequence from proposal_number where num_year = :y")
			.param("y", year)
			.query(Integer.class)
			.single();
	}

	private int bump(int year) {
		return jdbc.sql("update proposal_number set last_sequence = last_sequence + 1 where num_year = :y")
			.param("y", year)
			.update();
	}

	// ------------------------------------------------------------------ files

	public long insertAttachment(long proposalId, String filename, String contentType, byte[] data, String sha256,
			long userId, OffsetDateTime at) {
		var key = new GeneratedKeyHolder();
		jdbc.sql("insert into proposal_attachment (proposal_id, filename, content_type, size_bytes, sha256, data, "
				+ "uploaded_by, uploaded_at) values (:p, :f, :t, :s, :h, :d, :u, :at)")
			.param("p", proposalId)
			.param("f", filename)
			.param("t", contentType)
			.param("s", (long) data.length)
			.param("h", sha256)
			.param("d", data)
			.param("u", userId)
			.param("at", at)
			.update(key, "id");
		return Objects.requireNonNull(key.getKeyAs(Long.class));
	}

	private ProposalAttachment attachmentRow(ResultSet rs) throws SQLException {
		return new ProposalAttachment(rs.getLong("id"), rs.getLong("proposal_id"), rs.getString("filename"),
				rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
				rs.getLong("uploaded_by"), Objects.requireNonNull(time(rs, "uploaded_at")));
	}

	public List<ProposalAttachment> attachments(long proposalId) {
		return jdbc
			.sql("select id, proposal_id, filename, content_type, size_bytes, sha256, uploaded_by, uploaded_at "
					+ "from proposal_attachment where proposal_id = :p order by id")
			.param("p", proposalId)
			.query((rs, i) -> attachmentRow(rs))
			.list();
	}

	public Optional<ProposalAttachment> attachment(long proposalId, long id) {
		return jdbc
			.sql("select id, proposal_id, filename, content_type, size_bytes, sha256, uploaded_by, uploaded_at "
					+ "from proposal_attachment where proposal_id = :p and id = :id")
			.param("p", proposalId)
			.param("id", id)
			.query((rs, i) -> attachmentRow(rs))
			.optional();
	}

	public byte[] attachmentData(long id) {
		return jdbc.sql("select data from proposal_attachment where id = :id")
			.param("id", id)
			.query((rs, i) -> rs.getBytes(1))
			.single();
	}

	// ------------------------------------------------------------------ for other
	// modules

	public List<DeputyProposal> ofDeputies(Collection<Long> deputyIds, OffsetDateTime from, OffsetDateTime to) {
		if (deputyIds.isEmpty()) {
			return List.of();
		}
		return jdbc
			.sql("select p.id, d.deputy_id, d.lead, p.title, p.status, p.reg_year, p.reg_sequence, p.submitted_at, "
					+ "p.result_class, p.evaluation, p.replied_at from proposal p join ("
					+ "select id as pid, lead_deputy_id as deputy_id, true as lead from proposal "
					+ "union all select proposal_id, deputy_id, false from proposal_co_signer where state = 'CONFIRMED'"
					+ ") d on d.pid = p.id where d.deputy_id in (:ids) and p.submitted_at is not null "
					+ "and p.status not in ('DRAFT', 'WITHDRAWN') and p.submitted_at >= :from and p.submitted_at < :to "
					+ "order by d.deputy_id, p.id")
			.param("ids", deputyIds)
			.param("from", from)
			.param("to", to)
			.query((rs, i) -> {
				Integer y = integer(rs, "reg_year");
				Integer s = integer(rs, "reg_sequence");
				String ev = rs.getString("evaluation");
				return new DeputyProposal(rs.getLong(1), rs.getLong(2), rs.getBoolean(3), rs.getString("title"),
						ProposalStatus.valueOf(rs.getString("status")),
						y == null || s == null ? null : y + "-" + String.format("%03d", s),
						Objects.requireNonNull(time(rs, "submitted_at")).toLocalDate(), rs.getString("result_class"),
						ev == null ? null : Evaluation.valueOf(ev), time(rs, "replied_at"));
			})
			.list();
	}

	public List<UnitHandling> handlings(OffsetDateTime from, OffsetDateTime to) {
		return jdbc
			.sql("select u.department_id, p.id, u.unit_role, p.assigned_at, p.reply_due, p.replied_at, u.input_at, "
					+ "p.result_class, coalesce(c.favourable, false) as favourable, p.evaluation, p.status "
					+ "from proposal_unit u join proposal p on p.id = u.proposal_id "
					+ "left join proposal_result_class c on c.code = p.result_class "
					+ "where p.assigned_at >= :from and p.assigned_at < :to order by u.department_id, p.id")
			.param("from", from)
			.param("to", to)
			.query((rs, i) -> {
				UnitRole role = UnitRole.valueOf(rs.getString("unit_role"));
				ProposalStatus st = ProposalStatus.valueOf(rs.getString("status"));
				String ev = rs.getString("evaluation");
				boolean finalEvaluation = st == ProposalStatus.EVALUATED || st == ProposalStatus.CLOSED;
				return new UnitHandling(rs.getLong(1), rs.getLong(2), role,
						Objects.requireNonNull(time(rs, "assigned_at")), rs.getObject("reply_due", LocalDate.class),
						role == UnitRole.LEAD ? time(rs, "replied_at") : time(rs, "input_at"),
						rs.getString("result_class"), rs.getBoolean("favourable"),
						finalEvaluation && ev != null ? Evaluation.valueOf(ev) : null);
			})
			.list();
	}

	/** For the public list: the names it shows are looked up by the caller. */
	public Map<Long, List<Long>> confirmedCoSigners(Collection<Long> proposalIds) {
		Map<Long, List<Long>> out = new LinkedHashMap<>();
		if (proposalIds.isEmpty()) {
			return out;
		}
		jdbc.sql("select proposal_id, deputy_id from proposal_co_signer where proposal_id in (:ids) "
				+ "and state = 'CONFIRMED' order by proposal_id, deputy_id")
			.param("ids", proposalIds)
			.query(rs -> {
				out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
			});
		return out;
	}

}
