package cn.deputylink.demo;

import java.time.Duration;

/**
 * Whether the demo county's work (its opinions, duty days, activities, proposals,
 * history, inspections and money) is still being written. The application serves pages
 * and signs in the demo accounts as soon as it has started; this work follows in the
 * background, in one transaction, so it appears all at once when it commits. Nothing to
 * prepare (the demo off, or the county seeded by an earlier start) counts as prepared.
 */
public interface DemoStatus {

	/** True while the demo's work is being written. */
	boolean preparing();

	/** True when the last preparation failed (the log says why). */
	boolean failed();

	/**
	 * Waits until nothing is being prepared, at most {@code timeout}; true when the demo
	 * is prepared, false on a timeout or a failure.
	 */
	boolean awaitPrepared(Duration timeout) throws InterruptedException;

}
