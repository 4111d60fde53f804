package cn.deputylink.support;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The event publication registry as the tests see it: listeners of other modules run
 * after the commit, on other threads, and a test that reads what they keep (statistics,
 * performance files, conversions) waits until every publication is completed (and, with
 * {@code completion-mode=delete}, gone).
 */
public final class EventPublications {

	private EventPublications() {
	}

	/** How many publications still wait for their listener. */
	public static int incomplete(JdbcClient jdbc) {
		Integer n = jdbc.sql("select count(*) from event_publication where completion_date is null")
			.query(Integer.class)
			.single();
		return n == null ? 0 : n;
	}

	/**
	 * Waits until no publication is incomplete.
	 * @return whether that happened within {@code atMost}
	 */
	public static boolean drained(JdbcClient jdbc, Duration atMost) throws InterruptedException {
		long end = System.nanoTime() + atMost.toNanos();
		while (incomplete(jdbc) > 0) {
			if (System.nanoTime() > end) {
				return false;
			}
			Thread.sleep(50);
		}
		return true;
	}

}
