package cn.deputylink.opinion;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The opinion desk's time: now and today in the county's zone. {@link #at} runs steps at
 * another clock's time, so that they happen, and count their deadlines, then: the demo
 * county gives its cases a past (overdue, yellow, escalated ones) through the same rules
 * as real work. The other clock is held per thread, because the steps are transactional
 * beans shared by every request.
 */
@Component
public class OpinionTime {

	private final Clock clock;

	private final OpinionSettings settings;

	private final ThreadLocal<@Nullable Clock> other = new ThreadLocal<>();

	OpinionTime(Clock clock, OpinionSettings settings) {
		this.clock = clock;
		this.settings = settings;
	}

	/** Runs {@code steps} at {@code at}'s time. */
	public <T> T at(Clock at, Supplier<T> steps) {
		Clock before = other.get();
		other.set(at);
		try {
			return steps.get();
		}
		finally {
			if (before == null) {
				other.remove();
			}
			else {
				other.set(before);
			}
		}
	}

	private Clock clock() {
		Clock c = other.get();
		return (c == null ? clock : c).withZone(settings.zone());
	}

	/**
	 * Now, to the microsecond both databases keep, so that what a step returns is what it
	 * stored.
	 */
	public OffsetDateTime now() {
		return OffsetDateTime.now(clock()).truncatedTo(ChronoUnit.MICROS);
	}

	/** Today in the county's time zone. */
	public LocalDate today() {
		return LocalDate.now(clock());
	}

}
