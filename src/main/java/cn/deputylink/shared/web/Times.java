package cn.deputylink.shared.web;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Times as the county reads them, for templates ({@code ${@times.minutes(t)}}): in
 * {@code deputylink.zone} (Asia/Shanghai by default) whatever zone the server runs in and
 * whatever offset the database hands back (PostgreSQL answers in UTC).
 */
@Component("times")
public class Times {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private final ZoneId zone;

	Times(@Value("${deputylink.zone:Asia/Shanghai}") ZoneId zone) {
		this.zone = zone;
	}

	public String minutes(@Nullable OffsetDateTime t) {
		return t == null ? "" : MINUTES.format(t.atZoneSameInstant(zone));
	}

	public String seconds(@Nullable OffsetDateTime t) {
		return t == null ? "" : SECONDS.format(t.atZoneSameInstant(zone));
	}

}
