package cn.deputylink.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import cn.deputylink.shared.internal.RateLimitSettings;

/**
 * Windows are counted from midnight in the county's zone: "per day" is the county's
 * calendar day.
 */
class RateLimitWindowsTest {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private final RateLimits limits = new RateLimits(null, Clock.systemUTC(),
			new RateLimitSettings(true, limit(), limit(), limit(), limit()), null, SHANGHAI);

	private static RateLimitSettings.Limit limit() {
		return new RateLimitSettings.Limit(1, Duration.ofMinutes(1));
	}

	private long end(String local, Duration window) {
		return limits.windowEnd(ZonedDateTime.parse(local + "+08:00[Asia/Shanghai]").toInstant().toEpochMilli(),
				window.toMillis());
	}

	private static long at(String local) {
		return ZonedDateTime.parse(local + "+08:00[Asia/Shanghai]").toInstant().toEpochMilli();
	}

	@Test
	void aDayEndsAtTheCountysMidnight() {
		assertThat(end("2026-03-05T00:00:00", Duration.ofDays(1))).isEqualTo(at("2026-03-06T00:00:00"));
		assertThat(end("2026-03-05T07:59:59", Duration.ofDays(1))).isEqualTo(at("2026-03-06T00:00:00"));
		assertThat(end("2026-03-05T23:59:59", Duration.ofDays(1))).isEqualTo(at("2026-03-06T00:00:00"));
		assertThat(end("2026-03-06T00:00:00", Duration.ofDays(1))).isEqualTo(at("2026-03-07T00:00:00"));
	}

	@Test
	void shorterWindowsAreAlignedToo() {
		assertThat(end("2026-03-05T10:07:00", Duration.ofMinutes(10))).isEqualTo(at("2026-03-05T10:10:00"));
		assertThat(end("2026-03-05T10:59:59", Duration.ofHours(1))).isEqualTo(at("2026-03-05T11:00:00"));
	}

	@Test
	void retryAfterIsRoundedUp() {
		assertThat(new RateLimits.Decision(false, Duration.ofMillis(1)).retryAfterSeconds()).isEqualTo(1);
		assertThat(new RateLimits.Decision(false, Duration.ofMillis(61_001)).retryAfterSeconds()).isEqualTo(62);
		assertThat(new RateLimits.Decision(false, Duration.ofSeconds(61)).retryAfterMinutes()).isEqualTo(2);
	}

}
