package cn.deputylink.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.deputylink.support.IntegrationTest;

/**
 * The audit log's two ways of writing: outside a transaction a line is committed (grouped
 * with the lines of concurrent callers) before {@code record} returns; inside one it is
 * part of that transaction and shares its fate.
 */
@IntegrationTest
class AuditWriterIT {

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	private int lines(String tag) {
		return jdbc.sql("select count(*) from audit_event where detail = :t")
			.param("t", tag)
			.query(Integer.class)
			.single();
	}

	@Test
	void concurrentCallersEachFindTheirLineCommittedWhenRecordReturns() throws Exception {
		String tag = "group-" + System.nanoTime();
		int callers = 16;
		int each = 25;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(callers);
		try {
			List<Future<Boolean>> runs = new ArrayList<>();
			for (int c = 0; c < callers; c++) {
				int caller = c;
				runs.add(pool.submit(() -> {
					start.await();
					for (int i = 0; i < each; i++) {
						String target = "/audit-writer/" + caller + "/" + i;
						audit.record("tester", "POST", target, "SUCCESS", tag, "127.0.0.1");
						// committed and visible to another connection at once
						if (jdbc.sql("select count(*) from audit_event where target = :t and detail = :d")
							.param("t", target)
							.param("d", tag)
							.query(Integer.class)
							.single() != 1) {
							return false;
						}
					}
					return true;
				}));
			}
			start.countDown();
			for (Future<Boolean> f : runs) {
				assertThat(f.get(60, TimeUnit.SECONDS)).isTrue();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(lines(tag)).isEqualTo(callers * each);
	}

	@Test
	void insideATransactionTheLineSharesItsFate() {
		String rolledBack = "tx-rollback-" + System.nanoTime();
		String committed = "tx-commit-" + System.nanoTime();
		TransactionTemplate tx = new TransactionTemplate(transactions);
		tx.executeWithoutResult(status -> {
			audit.record("tester", "VIEW", "/x", "SUCCESS", rolledBack, null);
			status.setRollbackOnly();
		});
		tx.executeWithoutResult(status -> audit.record("tester", "VIEW", "/x", "SUCCESS", committed, null));
		assertThat(lines(rolledBack)).isZero();
		assertThat(lines(committed)).isEqualTo(1);
	}

}
