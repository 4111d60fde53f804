package cn.deputylink.account;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code app_user} table. */
@Repository
class Users {

	private static final String COLUMNS = "id, username, display_name, role, township_id, station_id, deputy_id, "
			+ "department_id, enabled, must_change_password, totp_enabled, locked_until, version";

	static final RowMapper<UserAccount> ACCOUNT = (rs, i) -> new UserAccount(rs.getLong("id"),
			rs.getString("username"), rs.getString("display_name"), Role.valueOf(rs.getString("role")),
			(Long) rs.getObject("township_id", Long.class), (Long) rs.getObject("station_id", Long.class),
			(Long) rs.getObject("deputy_id", Long.class), (Long) rs.getObject("department_id", Long.class),
			rs.getBoolean("enabled"), rs.getBoolean("must_change_password"), rs.getBoolean("totp_enabled"),
			rs.getObject("locked_until", OffsetDateTime.class), rs.getInt("version"));

	private final JdbcClient jdbc;

	Users(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long count() {
		return jdbc.sql("select count(*) from app_user").query(Long.class).single();
	}

	long insert(NewUser u, String hash, OffsetDateTime now) {
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		jdbc.sql("""
				insert into app_user (username, password_hash, display_name, role, township_id, station_id, deputy_id,
				  department_id, must_change_password, created_at)
				values (:username, :hash, :displayName, :role, :townshipId, :stationId, :deputyId, :departmentId,
				  :mustChange, :now)""")
			.param("username", u.username())
			.param("hash", hash)
			.param("displayName", u.displayName())
			.param("role", u.role().name())
			.param("townshipId", u.townshipId())
			.param("stationId", u.stationId())
			.param("deputyId", u.deputyId())
			.param("departmentId", u.departmentId())
			.param("mustChange", u.mustChangePassword())
			.param("now", now)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** Name, role and assignment; false when {@code version} is no longer the row's. */
	boolean update(long id, int version, NewUser u) {
		return jdbc.sql("""
				update app_user set display_name = :displayName, role = :role, township_id = :townshipId,
				  station_id = :stationId, deputy_id = :deputyId, department_id = :departmentId, version = version + 1
				where id = :id and version = :version""")
			.param("displayName", u.displayName())
			.param("role", u.role().name())
			.param("townshipId", u.townshipId())
			.param("stationId", u.stationId())
			.param("deputyId", u.deputyId())
			.param("departmentId", u.departmentId())
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	Optional<UserAccount> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from app_user where id = :id").param("id", id).query(ACCOUNT).optional();
	}

	Optional<UserAccount> findByUsername(String username) {
		return jdbc.sql("select " + COLUMNS + " from app_user where username = :u")
			.param("u", username)
			.query(ACCOUNT)
			.optional();
	}

	/** The account with its secrets, for authentication only. */
	record Credentials(UserAccount account, String passwordHash, @Nullable String totpSecret) {
	}

	Optional<Credentials> credentials(String username) {
		return jdbc.sql("select " + COLUMNS + ", password_hash, totp_secret from app_user where username = :u")
			.param("u", username)
			.query((rs, i) -> new Credentials(ACCOUNT.mapRow(rs, i), rs.getString("password_hash"),
					rs.getString("totp_secret")))
			.optional();
	}

	Optional<Credentials> credentials(long id) {
		return find(id).flatMap(a -> credentials(a.username()));
	}

	List<UserAccount> list(@Nullable Long townshipId, @Nullable String q, long afterId, int limit, int offset) {
		return jdbc.sql("select " + COLUMNS + " from app_user where id > :after"
				+ (townshipId != null ? " and township_id = :township" : "")
				+ (q != null ? " and (lower(username) like :q or lower(display_name) like :q)" : "")
				+ " order by id limit :limit offset :offset")
			.param("after", afterId)
			.param("township", townshipId)
			.param("q", q == null ? null : "%" + q.toLowerCase() + "%")
			.param("limit", limit)
			.param("offset", offset)
			.query(ACCOUNT)
			.list();
	}

	List<Long> enabledIds(Role role, @Nullable Long townshipId, @Nullable Long departmentId) {
		return jdbc.sql("select id from app_user where enabled = true and role = :role"
				+ (townshipId != null ? " and township_id = :township" : "")
				+ (departmentId != null ? " and department_id = :department" : "") + " order by id")
			.param("role", role.name())
			.param("township", townshipId)
			.param("department", departmentId)
			.query(Long.class)
			.list();
	}

	int countList(@Nullable Long townshipId, @Nullable String q) {
		return jdbc.sql("select count(*) from app_user where 1 = 1"
				+ (townshipId != null ? " and township_id = :township" : "")
				+ (q != null ? " and (lower(username) like :q or lower(display_name) like :q)" : ""))
			.param("township", townshipId)
			.param("q", q == null ? null : "%" + q.toLowerCase() + "%")
			.query(Integer.class)
			.single();
	}

	void setPassword(long id, String hash, boolean mustChange) {
		jdbc.sql("update app_user set password_hash = :h, must_change_password = :m, version = version + 1 where id = :id")
			.param("h", hash)
			.param("m", mustChange)
			.param("id", id)
			.update();
	}

	/** Counts a failed login; locks the account once the count reaches {@code max}. */
	void recordFailure(String username, int max, OffsetDateTime lockUntil) {
		jdbc.sql("""
				update app_user set failed_attempts = failed_attempts + 1,
				  locked_until = case when failed_attempts + 1 >= :max then :until else locked_until end
				where username = :u""")
			.param("max", max)
			.param("until", lockUntil)
			.param("u", username)
			.update();
		jdbc.sql("update app_user set failed_attempts = 0 where username = :u and failed_attempts >= :max")
			.param("u", username)
			.param("max", max)
			.update();
	}

	void recordSuccess(String username) {
		jdbc.sql("update app_user set failed_attempts = 0, locked_until = null where username = :u and "
				+ "(failed_attempts <> 0 or locked_until is not null)")
			.param("u", username)
			.update();
	}

	void unlock(long id) {
		jdbc.sql("update app_user set failed_attempts = 0, locked_until = null, version = version + 1 where id = :id")
			.param("id", id)
			.update();
	}

	void setEnabled(long id, boolean enabled) {
		jdbc.sql("update app_user set enabled = :e, version = version + 1 where id = :id")
			.param("e", enabled)
			.param("id", id)
			.update();
	}

	void setTotp(long id, @Nullable String secret, boolean enabled) {
		jdbc.sql("update app_user set totp_secret = :s, totp_enabled = :e, version = version + 1 where id = :id")
			.param("s", secret)
			.param("e", enabled)
			.param("id", id)
			.update();
	}

	/** Ends the account's signed-in sessions (Spring Session JDBC): each holds the account as it was. */
	void deleteSessions(String username) {
		jdbc.sql("delete from spring_session where principal_name = :u").param("u", username).update();
	}

	void deleteTokens(long userId) {
		jdbc.sql("delete from api_token where user_id = :id").param("id", userId).update();
	}
}
