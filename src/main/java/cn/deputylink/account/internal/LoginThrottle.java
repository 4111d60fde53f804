package cn.deputylink.account.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing without handing anyone a weapon. Failures are counted per (username
 * as typed, address) whether the username exists or not, so the answers never tell a real
 * username from an invented one; after {@code maxFailedLogins} failures that address
 * waits, longer after each further failure, before it may try that username again.
 * Someone else's address is not affected: a stranger cannot lock a county admin out. Rows
 * live in the database, so every node sees the same counts.
 */
@Component
class LoginThrottle {

	/** Failures older than this are forgotten. */
	static final Duration MEMORY = Duration.ofDays(1);

	private static final int KEY_LENGTH = 64;

	private final JdbcClient jdbc;

	private final SecuritySettings settings;

	private final Clock clock;

	LoginThrottle(JdbcClient jdbc, SecuritySettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	@EventListener
	void on(AuthenticationFailureBadCredentialsEvent event) {
		failed(TotpAuthenticationProvider.name(event.getAuthentication()),
				TotpAuthenticationProvider.address(event.getAuthentication()));
	}

	@EventListener
	void on(AuthenticationSuccessEvent event) {
		succeeded(event.getAuthentication().getName(), TotpAuthenticationProvider.address(event.getAuthentication()));
	}

	/**
	 * Until when {@code address} must wait before trying {@code username} again; empty:
	 * it may try now.
	 */
	public Optional<OffsetDateTime> blockedUntil(String username, String address) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		return jdbc.sql("select blocked_until from login_throttle where username = :u and address = :a")
			.param("u", key(username))
			.param("a", key(address))
			.query((rs, i) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)))
			.optional()
			.flatMap(o -> o)
			.filter(until -> until.isAfter(now));
	}

	public void failed(String username, String address) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		String u = key(username);
		String a = key(address);
		Integer failures = jdbc
			.sql("select failures from login_throttle where username = :u and address = :a "
					+ "and last_failure > :forgotten")
			.param("u", u)
			.param("a", a)
			.param("forgotten", now.minus(MEMORY))
			.query(Integer.class)
			.optional()
			.orElse(0) + 1;
		Duration wait = settings.throttleWait(failures);
		OffsetDateTime until = wait.isZero() ? null : now.plus(wait);
		int updated = jdbc
			.sql("update login_throttle set failures = :f, last_failure = :now, blocked_until = :until "
					+ "where username = :u and address = :a")
			.param("f", failures)
			.param("now", now)
			.param("until", until)
			.param("u", u)
			.param("a", a)
			.update();
		if (updated == 0) {
			try {
				jdbc.sql("insert into login_throttle (username, address, failures, last_failure, blocked_until) "
						+ "values (:u, :a, :f, :now, :until)")
					.param("u", u)
					.param("a", a)
					.param("f", failures)
					.param("now", now)
					.param("until", until)
					.update();
			}
			catch (DuplicateKeyException raced) {
				// another node counted a failure of the same pair at the same moment: one
				// of the two is enough
			}
		}
	}

	void succeeded(String username, String address) {
		jdbc.sql("delete from login_throttle where username = :u and address = :a")
			.param("u", key(username))
			.param("a", key(address))
			.update();
	}

	/** An administrator lets every address try this username again at once. */
	public void release(String username) {
		jdbc.sql("delete from login_throttle where username = :u").param("u", key(username)).update();
	}

	int purge() {
		return jdbc
			.sql("delete from login_throttle where last_failure <= :forgotten and "
					+ "(blocked_until is null or blocked_until <= :now)")
			.param("forgotten", OffsetDateTime.now(clock).minus(MEMORY))
			.param("now", OffsetDateTime.now(clock))
			.update();
	}

	private static String key(String s) {
		return s.length() <= KEY_LENGTH ? s : s.substring(0, KEY_LENGTH);
	}

}
