package cn.deputylink.audit;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the audit lines of requests that have no transaction of their own (the request
 * filter's, on the way out) with group commit: the lines of the requests finishing at the
 * same moment go into one insert and one commit, and every caller waits until its line is
 * committed, so a request still ends only once its audit line is durable, and a refused
 * or failed request is recorded whatever rolled back. Under load this turns one commit
 * per request into one per group; a lone request pays a hand-over to the writer thread.
 */
@Component
class AuditWriter implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(AuditWriter.class);

	/**
	 * Lines per insert at most: seven parameters each, far below either database's limit.
	 */
	private static final int GROUP = 200;

	record Line(OffsetDateTime at, String actor, String action, @Nullable String target, String outcome,
			@Nullable String detail, @Nullable String remoteAddr) {
	}

	private record Pending(Line line, CompletableFuture<Void> written) {
	}

	private final JdbcClient jdbc;

	private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();

	private final Thread writer;

	private volatile boolean stopped;

	AuditWriter(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.writer = new Thread(this::loop, "audit-writer");
		this.writer.setDaemon(true);
		this.writer.start();
	}

	/**
	 * Commits {@code line}, together with whatever other lines are waiting; returns once
	 * it is committed.
	 */
	void write(Line line) {
		if (stopped) {
			insert(List.of(line));
			return;
		}
		Pending p = new Pending(line, new CompletableFuture<>());
		queue.add(p);
		boolean interrupted = false;
		try {
			while (true) {
				try {
					p.written().get(1, TimeUnit.SECONDS);
					return;
				}
				catch (TimeoutException ex) {
					// the writer stopped (shutdown) after this line was queued: write it
					// here
					if (!writer.isAlive() && queue.remove(p)) {
						insert(List.of(line));
						return;
					}
				}
				catch (InterruptedException ex) {
					// the line is in the queue and will be written: wait for it all the
					// same
					interrupted = true;
				}
				catch (ExecutionException ex) {
					if (ex.getCause() instanceof RuntimeException r) {
						throw r;
					}
					throw new IllegalStateException(ex.getCause());
				}
			}
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private void loop() {
		List<Pending> group = new ArrayList<>();
		while (!stopped || !queue.isEmpty()) {
			try {
				group.add(queue.take());
			}
			catch (InterruptedException ex) {
				continue;
			}
			queue.drainTo(group, GROUP - 1);
			try {
				insert(group.stream().map(Pending::line).toList());
				group.forEach(p -> p.written().complete(null));
			}
			catch (RuntimeException ex) {
				// one bad line must not cost the others theirs: each alone, each caller
				// learns its own fate
				for (Pending p : group) {
					try {
						insert(List.of(p.line()));
						p.written().complete(null);
					}
					catch (RuntimeException one) {
						p.written().completeExceptionally(one);
					}
				}
			}
			catch (Error ex) {
				group.forEach(p -> p.written().completeExceptionally(ex));
				log.error("Audit writer: {}", ex.toString());
			}
			group.clear();
		}
	}

	/** Runs outside any transaction: the insert commits by itself. */
	void insert(List<Line> lines) {
		StringBuilder sql = new StringBuilder(
				"insert into audit_event (at, actor, action, target, outcome, detail, remote_addr) values ");
		List<@Nullable Object> params = new ArrayList<>(lines.size() * 7);
		for (Line l : lines) {
			sql.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?)");
			params.add(l.at());
			params.add(l.actor());
			params.add(l.action());
			params.add(l.target());
			params.add(l.outcome());
			params.add(l.detail());
			params.add(l.remoteAddr());
		}
		jdbc.sql(sql.toString()).params(params).update();
	}

	@Override
	public void destroy() throws InterruptedException {
		stopped = true;
		writer.interrupt();
		writer.join(5000);
	}

}
