package cn.deputylink.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.deputylink.support.Api;
import cn.deputylink.support.IntegrationTest;

/**
 * The demo county's cases have a past: some are overdue (and the department and township
 * were told), one is escalated (and they were told), some are yellow; their steps
 * happened in office hours on different days. Other tests add cases assigned today; the
 * demo's are those assigned days ago.
 */
@IntegrationTest
class DemoOpinionsIT {

	private static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private record Case(long id, String code, long departmentId, Long townshipId) {
	}

	private List<Case> demoCases(String condition, Map<String, Object> params) {
		return jdbc
			.sql("select id, tracking_code, department_id, township_id from opinion where status in ('ASSIGNED', "
					+ "'IN_PROGRESS') and assigned_at < :before and " + condition + " order by id")
			.param("before", OffsetDateTime.now().minusDays(2))
			.params(params)
			.query((rs, i) -> new Case(rs.getLong(1), rs.getString(2), rs.getLong(3),
					(Long) rs.getObject(4, Long.class)))
			.list();
	}

	/**
	 * Whether one of the demo accounts belongs to the unit (most demo departments and
	 * townships have none; accounts other tests add came after the notices).
	 */
	private boolean hasUsers(String unitColumn, long unit) {
		return jdbc
			.sql("select count(*) from app_user where username in ('township', 'township2', 'department') and "
					+ unitColumn + " = :unit")
			.param("unit", unit)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * How many inbox notices about the case with this word went to users of the given
	 * unit.
	 */
	private int notices(Case c, String word, String unitColumn, long unit) {
		return jdbc
			.sql("select count(*) from outbox_message m join app_user u on u.id = m.user_id where m.channel = 'INBOX' "
					+ "and m.subject like :s and u." + unitColumn + " = :unit "
					+ "and u.username in ('township', 'township2', 'department')")
			.param("s", "%" + word + "%" + c.code() + "%")
			.param("unit", unit)
			.query(Integer.class)
			.single();
	}

	@Test
	void theDemoHasOverdueYellowAndEscalatedCasesAndTheInboxesSaySo() {
		LocalDate today = LocalDate.now(COUNTY);
		List<Case> overdue = demoCases("due_date < :today", Map.of("today", today));
		assertThat(overdue).as("overdue demo cases").hasSizeGreaterThanOrEqualTo(2);
		int told = 0;
		for (Case c : overdue) {
			if (hasUsers("department_id", c.departmentId())) {
				assertThat(notices(c, "超期", "department_id", c.departmentId())).as("department told of " + c.code())
					.isPositive();
				told++;
			}
			if (c.townshipId() != null && hasUsers("township_id", c.townshipId())) {
				assertThat(notices(c, "超期", "township_id", c.townshipId())).as("township told of " + c.code())
					.isPositive();
			}
		}
		assertThat(told).as("overdue cases of the department account").isGreaterThanOrEqualTo(2);
		List<Case> escalated = demoCases("escalated = true", Map.of());
		assertThat(escalated).as("escalated demo cases").isNotEmpty();
		for (Case c : escalated) {
			if (hasUsers("department_id", c.departmentId())) {
				assertThat(notices(c, "督办", "department_id", c.departmentId())).as("department told of " + c.code())
					.isPositive();
			}
		}
		// yellow as the queues count it: due within the next working days
		Api county = Api.as(port, "county");
		assertThat(county.get("/api/v1/opinions?deadline=YELLOW&limit=100").json().get("items").size()).isPositive();
		assertThat(county.get("/api/v1/opinions?overdue=true&limit=100").json().get("items").size())
			.isGreaterThanOrEqualTo(overdue.size());
		assertThat(county.get("/api/v1/opinions?escalated=true&limit=100").json().get("items").size()).isPositive();
	}

	@Test
	void theDemoCasesMovedInOfficeHoursOverManyDays() {
		List<OffsetDateTime> times = jdbc
			// a conversion is written when the opinion module hears of the proposal's
			// submission, after the seeding committed: at the real time, not the case's
			.sql("select e.at from opinion_event e join opinion o on o.id = e.opinion_id "
					+ "where o.assigned_at < :before and e.action <> 'CONVERTED'")
			.param("before", OffsetDateTime.now().minusDays(2))
			.query((rs, i) -> rs.getObject(1, OffsetDateTime.class))
			.list();
		assertThat(times).hasSizeGreaterThan(20);
		for (OffsetDateTime t : times) {
			LocalTime local = t.atZoneSameInstant(COUNTY).toLocalTime();
			assertThat(local).as(t.toString()).isBetween(LocalTime.of(8, 0), LocalTime.of(18, 0));
		}
		assertThat(times.stream().map(t -> t.atZoneSameInstant(COUNTY).toLocalDate()).distinct().count())
			.isGreaterThan(5);
	}

}
