package cn.deputylink.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class TimesTest {

	private final Times times = new Times(ZoneId.of("Asia/Shanghai"));

	@Test
	void aTimeFromPostgresInUtcIsShownInTheCountysZone() {
		assertThat(times.minutes(OffsetDateTime.parse("2026-01-05T01:30:00Z"))).isEqualTo("2026-01-05 09:30");
		assertThat(times.seconds(OffsetDateTime.parse("2026-12-31T20:00:05Z"))).isEqualTo("2027-01-01 04:00:05");
		assertThat(times.minutes(OffsetDateTime.parse("2026-01-05T09:30:00+08:00"))).isEqualTo("2026-01-05 09:30");
		assertThat(times.minutes(null)).isEmpty();
	}

}
