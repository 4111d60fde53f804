package cn.deputylink.demo.internal;

import cn.deputylink.demo.DemoStatus;

/**
 * Test-only: starts the application's own demo preparation with work of a test's
 * choosing, for tests outside this package (the banner in the browser) that have the
 * demo's status only.
 */
public final class TestPreparation {

	private TestPreparation() {
	}

	public static void start(DemoStatus status, Runnable work) {
		if (!(status instanceof DemoPreparation preparation)) {
			throw new IllegalArgumentException("not the demo's preparation: " + status.getClass());
		}
		preparation.start(work);
	}

}
