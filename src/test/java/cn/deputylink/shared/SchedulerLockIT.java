package cn.deputylink.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import cn.deputylink.support.IntegrationTest;

/**
 * Scheduled jobs run on one node at a time through ShedLock's lease in the
 * {@code shedlock} table, on database time: two nodes (two connection pools on one
 * database) asking for the same job at once run it once.
 */
@IntegrationTest
class SchedulerLockIT {

	@Autowired
	LockingTaskExecutor locks;

	@Autowired
	RateLimits limits;

	@Autowired
	JdbcClient jdbc;

	@Value("${spring.datasource.url}")
	String url;

	@Value("${spring.datasource.username}")
	String user;

	@Value("${spring.datasource.password:}")
	String password;

	/** A second node: its own connection pool and lock provider, the same database. */
	private LockingTaskExecutor secondNode() {
		DataSource second = new DriverManagerDataSource(url, user, password);
		return new DefaultLockingTaskExecutor(
				new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
					.withJdbcTemplate(new JdbcTemplate(second))
					.usingDbTime()
					.build()));
	}

	private static LockConfiguration lease(String name) {
		return new LockConfiguration(Instant.now(), name, Duration.ofMinutes(10), Duration.ZERO);
	}

	@Test
	void twoNodesAskingForOneJobRunItOnce() {
		LockingTaskExecutor other = secondNode();
		String job = "test-" + UUID.randomUUID();
		AtomicInteger runs = new AtomicInteger();
		locks.executeWithLock((Runnable) () -> {
			runs.incrementAndGet();
			// while this node holds the lease the other one asks for the same job: it
			// does not run
			onAnotherThread(() -> other.executeWithLock((Runnable) runs::incrementAndGet, lease(job)));
		}, lease(job));
		assertThat(runs).hasValue(1);

		// the lease ends with the run: the next run may be on either node
		other.executeWithLock((Runnable) runs::incrementAndGet, lease(job));
		assertThat(runs).hasValue(2);
		assertThat(
				jdbc.sql("select count(*) from shedlock where name = :n").param("n", job).query(Integer.class).single())
			.isEqualTo(1);
	}

	@Test
	void aScheduledPurgeIsSkippedWhileAnotherNodeHoldsItsLease() {
		String ended = "test:" + UUID.randomUUID();
		jdbc.sql("insert into rate_limit (bucket, window_end, hits) values (:b, :e, 1)")
			.param("b", ended)
			.param("e", System.currentTimeMillis() - 1000)
			.update();
		AtomicInteger left = new AtomicInteger(-1);
		secondNode().executeWithLock((Runnable) () -> onAnotherThread(() -> {
			// the first node's scheduled purge, fired while the second node holds its
			// lease, is skipped
			limits.purge();
			left.set(rows(ended));
		}), lease("purge-rate-limits"));
		assertThat(left).hasValue(1);

		// once the lease is free the purge runs
		limits.purge();
		assertThat(rows(ended)).isZero();
	}

	/**
	 * Another node's scheduler thread. ShedLock lets a thread that holds a lease run
	 * nested work under the same name, so the competing attempt must come from another
	 * thread.
	 */
	private static void onAnotherThread(Runnable r) {
		ExecutorService thread = Executors.newSingleThreadExecutor();
		try {
			thread.submit(r).get();
		}
		catch (InterruptedException | ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			thread.shutdown();
		}
	}

	private int rows(String bucket) {
		return jdbc.sql("select count(*) from rate_limit where bucket = :b")
			.param("b", bucket)
			.query(Integer.class)
			.single();
	}

}
