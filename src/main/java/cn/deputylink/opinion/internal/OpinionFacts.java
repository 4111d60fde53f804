package cn.deputylink.opinion.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.deputylink.opinion.OpinionCount;
import cn.deputylink.opinion.OpinionFact;
import cn.deputylink.opinion.OpinionSettings;
import cn.deputylink.opinion.OpinionStatus;
import cn.deputylink.opinion.Outcome;
import cn.deputylink.opinion.Satisfaction;
import cn.deputylink.opinion.Source;

/**
 * The opinions' facts for {@link cn.deputylink.opinion.OpinionRecords}: one query each,
 * an opinion's deputies joined in (one row per opinion and deputy, folded here).
 */
@Component
public class OpinionFacts {

	private static final String SELECT = """
			select o.id, o.township_id, o.station_id, o.received_at, o.status, o.outcome, o.department_id,
			       o.assigned_at, o.due_date, o.replied_at, o.satisfaction, o.reopened, d.deputy_id,
			       (select count(*) from opinion_proposal_link l where l.opinion_id = o.id) as links
			from opinion o left join opinion_deputy d on d.opinion_id = o.id
			""";

	private final JdbcClient jdbc;

	private final OpinionSettings settings;

	OpinionFacts(JdbcClient jdbc, OpinionSettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	public List<OpinionFact> receivedBy(Collection<Long> deputyIds, LocalDate from, LocalDate to) {
		return fold(jdbc.sql(SELECT + """
				where o.status <> 'MERGED' and o.received_at >= :from and o.received_at < :to
				  and exists (select 1 from opinion_deputy x where x.opinion_id = o.id and x.deputy_id in (:deputies))
				order by o.received_at, o.id
				""")
			.param("from", start(from))
			.param("to", start(to.plusDays(1)))
			.param("deputies", deputyIds)
			.query(this::row)
			.list());
	}

	public List<OpinionFact> assignedIn(LocalDate from, LocalDate to) {
		return fold(jdbc.sql(SELECT + """
				where o.status <> 'MERGED' and o.department_id is not null
				  and o.assigned_at >= :from and o.assigned_at < :to
				order by o.assigned_at, o.id
				""").param("from", start(from)).param("to", start(to.plusDays(1))).query(this::row).list());
	}

	private OffsetDateTime start(LocalDate day) {
		return day.atStartOfDay(settings.zone()).toOffsetDateTime();
	}

	private record Row(OpinionFact fact, @Nullable Long deputyId) {
	}

	private Row row(ResultSet rs, int n) throws SQLException {
		String outcome = rs.getString("outcome");
		String satisfaction = rs.getString("satisfaction");
		LocalDate due = rs.getObject("due_date", LocalDate.class);
		OpinionFact fact = new OpinionFact(rs.getLong("id"), nullableLong(rs, "township_id"),
				nullableLong(rs, "station_id"), rs.getObject("received_at", OffsetDateTime.class),
				OpinionStatus.valueOf(rs.getString("status")), outcome == null ? null : Outcome.valueOf(outcome),
				nullableLong(rs, "department_id"), rs.getObject("assigned_at", OffsetDateTime.class), due,
				rs.getObject("replied_at", OffsetDateTime.class),
				satisfaction == null ? null : Satisfaction.valueOf(satisfaction), rs.getBoolean("reopened"), List.of(),
				rs.getLong("links") > 0);
		return new Row(fact, nullableLong(rs, "deputy_id"));
	}

	private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
		long v = rs.getLong(column);
		return rs.wasNull() ? null : v;
	}

	private static List<OpinionFact> fold(List<Row> rows) {
		Map<Long, OpinionFact> facts = new LinkedHashMap<>();
		Map<Long, List<Long>> deputies = new LinkedHashMap<>();
		for (Row r : rows) {
			facts.putIfAbsent(r.fact().opinionId(), r.fact());
			List<Long> ids = deputies.computeIfAbsent(r.fact().opinionId(), k -> new ArrayList<>());
			if (r.deputyId() != null) {
				ids.add(r.deputyId());
			}
		}
		List<OpinionFact> out = new ArrayList<>(facts.size());
		facts.forEach((id,
				f) -> out.add(new OpinionFact(f.opinionId(), f.townshipId(), f.stationId(), f.receivedAt(), f.status(),
						f.outcome(), f.departmentId(), f.assignedAt(), f.dueDate(), f.repliedAt(), f.satisfaction(),
						f.reopened(), List.copyOf(deputies.get(id)), f.converted())));
		return out;
	}

	private static final String COUNTED = """
			select o.id, o.tracking_code, o.received_at, o.township_id, o.station_id, o.category_code, o.source,
			       o.status, o.outcome, o.department_id, o.due_date, o.replied_at, o.satisfaction,
			       o.overdue_noticed,
			       (select count(*) from opinion_proposal_link l where l.opinion_id = o.id) as links
			from opinion o
			""";

	public Optional<OpinionCount> counted(long id) {
		return jdbc.sql(COUNTED + " where o.id = :id")
			.param("id", id)
			.query(this::count)
			.optional()
			.map(c -> withDeputies(List.of(c)).get(0));
	}

	public List<OpinionCount> counted(long afterId, int limit) {
		return withDeputies(jdbc.sql(COUNTED + " where o.id > :after order by o.id limit :limit")
			.param("after", afterId)
			.param("limit", limit)
			.query(this::count)
			.list());
	}

	private List<OpinionCount> withDeputies(List<OpinionCount> rows) {
		if (rows.isEmpty()) {
			return rows;
		}
		Map<Long, List<Long>> deputies = new HashMap<>();
		jdbc.sql("select opinion_id, deputy_id from opinion_deputy where opinion_id in (:ids) order by deputy_id")
			.param("ids", rows.stream().map(OpinionCount::opinionId).toList())
			.query((rs, n) -> deputies.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)))
			.list();
		return rows.stream()
			.map(c -> new OpinionCount(c.opinionId(), c.trackingCode(), c.receivedAt(), c.townshipId(), c.stationId(),
					c.categoryCode(), c.source(), c.status(), c.outcome(), c.departmentId(), c.dueDate(), c.repliedAt(),
					c.satisfaction(), c.overdue(), c.converted(),
					List.copyOf(deputies.getOrDefault(c.opinionId(), List.of()))))
			.toList();
	}

	private OpinionCount count(ResultSet rs, int n) throws SQLException {
		String outcome = rs.getString("outcome");
		String satisfaction = rs.getString("satisfaction");
		LocalDate due = rs.getObject("due_date", LocalDate.class);
		OffsetDateTime replied = rs.getObject("replied_at", OffsetDateTime.class);
		boolean late = due != null && (replied == null ? rs.getBoolean("overdue_noticed")
				: replied.atZoneSameInstant(settings.zone()).toLocalDate().isAfter(due));
		return new OpinionCount(rs.getLong("id"), rs.getString("tracking_code"),
				rs.getObject("received_at", OffsetDateTime.class), nullableLong(rs, "township_id"),
				nullableLong(rs, "station_id"), rs.getString("category_code"), Source.valueOf(rs.getString("source")),
				OpinionStatus.valueOf(rs.getString("status")), outcome == null ? null : Outcome.valueOf(outcome),
				nullableLong(rs, "department_id"), due, replied,
				satisfaction == null ? null : Satisfaction.valueOf(satisfaction), late, rs.getLong("links") > 0,
				List.of());
	}

}
