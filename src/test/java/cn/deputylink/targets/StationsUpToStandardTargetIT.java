package cn.deputylink.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.deputylink.support.Api;
import cn.deputylink.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * The indicator STATIONS_UP_TO_STANDARD is measured from the standards module: every
 * active station of a township inspected today, all but one up to standard, gives (n − 1)
 * / n this year and nothing of it last year.
 */
@IntegrationTest
class StationsUpToStandardTargetIT {

	@LocalServerPort
	int port;

	@Test
	void theIndicatorCountsTheStationsUpToStandard() {
		Api county = Api.as(port, "county");
		long own = Api.as(port, "township").get("/api/v1/me").json().get("townshipId").asLong();
		long own2 = Api.as(port, "township2").get("/api/v1/me").json().get("townshipId").asLong();
		JsonNode townships = county.get("/api/v1/targets/ranking").json().get("items");
		// a demo township with two stations or more (other tests add townships without
		// any)
		long township = -1;
		List<Long> stations = List.of();
		for (JsonNode t : townships) {
			long id = t.get("townshipId").asLong();
			if (id == own || id == own2) {
				continue;
			}
			List<Long> active = county.get("/api/v1/stations?limit=500&townshipId=" + id)
				.json()
				.get("items")
				.valueStream()
				.filter(s -> s.get("active").asBoolean())
				.map(s -> s.get("id").asLong())
				.toList();
			if (active.size() >= 2) {
				township = id;
				stations = active;
			}
		}
		assertThat(stations).hasSizeGreaterThanOrEqualTo(2);
		List<JsonNode> items = county.get("/api/v1/standards/items")
			.json()
			.valueStream()
			.filter(i -> i.get("active").asBoolean())
			.toList();
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		for (int n = 0; n < stations.size(); n++) {
			List<Map<String, Object>> results = new ArrayList<>();
			for (JsonNode i : items) {
				Map<String, Object> r = new HashMap<>();
				r.put("itemId", i.get("id").asLong());
				r.put("result", n == 0 && i.get("required").asBoolean() ? "NOT_MET" : "MET");
				results.add(r);
			}
			Api.Response r = county.post("/api/v1/standards/inspections", Api
				.json(Map.of("stationId", stations.get(n), "inspectedOn", today.toString(), "results", results)));
			assertThat(r.status()).as(r.body()).isEqualTo(201);
			assertThat(r.json().get("status").asString()).isEqualTo(n == 0 ? "NOT_UP_TO_STANDARD" : "UP_TO_STANDARD");
		}
		BigDecimal expected = BigDecimal.valueOf(stations.size() - 1)
			.divide(BigDecimal.valueOf(stations.size()), 4, RoundingMode.HALF_UP);
		assertThat(measured(county, township, today.getYear())).isEqualByComparingTo(expected);
		// the demo's inspections are of this year; last year nothing was up to standard
		assertThat(measured(county, township, today.getYear() - 1)).isEqualByComparingTo("0");
	}

	private static BigDecimal measured(Api county, long township, int year) {
		Api.Response r = county.get("/api/v1/targets/townships/" + township + "?year=" + year);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		JsonNode item = r.json()
			.get("items")
			.valueStream()
			.filter(i -> "STATIONS_UP_TO_STANDARD".equals(i.get("indicator").asString()))
			.findFirst()
			.orElseThrow();
		assertThat(item.get("measured").isNull()).as(r.body()).isFalse();
		return item.get("measured").decimalValue();
	}

}
