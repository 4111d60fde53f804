package cn.deputylink.account.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.shared.Digests;
import cn.deputylink.shared.StrongRandom;

/**
 * Opaque bearer tokens. Only a SHA-256 of each token is stored, so a copy of the database
 * does not hand out sessions; every node validates against the same table. A token dies
 * after {@code tokenIdleTimeout} unused, and after {@code tokenMaxLifetime} in any case,
 * and at once when a credential of its user changes (the user's credentials epoch moves
 * past the token's).
 */
@Component
public class ApiTokens {

	/** A token as handed to the client. */
	public record Issued(String token, OffsetDateTime expiresAt) {
	}

	private static final Duration SLIDE_GRANULARITY = Duration.ofMinutes(1);

	private final JdbcClient jdbc;

	private final Users users;

	private final AccountDetailsService details;

	private final SecuritySettings settings;

	private final Clock clock;

	ApiTokens(JdbcClient jdbc, Users users, AccountDetailsService details, SecuritySettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.users = users;
		this.details = details;
		this.settings = settings;
		this.clock = clock;
	}

	public Issued issue(CurrentUser user) {
		byte[] raw = new byte[32];
		StrongRandom.fill(raw);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
		OffsetDateTime now = OffsetDateTime.now(clock);
		OffsetDateTime expires = now.plus(settings.tokenMaxLifetime());
		jdbc.sql("insert into api_token (token_hash, user_id, created_at, expires_at, idle_until, credentials_epoch) "
				+ "values (:h, :u, :now, :exp, :idle, :epoch)")
			.param("h", Digests.sha256Hex(token))
			.param("u", user.id())
			.param("epoch", user.credentialsEpoch())
			.param("now", now)
			.param("exp", expires)
			.param("idle", now.plus(settings.tokenIdleTimeout()))
			.update();
		return new Issued(token, expires);
	}

	/**
	 * The user a live token belongs to, sliding its idle timeout; empty for unknown or
	 * dead tokens. One read finds the token, its user and checks the credentials epoch;
	 * the principal it returns is the request's for the rest of it (the security
	 * context), so nothing reads the account again.
	 */
	Optional<CurrentUser> authenticate(String token) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		String h = Digests.sha256Hex(token);
		Optional<Users.TokenOwner> owner = users.tokenOwner(h, now);
		if (owner.isEmpty()) {
			return Optional.empty();
		}
		OffsetDateTime slid = now.plus(settings.tokenIdleTimeout());
		if (Duration.between(owner.get().idleUntil(), slid).compareTo(SLIDE_GRANULARITY) > 0) {
			jdbc.sql("update api_token set idle_until = :idle where token_hash = :h")
				.param("idle", slid)
				.param("h", h)
				.update();
		}
		return Optional.of(details.principal(owner.get().credentials(), null)).filter(CurrentUser::isEnabled);
	}

	public void revoke(String token) {
		jdbc.sql("delete from api_token where token_hash = :h").param("h", Digests.sha256Hex(token)).update();
	}

	/**
	 * Keeps the caller's own token alive after it changed its user's credentials (which
	 * ended every other token): it takes the user's new epoch.
	 */
	public void keep(String token, CurrentUser user) {
		jdbc.sql("update api_token set credentials_epoch = (select credentials_epoch from app_user where id = :u) "
				+ "where token_hash = :h and user_id = :u")
			.param("h", Digests.sha256Hex(token))
			.param("u", user.id())
			.update();
	}

	/**
	 * The bearer token of the current API request, as {@link BearerTokenFilter} found it.
	 */
	public static Optional<String> ofRequest(HttpServletRequest request) {
		return request.getAttribute(BearerTokenFilter.TOKEN_ATTRIBUTE) instanceof String t ? Optional.of(t)
				: Optional.empty();
	}

	/** Removes tokens that can no longer be used. */
	int purgeExpired() {
		OffsetDateTime now = OffsetDateTime.now(clock);
		return jdbc
			.sql("delete from api_token where expires_at <= :now or idle_until <= :now or credentials_epoch <> "
					+ "(select u.credentials_epoch from app_user u where u.id = api_token.user_id)")
			.param("now", now)
			.update();
	}

}
