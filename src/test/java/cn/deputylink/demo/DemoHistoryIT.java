package cn.deputylink.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import cn.deputylink.support.Api;
import cn.deputylink.support.EventPublications;
import cn.deputylink.support.IntegrationTest;

/**
 * The demo county over all time has exactly the seed bulletin's figures — 2,123 counting
 * activities, 3,726 constituents received, 4,215 households visited, 963 opinions (merged
 * duplicates left out), 526 of them closed as resolved, 57 of them turned into proposals
 * — counted here straight from the source tables as {@code docs/api.md} "Statistics"
 * defines them, once the event publications (the proposal-to-opinion links among them)
 * are done. A context (and database) of its own, so that no other test's records are
 * counted.
 */
@IntegrationTest
@TestPropertySource(properties = "deputylink.test.context=demo-history")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoHistoryIT {

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	private int count(String sql) {
		Integer n = jdbc.sql(sql).query(Integer.class).single();
		return n == null ? 0 : n;
	}

	@BeforeAll
	void eventsDrained() throws InterruptedException {
		// support.DemoPrepared already waits for this (and logs how long it took);
		// asked again here to state what this class counts on
		assertThat(EventPublications.drained(jdbc, Duration.ofMinutes(1))).as("event publications heard").isTrue();
	}

	@Test
	void theActivitiesAreTheBulletins() {
		String counting = "from activity where status in ('RECORDED', 'APPROVED')";
		assertThat(count("select count(*) " + counting)).isEqualTo(2123);
		assertThat(count("select coalesce(sum(constituents_received), 0) " + counting)).isEqualTo(3726);
		assertThat(count("select coalesce(sum(households_visited), 0) " + counting)).isEqualTo(4215);
		// none in the future, and the history reaches back before this year
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		assertThat(jdbc.sql("select max(activity_date) " + counting).query(LocalDate.class).single())
			.isBeforeOrEqualTo(today);
		assertThat(jdbc.sql("select min(activity_date) " + counting).query(LocalDate.class).single())
			.isBefore(LocalDate.of(today.getYear() - 1, 1, 1));
	}

	@Test
	void theOpinionsAreTheBulletins() {
		assertThat(count("select count(*) from opinion where status <> 'MERGED'")).isEqualTo(963);
		assertThat(count("select count(*) from opinion where status = 'CLOSED' and outcome = 'RESOLVED'"))
			.isEqualTo(526);
		assertThat(count("select count(distinct o.id) from opinion o join opinion_proposal_link l "
				+ "on l.opinion_id = o.id where o.status <> 'MERGED'"))
			.isEqualTo(57);
		// there are merged duplicates, left out of the figure
		assertThat(count("select count(*) from opinion where status = 'MERGED'")).isPositive();
	}

	/**
	 * The statistics module's summary over all time says the same, as the county sees it
	 * and as a township admin does not (its own township only). Skipped while the
	 * statistics module has no endpoint yet (404).
	 */
	@Test
	void theSummaryOverAllTimeIsTheBulletin() {
		Api.Response r = Api.as(port, "county").get("/api/v1/statistics/summary");
		assumeTrue(r.status() != 404, "no statistics endpoint yet");
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		JsonNode s = r.json();
		assertThat(s.get("activities").asLong()).isEqualTo(2123);
		assertThat(s.get("constituentsReceived").asLong()).isEqualTo(3726);
		assertThat(s.get("householdsVisited").asLong()).isEqualTo(4215);
		assertThat(s.get("opinions").asLong()).isEqualTo(963);
		assertThat(s.get("opinionsResolved").asLong()).isEqualTo(526);
		assertThat(s.get("opinionsConverted").asLong()).isEqualTo(57);
		JsonNode township = Api.as(port, "township").get("/api/v1/statistics/summary").json();
		assertThat(township.get("opinions").asLong()).isLessThan(963);
	}

}
