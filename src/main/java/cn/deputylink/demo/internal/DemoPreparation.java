package cn.deputylink.demo.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.deputylink.demo.DemoStatus;

/**
 * Runs the demo's background work on a thread of its own ({@code demo-seed}), once per
 * start, and tells whether it is still running. Off the start-up thread, so that the
 * application answers while the county's work is written.
 */
@Component
class DemoPreparation implements DemoStatus {

	private static final Logger log = LoggerFactory.getLogger(DemoPreparation.class);

	private final Object lock = new Object();

	private boolean running;

	private boolean started;

	private boolean failed;

	/**
	 * The demo is on and will start its work once the application is up: preparing from
	 * now, so that a page served before the work starts says so too.
	 */
	void expect() {
		synchronized (this.lock) {
			this.running = true;
		}
	}

	/** Starts {@code work} in the background unless a preparation is running already. */
	void start(Runnable work) {
		synchronized (this.lock) {
			if (this.started) {
				return;
			}
			this.started = true;
			this.running = true;
			this.failed = false;
		}
		Thread t = new Thread(() -> run(work), "demo-seed");
		t.setDaemon(true);
		t.start();
	}

	private void run(Runnable work) {
		boolean ok = false;
		try {
			work.run();
			ok = true;
		}
		catch (RuntimeException ex) {
			log.error("The demo county's work could not be prepared", ex);
		}
		finally {
			synchronized (this.lock) {
				this.running = false;
				this.started = false;
				this.failed = !ok;
				this.lock.notifyAll();
			}
		}
	}

	@Override
	public boolean preparing() {
		synchronized (this.lock) {
			return this.running;
		}
	}

	@Override
	public boolean failed() {
		synchronized (this.lock) {
			return this.failed;
		}
	}

	@Override
	public boolean awaitPrepared(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.lock) {
			while (this.running) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return false;
				}
				TimeUnit.NANOSECONDS.timedWait(this.lock, left);
			}
			return !this.failed;
		}
	}

}
