package cn.deputylink.statistics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.deputylink.statistics.internal.Projections.ActivityRow;
import cn.deputylink.statistics.internal.Projections.OpinionRow;
import cn.deputylink.support.IntegrationTest;

/**
 * A projection row written again as it is stored touches no rollup cell: most events of a
 * record (a reminder, an escalation, the events a late listener hears after the record's
 * last state was already counted) change nothing the figures count, and recomputing the
 * record's day and month cells for them would be the listeners' main cost. A changed row
 * touches the cells it left and entered. Each case in a transaction rolled back, so the
 * demo county's rows stay as they are.
 */
@IntegrationTest
class ProjectionsIT {

	@Autowired
	Projections projections;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	private void rolledBack(Runnable work) {
		new TransactionTemplate(transactions).executeWithoutResult(s -> {
			work.run();
			s.setRollbackOnly();
		});
	}

	private long first(String sql) {
		Long id = jdbc.sql(sql).query(Long.class).list().stream().findFirst().orElseThrow();
		return id;
	}

	@Test
	void anOpinionWrittenAsStoredTouchesNoCellAndAChangedOneItsCellsBeforeAndAfter() {
		long id = first("select o.opinion_id from stat_opinion o where o.counted and exists "
				+ "(select 1 from stat_opinion_deputy d where d.opinion_id = o.opinion_id) order by o.opinion_id");
		rolledBack(() -> {
			projections.lockOpinion(id);
			OpinionRow stored = projections.opinion(id).orElseThrow();
			assertThat(projections.write(stored)).as("as stored").isEmpty();
			OpinionRow moved = new OpinionRow(stored.opinionId(), stored.trackingCode(),
					stored.receivedOn().minusMonths(1), stored.townshipId(), stored.stationId(), stored.categoryCode(),
					stored.source(), stored.status(), stored.outcome(), stored.departmentId(), stored.dueDate(),
					stored.repliedOn(), stored.handlingDays(), stored.satisfaction(), stored.overdue(),
					stored.converted(), stored.counted(), stored.deputyIds());
			List<Cell> before = Rollups.cellsOf(stored.receivedOn(), stored.townshipId(), stored.stationId(),
					stored.deputyIds());
			List<Cell> after = Rollups.cellsOf(moved.receivedOn(), moved.townshipId(), moved.stationId(),
					moved.deputyIds());
			assertThat(projections.write(moved)).as("moved a month back")
				.containsExactlyInAnyOrderElementsOf(concat(before, after));
			assertThat(projections.opinion(id)).contains(moved);
			assertThat(projections.write(moved)).as("as stored again").isEmpty();
		});
	}

	@Test
	void anActivityWrittenAsStoredTouchesNoCellAndAChangedOneItsCells() {
		long id = first("select activity_id from stat_activity where counted order by activity_id");
		rolledBack(() -> {
			projections.lockActivity(id);
			ActivityRow stored = projections.activity(id).orElseThrow();
			assertThat(projections.write(stored)).as("as stored").isEmpty();
			ActivityRow more = new ActivityRow(stored.activityId(), stored.type(), stored.date(), stored.townshipId(),
					stored.stationId(), stored.constituents() + 1, stored.households(), stored.counted(),
					stored.deputyIds());
			List<Cell> cells = Rollups.cellsOf(stored.date(), stored.townshipId(), stored.stationId(),
					stored.deputyIds());
			assertThat(projections.write(more)).as("one more constituent")
				.containsExactlyInAnyOrderElementsOf(concat(cells, cells));
			assertThat(projections.write(more)).as("as stored again").isEmpty();
		});
	}

	private static List<Cell> concat(List<Cell> a, List<Cell> b) {
		return Stream.concat(a.stream(), b.stream()).toList();
	}

}
