package cn.deputylink.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import cn.deputylink.support.Api;
import cn.deputylink.support.IntegrationTest;
import cn.deputylink.support.StatementCounter;

/**
 * What one staff intake ({@code POST /api/v1/opinions}) costs the database, by table: the
 * opinion module's own statements stay within one lookup of each thing, in one
 * transaction. Prints the statements, for the benchmark's notes.
 */
@IntegrationTest
@Import(StatementCounter.class)
class IntakeStatementsIT {

	@LocalServerPort
	int port;

	private static final Pattern TABLE = Pattern.compile("(?i)(?:from|into|update)\\s+([a-z_]+)");

	@Test
	void oneIntakeIsOneTransactionWithOneLookupOfEachThing() {
		Api liaison = Api.as(port, "liaison");
		long station = liaison.get("/api/v1/me").json().get("stationId").asLong();
		String body = Api.json(Map.of("source", "RECEPTION", "stationId", station, "content", "路灯不亮，晚上出行不便",
				"constituent", Map.of("name", "张三", "phone", "13800001111")));
		assertThat(liaison.post("/api/v1/opinions", body).status()).isEqualTo(201);

		StatementCounter.seen.clear();
		StatementCounter.recording.set(true);
		int status;
		try {
			status = liaison.post("/api/v1/opinions", body).status();
		}
		finally {
			StatementCounter.recording.set(false);
		}
		assertThat(status).isEqualTo(201);
		List<String> seen = List.copyOf(StatementCounter.seen);
		Map<String, Integer> byTable = new LinkedHashMap<>();
		for (String sql : seen) {
			Matcher m = TABLE.matcher(sql);
			String table = sql.equals("COMMIT") ? "COMMIT" : m.find() ? m.group(1) : sql;
			byTable.merge(table, 1, Integer::sum);
		}
		System.out.println("One staff intake: " + seen.size() + " entries " + byTable);
		seen.forEach(s -> System.out.println("  " + s));

		int opinionOwn = count(byTable, "opinion", "opinion_event", "opinion_deputy", "opinion_attachment",
				"opinion_idempotency", "routing_rule", "event_publication");
		assertThat(opinionOwn).as("the opinion, its code's check, its first line: " + byTable).isLessThanOrEqualTo(4);
		assertThat(count(byTable, "station")).as("the station read once").isLessThanOrEqualTo(1);
	}

	private static int count(Map<String, Integer> byTable, String... tables) {
		int n = 0;
		for (String t : tables) {
			n += byTable.getOrDefault(t, 0);
		}
		return n;
	}

}
