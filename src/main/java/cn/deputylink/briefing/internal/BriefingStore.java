package cn.deputylink.briefing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

import cn.deputylink.briefing.BriefingStatus;
import cn.deputylink.briefing.BriefingSummary;
import cn.deputylink.briefing.HeadlineFigures;
import cn.deputylink.briefing.LeaderRow;
import cn.deputylink.briefing.TypicalCase;
import cn.deputylink.shared.ConflictException;

/**
 * The tables {@code briefing}, {@code briefing_leader} and {@code briefing_case}. Every
 * change of a briefing is conditional on its version and on it being a draft, so two
 * editors or a late edit of a published briefing end in a 409, never in a lost update.
 */
@Component
public class BriefingStore {

	private static final String COLUMNS = "id, title, period_from, period_to, township_id, station_id, scope_name,"
			+ " status, intro, body, activities, constituents_received, households_visited, opinions,"
			+ " opinions_resolved, opinions_converted, created_by, created_at, updated_at, published_by,"
			+ " published_at, version";

	private final JdbcClient jdbc;

	BriefingStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores a new briefing with its snapshot; its id. */
	public long insert(Briefing b) {
		KeyHolder key = new GeneratedKeyHolder();
		HeadlineFigures f = b.figures();
		jdbc.sql("""
				insert into briefing (title, period_from, period_to, township_id, station_id, scope_name, status,
				    intro, body, activities, constituents_received, households_visited, opinions, opinions_resolved,
				    opinions_converted, created_by, created_at, updated_at, published_by, published_at, version)
				values (:title, :from, :to, :township, :station, :scope, :status, :intro, :body, :a, :c, :h, :o, :r,
				    :v, :createdBy, :createdAt, :updatedAt, :publishedBy, :publishedAt, 0)
				""")
			.param("title", b.title())
			.param("from", b.from())
			.param("to", b.to())
			.param("township", b.townshipId())
			.param("station", b.stationId())
			.param("scope", b.scopeName())
			.param("status", b.status().name())
			.param("intro", b.intro())
			.param("body", b.body())
			.param("a", f.activities())
			.param("c", f.constituentsReceived())
			.param("h", f.householdsVisited())
			.param("o", f.opinions())
			.param("r", f.opinionsResolved())
			.param("v", f.opinionsConverted())
			.param("createdBy", b.createdBy())
			.param("createdAt", b.createdAt())
			.param("updatedAt", b.updatedAt())
			.param("publishedBy", b.publishedBy())
			.param("publishedAt", b.publishedAt())
			.update(key, "id");
		Number n = key.getKey();
		if (n == null) {
			throw new IllegalStateException("no id for the new briefing");
		}
		long id = n.longValue();
		insertLeaders(id, "STATION", b.leadingStations());
		insertLeaders(id, "DEPUTY", b.leadingDeputies());
		insertCases(id, b.typicalCases());
		return id;
	}

	public Optional<Briefing> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from briefing where id = :id")
			.param("id", id)
			.query((rs, n) -> row(rs))
			.optional()
			.map(this::withChildren);
	}

	/** The briefings of one township (null: all of them), newest first. */
	public List<BriefingSummary> list(@Nullable Long townshipId, int limit) {
		String where = townshipId == null ? "" : " where township_id = :township";
		var spec = jdbc.sql("select " + COLUMNS + " from briefing" + where + " order by created_at desc, id desc"
				+ " fetch first " + limit + " rows only");
		if (townshipId != null) {
			spec = spec.param("township", townshipId);
		}
		return spec.query((rs, n) -> row(rs)).list().stream().map(Briefing::summary).toList();
	}

	/** Whether any briefing exists (the demo's check). */
	public boolean any() {
		return jdbc.sql("select count(*) from briefing").query(Long.class).single() > 0;
	}

	/**
	 * Writes a draft's new texts (and its cases' texts) if it is still the read version.
	 */
	public void updateTexts(Briefing b) {
		int n = jdbc.sql("""
				update briefing set title = :title, intro = :intro, body = :body, updated_at = :at,
				    version = version + 1
				where id = :id and version = :version and status = 'DRAFT'
				""")
			.param("title", b.title())
			.param("intro", b.intro())
			.param("body", b.body())
			.param("at", b.updatedAt())
			.param("id", b.id())
			.param("version", b.version())
			.update();
		if (n == 0) {
			throw new ConflictException("briefing.error.stale");
		}
		for (int k = 0; k < b.typicalCases().size(); k++) {
			jdbc.sql("update briefing_case set case_text = :text where briefing_id = :id and position = :pos")
				.param("text", b.typicalCases().get(k).text())
				.param("id", b.id())
				.param("pos", k)
				.update();
		}
	}

	public void publish(Briefing b) {
		int n = jdbc.sql("""
				update briefing set status = 'PUBLISHED', published_by = :by, published_at = :at, updated_at = :at,
				    version = version + 1
				where id = :id and version = :version and status = 'DRAFT'
				""")
			.param("by", b.publishedBy())
			.param("at", b.publishedAt())
			.param("id", b.id())
			.param("version", b.version())
			.update();
		if (n == 0) {
			throw new ConflictException("briefing.error.stale");
		}
	}

	/** Deletes a draft (its snapshot rows with it). */
	public void deleteDraft(long id) {
		jdbc.sql("delete from briefing_case where briefing_id = :id").param("id", id).update();
		jdbc.sql("delete from briefing_leader where briefing_id = :id").param("id", id).update();
		int n = jdbc.sql("delete from briefing where id = :id and status = 'DRAFT'").param("id", id).update();
		if (n == 0) {
			throw new ConflictException("briefing.error.published");
		}
	}

	private void insertLeaders(long id, String kind, List<LeaderRow> rows) {
		for (int k = 0; k < rows.size(); k++) {
			LeaderRow r = rows.get(k);
			jdbc.sql("""
					insert into briefing_leader (briefing_id, kind, position, leader_id, name, activities,
					    constituents_received, opinions, opinions_resolved)
					values (:id, :kind, :pos, :leader, :name, :a, :c, :o, :r)
					""")
				.param("id", id)
				.param("kind", kind)
				.param("pos", k)
				.param("leader", r.id())
				.param("name", r.name())
				.param("a", r.activities())
				.param("c", r.constituentsReceived())
				.param("o", r.opinions())
				.param("r", r.opinionsResolved())
				.update();
		}
	}

	private void insertCases(long id, List<TypicalCase> cases) {
		for (int k = 0; k < cases.size(); k++) {
			TypicalCase c = cases.get(k);
			jdbc.sql("""
					insert into briefing_case (briefing_id, position, opinion_id, tracking_code, received_on,
					    station_name, category_name, converted, case_text)
					values (:id, :pos, :opinion, :code, :received, :station, :category, :converted, :text)
					""")
				.param("id", id)
				.param("pos", k)
				.param("opinion", c.opinionId())
				.param("code", c.trackingCode())
				.param("received", c.receivedOn())
				.param("station", c.stationName())
				.param("category", c.categoryName())
				.param("converted", c.converted())
				.param("text", c.text())
				.update();
		}
	}

	private Briefing withChildren(Briefing b) {
		List<LeaderRow> stations = leaders(b.id(), "STATION");
		List<LeaderRow> deputies = leaders(b.id(), "DEPUTY");
		List<TypicalCase> cases = jdbc.sql("""
				select opinion_id, tracking_code, received_on, station_name, category_name, converted, case_text
				from briefing_case where briefing_id = :id order by position
				""")
			.param("id", b.id())
			.query((rs, n) -> new TypicalCase(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
					rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getString(7)))
			.list();
		return new Briefing(b.id(), b.title(), b.from(), b.to(), b.townshipId(), b.stationId(), b.scopeName(),
				b.status(), b.intro(), b.body(), b.figures(), stations, deputies, cases, b.createdBy(), b.createdAt(),
				b.updatedAt(), b.publishedBy(), b.publishedAt(), b.version());
	}

	private List<LeaderRow> leaders(long id, String kind) {
		return jdbc.sql("""
				select leader_id, name, activities, constituents_received, opinions, opinions_resolved
				from briefing_leader where briefing_id = :id and kind = :kind order by position
				""")
			.param("id", id)
			.param("kind", kind)
			.query((rs, n) -> new LeaderRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
					rs.getLong(6)))
			.list();
	}

	private static Briefing row(ResultSet rs) throws SQLException {
		return new Briefing(rs.getLong("id"), rs.getString("title"), rs.getObject("period_from", LocalDate.class),
				rs.getObject("period_to", LocalDate.class), nullableLong(rs, "township_id"),
				nullableLong(rs, "station_id"), rs.getString("scope_name"),
				BriefingStatus.valueOf(rs.getString("status")), rs.getString("intro"), rs.getString("body"),
				new HeadlineFigures(rs.getLong("activities"), rs.getLong("constituents_received"),
						rs.getLong("households_visited"), rs.getLong("opinions"), rs.getLong("opinions_resolved"),
						rs.getLong("opinions_converted")),
				List.of(), List.of(), List.of(), rs.getString("created_by"),
				rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class),
				rs.getString("published_by"), rs.getObject("published_at", OffsetDateTime.class), rs.getInt("version"));
	}

	private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
		long v = rs.getLong(column);
		return rs.wasNull() ? null : v;
	}

}
