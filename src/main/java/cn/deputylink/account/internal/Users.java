package cn.deputylink.account.internal;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.deputylink.account.NewUser;
import cn.deputylink.account.Role;
import cn.deputylink.account.UserAccount;

/** The {@code app_user} table. */
@Repository
class Users {

	private static final String COLUMNS = "id, username, display_name, role, township_id, station_id, deputy_id, "
			+ "department_id, enabled, must_change_password, totp_enabled, version, "
			// "locked" now means: some address is being held off this username (see
			// LoginThrottle)
			+ "(select max(t.blocked_until) from login_throttle t where t.username = app_user.username) as locked_until";

	static final RowMapper<UserAccount> ACCOUNT = (rs, i) -> new UserAccount(rs.getLong("id"), rs.getString("username"),
			rs.getString("display_name"), Role.valueOf(rs.getString("role")),
			(Long) rs.getObject("township_id", Long.class), (Long) rs.getObject("station_id", Long.class),
			(Long) rs.getObject("deputy_id", Long.class), (Long) rs.getObject("department_id", Long.class),
			rs.getBoolean("enabled"), rs.getBoolean("must_change_password"), rs.getBoolean("totp_enabled"),
			rs.getObject("locked_until", OffsetDateTime.class), rs.getInt("version"));

	private final JdbcClient jdbc;

	Users(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long count() {
		return jdbc.sql("select count(*) from app_user").query(Long.class).single();
	}

	public long insert(NewUser u, String hash, OffsetDateTime now) {
		var keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into app_user (username, password_hash, display_name, role, township_id, station_id, deputy_id,
				  department_id, must_change_password, created_at, password_changed_at)
				values (:username, :hash, :displayName, :role, :townshipId, :stationId, :deputyId, :departmentId,
				  :mustChange, :now, :now)""")
			.param("username", u.username())
			.param("hash", hash)
			.param("displayName", u.displayName())
			.param("role", Objects.requireNonNull(u.role(), "a resolved account has a role").name())
			.param("townshipId", u.townshipId())
			.param("stationId", u.stationId())
			.param("deputyId", u.deputyId())
			.param("departmentId", u.departmentId())
			.param("mustChange", u.mustChangePassword())
			.param("now", now)
			.update(keys, "id");
		return Objects.requireNonNull(keys.getKey(), "the database returned no generated id").longValue();
	}

	/** Name, role and assignment; false when {@code version} is no longer the row's. */
	boolean update(long id, int version, NewUser u) {
		return jdbc.sql("""
				update app_user set display_name = :displayName, role = :role, township_id = :townshipId,
				  station_id = :stationId, deputy_id = :deputyId, department_id = :departmentId, version = version + 1
				where id = :id and version = :version""")
			.param("displayName", u.displayName())
			.param("role", Objects.requireNonNull(u.role(), "a resolved account has a role").name())
			.param("townshipId", u.townshipId())
			.param("stationId", u.stationId())
			.param("deputyId", u.deputyId())
			.param("departmentId", u.departmentId())
			.param("id", id)
			.param("version", version)
			.update() == 1;
	}

	public Optional<UserAccount> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from app_user where id = :id")
			.param("id", id)
			.query(ACCOUNT)
			.optional();
	}

	public Optional<UserAccount> findByUsername(String username) {
		return jdbc.sql("select " + COLUMNS + " from app_user where username = :u")
			.param("u", username)
			.query(ACCOUNT)
			.optional();
	}

	/**
	 * The account with its secrets, for authentication only; {@code totpSecret} still
	 * encrypted, {@code epoch} the credentials epoch sessions and tokens are checked
	 * against.
	 */
	public record Credentials(UserAccount account, String passwordHash, @Nullable String totpSecretCipher, int epoch,
			@Nullable OffsetDateTime passwordChangedAt) {
	}

	public Optional<Credentials> credentials(String username) {
		return jdbc
			.sql("select " + COLUMNS + ", password_hash, totp_secret_cipher, credentials_epoch, "
					+ "password_changed_at from app_user where username = :u")
			.param("u", username)
			.query((rs, i) -> new Credentials(ACCOUNT.mapRow(rs, i), rs.getString("password_hash"),
					rs.getString("totp_secret_cipher"), rs.getInt("credentials_epoch"),
					rs.getObject("password_changed_at", OffsetDateTime.class)))
			.optional();
	}

	/**
	 * The owner of a live API token, with the token's idle deadline: what every API
	 * request needs, in one read.
	 */
	record TokenOwner(Credentials credentials, OffsetDateTime idleUntil) {
	}

	/**
	 * The enabled owner of a token that has not run out and whose credentials epoch is
	 * still the owner's. The principal of an API call needs no password hash and no lock
	 * state (the throttle guards logins, not tokens), so neither is read.
	 */
	Optional<TokenOwner> tokenOwner(String tokenHash, OffsetDateTime now) {
		return jdbc.sql("""
				select u.id, u.username, u.display_name, u.role, u.township_id, u.station_id, u.deputy_id,
				  u.department_id, u.enabled, u.must_change_password, u.totp_enabled, u.version,
				  cast(null as timestamp with time zone) as locked_until, u.credentials_epoch, u.password_changed_at,
				  t.idle_until
				from api_token t join app_user u on u.id = t.user_id
				where t.token_hash = :h and t.expires_at > :now and t.idle_until > :now
				  and t.credentials_epoch = u.credentials_epoch and u.enabled = true""")
			.param("h", tokenHash)
			.param("now", now)
			.query((rs, i) -> new TokenOwner(
					new Credentials(ACCOUNT.mapRow(rs, i), "", null, rs.getInt("credentials_epoch"),
							rs.getObject("password_changed_at", OffsetDateTime.class)),
					rs.getObject("idle_until", OffsetDateTime.class)))
			.optional();
	}

	Optional<Credentials> credentials(long id) {
		return find(id).flatMap(a -> credentials(a.username()));
	}

	public List<UserAccount> list(@Nullable Long townshipId, @Nullable String q, long afterId, int limit, int offset) {
		return jdbc
			.sql("select " + COLUMNS + " from app_user where id > :after"
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

	public List<Long> enabledDeputyIds(Collection<Long> deputyIds) {
		return jdbc
			.sql("select id from app_user where enabled = true and role = 'DEPUTY' and deputy_id in (:ids) order by id")
			.param("ids", List.copyOf(deputyIds))
			.query(Long.class)
			.list();
	}

	public List<Long> enabledIds(Role role, @Nullable Long townshipId, @Nullable Long departmentId) {
		return jdbc
			.sql("select id from app_user where enabled = true and role = :role"
					+ (townshipId != null ? " and township_id = :township" : "")
					+ (departmentId != null ? " and department_id = :department" : "") + " order by id")
			.param("role", role.name())
			.param("township", townshipId)
			.param("department", departmentId)
			.query(Long.class)
			.list();
	}

	public int countList(@Nullable Long townshipId, @Nullable String q) {
		return jdbc
			.sql("select count(*) from app_user where 1 = 1"
					+ (townshipId != null ? " and township_id = :township" : "")
					+ (q != null ? " and (lower(username) like :q or lower(display_name) like :q)" : ""))
			.param("township", townshipId)
			.param("q", q == null ? null : "%" + q.toLowerCase() + "%")
			.query(Integer.class)
			.single();
	}

	/**
	 * A new password: the epoch moves on, so every session and token of the account ends.
	 */
	public void setPassword(long id, String hash, boolean mustChange, OffsetDateTime now) {
		jdbc.sql("""
				update app_user set password_hash = :h, must_change_password = :m, password_changed_at = :now,
				  credentials_epoch = credentials_epoch + 1, version = version + 1 where id = :id""")
			.param("h", hash)
			.param("m", mustChange)
			.param("now", now)
			.param("id", id)
			.update();
		jdbc.sql("insert into password_history (user_id, password_hash, set_at) values (:id, :h, :now)")
			.param("id", id)
			.param("h", hash)
			.param("now", now)
			.update();
		// keep the last HISTORY only
		jdbc.sql(
				"""
						delete from password_history where user_id = :id and id not in
						  (select id from (select id from password_history where user_id = :id order by id desc limit :n) recent)""")
			.param("id", id)
			.param("n", PasswordPolicy.HISTORY)
			.update();
	}

	/**
	 * The hashes of the user's last passwords, newest first, the current one included.
	 */
	public List<String> recentPasswordHashes(long id) {
		return jdbc.sql("select password_hash from password_history where user_id = :id order by id desc limit :n")
			.param("id", id)
			.param("n", PasswordPolicy.HISTORY)
			.query(String.class)
			.list();
	}

	public void recordFirstPassword(long id, String hash, OffsetDateTime now) {
		jdbc.sql("insert into password_history (user_id, password_hash, set_at) values (:id, :h, :now)")
			.param("id", id)
			.param("h", hash)
			.param("now", now)
			.update();
	}

	/**
	 * The epoch and state sessions are checked against on every request; empty when the
	 * user is gone.
	 */
	record Liveness(int epoch, boolean enabled) {
	}

	Optional<Liveness> liveness(long id) {
		return jdbc.sql("select credentials_epoch, enabled from app_user where id = :id")
			.param("id", id)
			.query((rs, i) -> new Liveness(rs.getInt(1), rs.getBoolean(2)))
			.optional();
	}

	public void setEnabled(long id, boolean enabled) {
		jdbc.sql("update app_user set enabled = :e, version = version + 1"
				+ (enabled ? "" : ", credentials_epoch = credentials_epoch + 1") + " where id = :id")
			.param("e", enabled)
			.param("id", id)
			.update();
	}

	/**
	 * A new (or no) second factor; {@code lastStep} is the step of the code that proved
	 * it.
	 */
	public void setTotp(long id, @Nullable String secretCipher, boolean enabled, @Nullable Long lastStep) {
		jdbc.sql(
				"""
						update app_user set totp_secret = null, totp_secret_cipher = :s, totp_enabled = :e, totp_last_step = :step,
						  credentials_epoch = credentials_epoch + 1, version = version + 1 where id = :id""")
			.param("s", secretCipher)
			.param("e", enabled)
			.param("step", lastStep)
			.param("id", id)
			.update();
	}

	/**
	 * Claims the TOTP step {@code step} for the user: true the first time, false when
	 * that step (or a later one) was used already. One conditional update, so two nodes
	 * cannot both accept a code.
	 */
	public boolean claimTotpStep(long id, long step) {
		return jdbc
			.sql("update app_user set totp_last_step = :step where id = :id and "
					+ "(totp_last_step is null or totp_last_step < :step)")
			.param("step", step)
			.param("id", id)
			.update() == 1;
	}

	/** Plain-text secrets left by older versions, to be encrypted at start-up. */
	record PlainSecret(long id, String secret) {
	}

	List<PlainSecret> plainTotpSecrets() {
		return jdbc.sql("select id, totp_secret from app_user where totp_secret is not null")
			.query((rs, i) -> new PlainSecret(rs.getLong(1), rs.getString(2)))
			.list();
	}

	void encryptTotpSecret(long id, String plain, String cipher) {
		jdbc.sql("update app_user set totp_secret_cipher = :c, totp_secret = null where id = :id and totp_secret = :p")
			.param("c", cipher)
			.param("id", id)
			.param("p", plain)
			.update();
	}

	/**
	 * Moves the credentials epoch on without another change (a new role or assignment):
	 * every session and token of the account ends, on every node, as after a new
	 * password.
	 */
	void renewCredentialsEpoch(long id) {
		jdbc.sql("update app_user set credentials_epoch = credentials_epoch + 1 where id = :id")
			.param("id", id)
			.update();
	}

	public void deleteTokens(long userId) {
		jdbc.sql("delete from api_token where user_id = :id").param("id", userId).update();
	}

}
