package cn.deputylink.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.deputylink.support.IntegrationTest;

/**
 * The demo county's activities: a year of every type but reception (the duty days'),
 * recorded and reported; the demo deputy's reports in every review status; visits for
 * only some deputies, so that the "三个一" has deputies both met and behind.
 */
@IntegrationTest
class DemoActivitiesIT {

	@Autowired
	JdbcClient jdbc;

	private int count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Integer.class).single();
	}

	@Test
	void everyTypeButReceptionIsThereOverAYear() {
		List<String> types = jdbc.sql("select distinct type from activity where status in ('RECORDED', 'APPROVED')")
			.query(String.class)
			.list();
		assertThat(types).contains("VISIT", "PRACTICAL_DEED", "POVERTY_AID", "STUDY", "GROUP_ACTIVITY", "INSPECTION");
		assertThat(count("select count(*) from activity where activity_date < current_date - 180")).isPositive();
		assertThat(count("select count(*) from activity where created_by is null")).isZero();
	}

	@Test
	void theDemoDeputyHasReportsInEveryStatus() {
		List<String> statuses = jdbc
			.sql("select distinct a.status from activity a join app_user u on u.id = a.created_by "
					+ "where u.username = 'deputy' and a.reported = true")
			.query(String.class)
			.list();
		assertThat(statuses).contains("SUBMITTED", "APPROVED", "REJECTED", "WITHDRAWN");
		assertThat(count("select count(*) from activity a join app_user u on u.id = a.created_by "
				+ "where u.username = 'deputy' and a.status = 'REJECTED' and a.reject_reason is not null"))
			.isPositive();
		assertThat(count("select count(*) from activity_photo")).isPositive();
	}

	@Test
	void someDeputiesHaveNoVisitAtAll() {
		// the demo's deputies are both compliant and behind on their "三个一"
		// (ObligationsIT): some have visited, some never
		int deputies = count("select count(*) from deputy");
		int visited = count("select count(distinct d.deputy_id) from activity_deputy d join activity a "
				+ "on a.id = d.activity_id where a.type = 'VISIT' and a.status in ('RECORDED', 'APPROVED')");
		assertThat(visited).isPositive().isLessThan(deputies);
	}

}
