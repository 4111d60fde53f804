package cn.deputylink.shared;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A lease in the database, so that a scheduled job runs on one node at a time however many nodes
 * share the database. A node that dies loses its lease when it expires.
 */
@Component
public class JobLock {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final String node = ManagementFactory.getRuntimeMXBean().getName();

	public JobLock(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Runs {@code job} if this node wins the lease named {@code name}; returns whether it ran. */
	public boolean runExclusively(String name, Duration lease, Runnable job) {
		if (!acquire(name, lease)) {
			return false;
		}
		try {
			job.run();
			return true;
		}
		finally {
			jdbc.sql("update job_lock set locked_until = :now where name = :name and locked_by = :node")
				.param("now", OffsetDateTime.now(clock))
				.param("name", name)
				.param("node", node)
				.update();
		}
	}

	boolean acquire(String name, Duration lease) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		int taken = jdbc
			.sql("update job_lock set locked_until = :until, locked_by = :node where name = :name and locked_until <= :now")
			.param("until", now.plus(lease))
			.param("node", node)
			.param("name", name)
			.param("now", now)
			.update();
		if (taken == 1) {
			return true;
		}
		try {
			return jdbc.sql("insert into job_lock (name, locked_until, locked_by) values (:name, :until, :node)")
				.param("name", name)
				.param("until", now.plus(lease))
				.param("node", node)
				.update() == 1;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}
}
