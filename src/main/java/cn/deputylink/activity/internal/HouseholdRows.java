package cn.deputylink.activity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.deputylink.activity.ActivityStatus;

/**
 * The {@code poverty_household} and {@code household_pairing} tables, and the
 * {@code POVERTY_AID} activities linked to a household.
 */
@Repository
class HouseholdRows {

	private final JdbcClient jdbc;

	HouseholdRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A household's row; the ID number still encrypted. */
	record Row(long id, String name, long villageId, long townshipId, @Nullable String situation,
			@Nullable String idNumberCipher, int activePairings, int version) {
	}

	record PairingRow(long id, long householdId, long deputyId, LocalDate startDate, @Nullable LocalDate endDate,
			int version) {
	}

	record HelpRow(long activityId, LocalDate date, String title, @Nullable String note, ActivityStatus status) {
	}

	/**
	 * Which households a list shows: all, one township's, or those paired with one
	 * deputy; narrowed by village and by words of the name.
	 */
	record Scope(@Nullable Long townshipId, @Nullable Long deputyId, @Nullable Long villageId, @Nullable String q) {
	}

	private static final String COLUMNS = "h.id, h.name, h.village_id, h.township_id, h.situation, h.id_number_cipher, "
			+ "h.version, (select count(*) from household_pairing p where p.household_id = h.id and p.end_date is null) "
			+ "as active_pairings";

	long insert(String name, long villageId, long townshipId, @Nullable String situation,
			@Nullable String idNumberCipher, OffsetDateTime at) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql(
				"insert into poverty_household (name, village_id, township_id, situation, id_number_cipher, created_at) "
						+ "values (:name, :village, :township, :situation, :id, :at)")
			.param("name", name)
			.param("village", villageId)
			.param("township", townshipId)
			.param("situation", situation)
			.param("id", idNumberCipher)
			.param("at", at)
			.update(key, "id");
		return Objects.requireNonNull(key.getKeyAs(Long.class));
	}

	/** Updates if {@code version} is current; false when it is stale. */
	boolean update(long id, int version, String name, @Nullable String situation, @Nullable String idNumberCipher) {
		return jdbc
			.sql("update poverty_household set name = :name, situation = :situation, id_number_cipher = :id, "
					+ "version = version + 1 where id = :hid and version = :version")
			.param("name", name)
			.param("situation", situation)
			.param("id", idNumberCipher)
			.param("hid", id)
			.param("version", version)
			.update() == 1;
	}

	Optional<Row> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from poverty_household h where h.id = :id")
			.param("id", id)
			.query(HouseholdRows::row)
			.optional();
	}

	/** The township of a household, to check an activity that helps it. */
	Optional<Long> townshipOf(long id) {
		return jdbc.sql("select township_id from poverty_household where id = :id")
			.param("id", id)
			.query(Long.class)
			.optional();
	}

	List<Row> list(Scope s, long afterId, int limit, int offset) {
		return jdbc
			.sql("select " + COLUMNS + " from poverty_household h where " + where(s) + " and h.id > :after "
					+ "order by h.id limit :limit offset :offset")
			.params(params(s))
			.param("after", afterId)
			.param("limit", limit)
			.param("offset", offset)
			.query(HouseholdRows::row)
			.list();
	}

	int count(Scope s) {
		return jdbc.sql("select count(*) from poverty_household h where " + where(s))
			.params(params(s))
			.query(Integer.class)
			.single();
	}

	private static String where(Scope s) {
		StringBuilder sb = new StringBuilder("1 = 1");
		if (s.townshipId() != null) {
			sb.append(" and h.township_id = :township");
		}
		if (s.deputyId() != null) {
			sb.append(" and exists (select 1 from household_pairing p where p.household_id = h.id "
					+ "and p.deputy_id = :deputy)");
		}
		if (s.villageId() != null) {
			sb.append(" and h.village_id = :village");
		}
		if (s.q() != null) {
			sb.append(" and h.name like :q");
		}
		return sb.toString();
	}

	private static Map<String, Object> params(Scope s) {
		var m = new HashMap<String, Object>();
		if (s.townshipId() != null) {
			m.put("township", s.townshipId());
		}
		if (s.deputyId() != null) {
			m.put("deputy", s.deputyId());
		}
		if (s.villageId() != null) {
			m.put("village", s.villageId());
		}
		if (s.q() != null) {
			m.put("q", "%" + s.q().replace("%", "").replace("_", "") + "%");
		}
		return m;
	}

	// --- pairings

	long insertPairing(long householdId, long deputyId, LocalDate start) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("insert into household_pairing (household_id, deputy_id, start_date) values (:h, :d, :start)")
			.param("h", householdId)
			.param("d", deputyId)
			.param("start", start)
			.update(key, "id");
		return Objects.requireNonNull(key.getKeyAs(Long.class));
	}

	List<PairingRow> pairingsOf(long householdId) {
		return jdbc.sql("select * from household_pairing where household_id = :h order by start_date desc, id desc")
			.param("h", householdId)
			.query(HouseholdRows::pairing)
			.list();
	}

	Optional<PairingRow> findPairing(long id) {
		return jdbc.sql("select * from household_pairing where id = :id")
			.param("id", id)
			.query(HouseholdRows::pairing)
			.optional();
	}

	boolean isPaired(long householdId, long deputyId) {
		return jdbc.sql(
				"select count(*) from household_pairing where household_id = :h and deputy_id = :d and end_date is null")
			.param("h", householdId)
			.param("d", deputyId)
			.query(Integer.class)
			.single() > 0;
	}

	/** Whether the deputy was ever paired with the household: what a deputy may read. */
	boolean wasEverPaired(long householdId, long deputyId) {
		return jdbc.sql("select count(*) from household_pairing where household_id = :h and deputy_id = :d")
			.param("h", householdId)
			.param("d", deputyId)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * Ends a running pairing if {@code version} is current; false when stale or ended.
	 */
	boolean endPairing(long id, int version, LocalDate end) {
		return jdbc
			.sql("update household_pairing set end_date = :end, version = version + 1 "
					+ "where id = :id and version = :version and end_date is null")
			.param("end", end)
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	// --- help

	List<HelpRow> helpOf(long householdId) {
		return jdbc
			.sql("select id, activity_date, title, note, status from activity where household_id = :h "
					+ "and type = 'POVERTY_AID' order by activity_date desc, id desc")
			.param("h", householdId)
			.query((rs, i) -> new HelpRow(rs.getLong("id"), rs.getObject("activity_date", LocalDate.class),
					rs.getString("title"), rs.getString("note"), ActivityStatus.valueOf(rs.getString("status"))))
			.list();
	}

	/** The deputies of these activities, as (activity id, deputy id) pairs. */
	List<long[]> deputiesOf(List<Long> activityIds) {
		if (activityIds.isEmpty()) {
			return new ArrayList<>();
		}
		return jdbc
			.sql("select activity_id, deputy_id from activity_deputy where activity_id in (:ids) "
					+ "order by activity_id, deputy_id")
			.param("ids", activityIds)
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("id"), rs.getString("name"), rs.getLong("village_id"), rs.getLong("township_id"),
				rs.getString("situation"), rs.getString("id_number_cipher"), rs.getInt("active_pairings"),
				rs.getInt("version"));
	}

	private static PairingRow pairing(ResultSet rs, int n) throws SQLException {
		return new PairingRow(rs.getLong("id"), rs.getLong("household_id"), rs.getLong("deputy_id"),
				rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
				rs.getInt("version"));
	}

}
