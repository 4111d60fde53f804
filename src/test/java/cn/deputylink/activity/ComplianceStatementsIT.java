package cn.deputylink.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import cn.deputylink.support.Api;
import cn.deputylink.support.IntegrationTest;
import cn.deputylink.support.StatementCounter;

/**
 * The county's compliance report reads the activities and the pairings in one query each,
 * whatever the number of deputies: no query per deputy.
 */
@IntegrationTest
@Import(StatementCounter.class)
class ComplianceStatementsIT {

	@LocalServerPort
	int port;

	@Test
	void theCountysReportIsAFewQueriesNotOnePerDeputy() {
		Api county = Api.as(port, "county");
		assertThat(county.get("/api/v1/obligations/compliance").status()).isEqualTo(200);
		StatementCounter.seen.clear();
		StatementCounter.recording.set(true);
		Api.Response r;
		try {
			r = county.get("/api/v1/obligations/compliance");
		}
		finally {
			StatementCounter.recording.set(false);
		}
		assertThat(r.status()).isEqualTo(200);
		int deputies = r.json().get("total").asInt();
		List<String> seen = List.copyOf(StatementCounter.seen);
		System.out.println("Compliance of " + deputies + " deputies: " + seen.size() + " statements");
		seen.forEach(s -> System.out.println("  " + s));
		assertThat(deputies).isGreaterThan(150);
		assertThat(seen.stream().filter(s -> s.contains("activity_deputy")).count()).isEqualTo(1);
		assertThat(seen.stream().filter(s -> s.contains("household_pairing")).count()).isEqualTo(1);
		assertThat(seen.size()).isLessThan(40);
	}

}
