package cn.deputylink.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.deputylink.shared.internal.RateLimitSettings;

/**
 * Rate limits kept in the database ({@code rate_limit}), so that they hold across every
 * node that shares it: a fixed window per limit and subject, aligned to the county's
 * clock (so "per day" is the county's calendar day), counted with conditional updates.
 * <p>
 * Why not Bucket4j: its JDBC backends (bucket4j-postgresql, -mysql, ...) each speak one
 * database's SQL dialect and locking, and none runs on H2, which is our default and test
 * database — we would test a limiter different from the one in production. The three
 * statements below are plain SQL that behaves the same on both: the first adds a hit only
 * while the row's window is open and below the limit, the second starts a new window on
 * an expired row, the third creates a missing row ({@code on conflict do nothing}, which
 * H2 accepts in PostgreSQL mode, so that a race never aborts a surrounding PostgreSQL
 * transaction). Each is atomic under the row lock, so two nodes counting at once never
 * both take the last hit. The price of fixed windows — up to twice the limit across a
 * window boundary — is acceptable for limits meant to stop floods, not to meter.
 * <p>
 * Subjects (addresses, phone numbers) are stored only as a keyed hash, never in clear;
 * rows whose window has ended are purged hourly.
 */
@Component
public class RateLimits {

	/** What is counted; the settings give each its limit. */
	public enum Kind {

		SUBMISSION, TRACKING, LOGIN, SMS_PER_PHONE

	}

	/** Whether the hit was allowed, and if not, how long until the window ends. */
	public record Decision(boolean allowed, Duration retryAfter) {

		static final Decision ALLOWED = new Decision(true, Duration.ZERO);

		/** Whole seconds to wait, at least 1: the value of {@code Retry-After}. */
		public long retryAfterSeconds() {
			return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
		}

		/** Whole minutes to wait, at least 1: for the message on a page. */
		public long retryAfterMinutes() {
			return Math.max(1, (retryAfterSeconds() + 59) / 60);
		}
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final RateLimitSettings settings;

	private final PersonalDataCipher cipher;

	private final ZoneId zone;

	public RateLimits(JdbcClient jdbc, Clock clock, RateLimitSettings settings, PersonalDataCipher cipher,
			@Value("${deputylink.zone:Asia/Shanghai}") ZoneId zone) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.settings = settings;
		this.cipher = cipher;
		this.zone = zone;
	}

	public boolean enabled() {
		return settings.enabled();
	}

	/**
	 * Counts one hit of {@code subject} against the limit of {@code kind}, if it is still
	 * allowed.
	 */
	public Decision tryAcquire(Kind kind, String subject) {
		if (!settings.enabled()) {
			return Decision.ALLOWED;
		}
		RateLimitSettings.Limit limit = limit(kind);
		return tryAcquire(bucket(kind, subject), limit.limit(), limit.window());
	}

	/**
	 * Whether {@code subject} may still make a hit of {@code kind}, without counting one:
	 * for what counts only once its outcome is known (a login attempt counts when it
	 * fails).
	 */
	public Decision check(Kind kind, String subject) {
		if (!settings.enabled()) {
			return Decision.ALLOWED;
		}
		long now = clock.millis();
		Long until = fullUntil(bucket(kind, subject), limit(kind).limit(), now);
		return until == null ? Decision.ALLOWED : new Decision(false, Duration.ofMillis(until - now));
	}

	/**
	 * The end of the bucket's open window when it holds {@code limit} hits already; null
	 * otherwise.
	 */
	private @Nullable Long fullUntil(String bucket, int limit, long now) {
		return jdbc.sql("select window_end from rate_limit where bucket = :b and window_end > :now and hits >= :limit")
			.param("b", bucket)
			.param("now", now)
			.param("limit", limit)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	private RateLimitSettings.Limit limit(Kind kind) {
		return switch (kind) {
			case SUBMISSION -> settings.submissions();
			case TRACKING -> settings.tracking();
			case LOGIN -> settings.logins();
			case SMS_PER_PHONE -> settings.smsPerPhone();
		};
	}

	private String bucket(Kind kind, String subject) {
		return kind.name().toLowerCase(Locale.ROOT) + ":" + cipher.keyedHash("rate-limit", subject);
	}

	Decision tryAcquire(String bucket, int limit, Duration window) {
		long now = clock.millis();
		long end = windowEnd(now, window.toMillis());
		for (int round = 0; round < 3; round++) {
			int counted = jdbc
				.sql("update rate_limit set hits = hits + 1 where bucket = :b and window_end > :now and hits < :limit")
				.param("b", bucket)
				.param("now", now)
				.param("limit", limit)
				.update();
			if (counted == 1) {
				return Decision.ALLOWED;
			}
			int renewed = jdbc
				.sql("update rate_limit set window_end = :end, hits = 1 where bucket = :b and window_end <= :now")
				.param("end", end)
				.param("b", bucket)
				.param("now", now)
				.update();
			if (renewed == 1) {
				return Decision.ALLOWED;
			}
			int created = jdbc
				.sql("insert into rate_limit (bucket, window_end, hits) values (:b, :end, 1) on conflict do nothing")
				.param("b", bucket)
				.param("end", end)
				.update();
			if (created == 1) {
				return Decision.ALLOWED;
			}
			// the row exists: it is full, unless another node created or renewed it just
			// now — look again
			Long until = fullUntil(bucket, limit, now);
			if (until != null) {
				return new Decision(false, Duration.ofMillis(until - now));
			}
		}
		// three races lost in a row: refuse rather than count without a limit
		return new Decision(false, Duration.ofSeconds(1));
	}

	/**
	 * The end of the window holding {@code now}, windows counted from midnight in the
	 * county's zone.
	 */
	long windowEnd(long now, long window) {
		long offset = zone.getRules().getOffset(Instant.ofEpochMilli(now)).getTotalSeconds() * 1000L;
		return Math.floorDiv(now + offset, window) * window + window - offset;
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT7M")
	@SchedulerLock(name = "purge-rate-limits", lockAtMostFor = "PT10M")
	void purge() {
		purgeExpired();
	}

	int purgeExpired() {
		return jdbc.sql("delete from rate_limit where window_end <= :now").param("now", clock.millis()).update();
	}

}
