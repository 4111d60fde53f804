package cn.deputylink.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * The demo's background work: preparing while it runs, prepared after, failed when it
 * threw; one run at a time.
 */
class DemoPreparationTest {

	@Test
	void nothingStartedIsPrepared() throws InterruptedException {
		DemoPreparation p = new DemoPreparation();
		assertThat(p.preparing()).isFalse();
		assertThat(p.failed()).isFalse();
		assertThat(p.awaitPrepared(Duration.ZERO)).isTrue();
	}

	@Test
	void preparingUntilTheWorkIsDone() throws InterruptedException {
		DemoPreparation p = new DemoPreparation();
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger runs = new AtomicInteger();
		p.start(() -> {
			runs.incrementAndGet();
			await(release);
		});
		assertThat(p.preparing()).isTrue();
		assertThat(p.awaitPrepared(Duration.ofMillis(100))).isFalse();
		// a second start while the first runs does nothing
		p.start(runs::incrementAndGet);
		release.countDown();
		assertThat(p.awaitPrepared(Duration.ofSeconds(10))).isTrue();
		assertThat(p.preparing()).isFalse();
		assertThat(p.failed()).isFalse();
		assertThat(runs).hasValue(1);
	}

	@Test
	void expectedWorkIsPreparingBeforeItStarts() throws InterruptedException {
		DemoPreparation p = new DemoPreparation();
		p.expect();
		assertThat(p.preparing()).isTrue();
		assertThat(p.awaitPrepared(Duration.ofMillis(50))).isFalse();
		AtomicInteger runs = new AtomicInteger();
		p.start(runs::incrementAndGet);
		assertThat(p.awaitPrepared(Duration.ofSeconds(10))).isTrue();
		assertThat(runs).hasValue(1);
		assertThat(p.preparing()).isFalse();
	}

	@Test
	void aFailureIsReported() throws InterruptedException {
		DemoPreparation p = new DemoPreparation();
		p.start(() -> {
			throw new IllegalStateException("the database went away");
		});
		assertThat(p.awaitPrepared(Duration.ofSeconds(10))).isFalse();
		assertThat(p.preparing()).isFalse();
		assertThat(p.failed()).isTrue();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
