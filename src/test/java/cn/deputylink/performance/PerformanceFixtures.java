package cn.deputylink.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import cn.deputylink.support.Api;

import tools.jackson.databind.JsonNode;

/**
 * What the performance tests set up through the other modules' APIs: deputies (with
 * accounts), held duty days with chosen deputies and attendance, activities, opinions,
 * proposals through to the evaluation.
 */
final class PerformanceFixtures {

	static final String PASSWORD = "Start#2026xy";

	private static final AtomicInteger SEQ = new AtomicInteger();

	private PerformanceFixtures() {
	}

	record Deputy(long id, String name, String username) {

		Api api(int port) {
			return Api.as(port, username, PASSWORD);
		}
	}

	static long first(Api.Response r) {
		return r.json().get("items").get(0).get("id").asLong();
	}

	/** A new deputy at the station with an account of its own. */
	static Deputy deputy(Api county, long stationId) {
		int n = SEQ.incrementAndGet();
		String name = "档案代表" + n + "_" + System.nanoTime() % 100000;
		Api.Response r = county.post("/api/v1/deputies",
				Api.json(Map.of("name", name, "levels", List.of("TOWNSHIP"), "stationIds", List.of(stationId))));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		long d = r.id();
		String username = "perf" + d + "_" + n;
		Api.Response u = county.post("/api/v1/users", Api.json(Map.of("username", username, "password", PASSWORD,
				"displayName", name, "role", "DEPUTY", "deputyId", d)));
		assertThat(u.status()).as(u.body()).isEqualTo(201);
		return new Deputy(d, name, username);
	}

	/**
	 * A held duty day at the station on {@code date} with exactly these deputies on duty
	 * and their attendance ({@code PRESENT}, {@code ABSENT}, or {@code SUBSTITUTE:<id>});
	 * opinions raised there, answered on the spot with EXPLAINED, as many as given.
	 */
	static long heldDay(Api liaison, long station, String date, Map<Long, String> attendance, int received,
			int answeredOpinions) {
		LocalDate d = LocalDate.parse(date);
		Api.Response planned = liaison.post("/api/v1/stations/" + station + "/duty-plan", Api
			.json(Map.of("year", d.getYear(), "month", d.getMonthValue(), "days", List.of(date), "publish", false)));
		assertThat(planned.status()).as(planned.body()).isEqualTo(201);
		JsonNode day = planned.json().get("items").get(0);
		long id = day.get("id").asLong();
		Api.Response edited = liaison.put("/api/v1/duty-days/" + id, Api
			.json(Map.of("deputyIds", new ArrayList<>(attendance.keySet()), "version", day.get("version").asInt())));
		assertThat(edited.status()).as(edited.body()).isEqualTo(200);
		List<Map<String, Object>> lines = new ArrayList<>();
		attendance.forEach((deputy, status) -> {
			Map<String, Object> line = new HashMap<>();
			line.put("deputyId", deputy);
			if (status.startsWith("SUBSTITUTE:")) {
				line.put("status", "SUBSTITUTE");
				line.put("substituteId", Long.parseLong(status.substring("SUBSTITUTE:".length())));
			}
			else {
				line.put("status", status);
			}
			lines.add(line);
		});
		List<Map<String, Object>> opinions = new ArrayList<>();
		for (int i = 0; i < answeredOpinions; i++) {
			opinions.add(Map.of("content", "现场咨询的政策问题" + i, "outcome", "EXPLAINED", "answer", "代表现场讲解了政策",
					"constituent", Map.of("anonymous", true)));
		}
		Api.Response r = liaison.post("/api/v1/duty-days/" + id + "/reception",
				Api.json(Map.of("attendance", lines, "constituentsReceived", received, "version",
						edited.json().get("version").asInt(), "opinions", opinions)));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return id;
	}

	/** An opinion received by the deputies (registered by the liaison officer). */
	static long opinion(Api liaison, long station, List<Long> deputies, String receivedAt) {
		Api.Response r = liaison.post("/api/v1/opinions",
				Api.json(Map.of("source", "VISIT", "stationId", station, "content", "村里的路灯坏了" + SEQ.incrementAndGet(),
						"receivedAt", receivedAt, "deputyIds", deputies, "constituent", Map.of("anonymous", true))));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.id();
	}

	/**
	 * A proposal led by {@code lead} (entered by the county on its behalf), co-signed by
	 * {@code coSigner} (it confirms), submitted; when {@code evaluation} is given it is
	 * registered, assigned, replied and evaluated so by the lead.
	 */
	static long proposal(int port, Api county, Deputy lead, Deputy coSigner, String evaluation) {
		Api.Response d = county.post("/api/v1/proposals",
				Api.json(Map.of("title", "关于修建村道的建议" + SEQ.incrementAndGet(), "content", "建议内容", "leadDeputyId",
						lead.id(), "coSignerIds", coSigner == null ? List.of() : List.of(coSigner.id()), "opinionIds",
						List.of(), "period", "RECESS", "publicConsent", true)));
		assertThat(d.status()).as(d.body()).isEqualTo(201);
		long id = d.json().get("id").asLong();
		if (coSigner != null) {
			Api.Response c = coSigner.api(port).post("/api/v1/proposals/" + id + "/co-sign", "{\"confirm\":true}");
			assertThat(c.status()).as(c.body()).isEqualTo(200);
		}
		ok(county.post("/api/v1/proposals/" + id + "/submit", "{}"));
		if (evaluation == null) {
			return id;
		}
		ok(county.post("/api/v1/proposals/" + id + "/register", "{}"));
		Api.Response dep = county.post("/api/v1/departments", Api
			.json(Map.of("name", "档案承办" + SEQ.incrementAndGet() + "_" + System.nanoTime() % 100000, "tier", "COUNTY")));
		assertThat(dep.status()).as(dep.body()).isEqualTo(201);
		long unit = dep.id();
		String username = "perfh" + unit + "_" + SEQ.incrementAndGet();
		ok(county.post("/api/v1/users", Api.json(Map.of("username", username, "password", PASSWORD, "displayName",
				"承办人" + unit, "role", "DEPARTMENT_HANDLER", "departmentId", unit))), 201);
		Api handler = Api.as(port, username, PASSWORD);
		ok(county.post("/api/v1/proposals/" + id + "/assign",
				Api.json(Map.of("leadDepartmentId", unit, "coDepartmentIds", List.of()))));
		ok(handler.post("/api/v1/proposals/" + id + "/reply",
				Api.json(Map.of("content", "已列入明年计划", "resultClass", "A"))));
		ok(lead.api(port).post("/api/v1/proposals/" + id + "/evaluate", Api.json(Map.of("satisfaction", evaluation))));
		return id;
	}

	private static void ok(Api.Response r) {
		ok(r, 200);
	}

	private static void ok(Api.Response r, int status) {
		assertThat(r.status()).as(r.body()).isEqualTo(status);
	}

}
