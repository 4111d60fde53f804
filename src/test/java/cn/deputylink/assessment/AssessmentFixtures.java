package cn.deputylink.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import cn.deputylink.support.Api;

/**
 * Two new handling units with a year's work done through the opinion and proposal APIs:
 * unit A leads two proposals (one replied on time with class A, evaluated satisfied; one
 * replied late with class C, evaluated basically satisfied) and has three opinions (one
 * on time and rated satisfied, one late and rated basically satisfied, one open past its
 * due date); unit B is co-unit of the first proposal and gives its input in time. The
 * clock cannot be set, so "late" and "past due" are made by moving the due dates to
 * yesterday before the reply.
 */
final class AssessmentFixtures {

	static final String PASSWORD = "Start#2026xy";

	final int port;

	final Api county;

	final Api township;

	final Api deputy;

	final JdbcClient jdbc;

	final long unitA;

	final long unitB;

	final Api handlerA;

	final Api handlerB;

	final String handlerAName;

	final String handlerBName;

	final int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

	AssessmentFixtures(int port, JdbcClient jdbc) {
		this.port = port;
		this.jdbc = jdbc;
		this.county = Api.as(port, "county");
		this.township = Api.as(port, "township");
		this.deputy = Api.as(port, "deputy");
		this.unitA = department("考核甲局");
		this.unitB = department("考核乙局");
		this.handlerAName = handler(unitA);
		this.handlerBName = handler(unitB);
		this.handlerA = Api.as(port, handlerAName, PASSWORD);
		this.handlerB = Api.as(port, handlerBName, PASSWORD);
	}

	static String unique(String prefix) {
		return prefix + ThreadLocalRandom.current().nextInt(100_000_000);
	}

	static JsonNode ok(Api.Response r) {
		assertThat(r.status()).as(r.body()).isBetween(200, 201);
		return r.json();
	}

	long department(String name) {
		List<String> codes = county.get("/api/v1/categories")
			.json()
			.valueStream()
			.map(c -> c.get("code").asString())
			.toList();
		return ok(county.post("/api/v1/departments",
				Api.json(Map.of("name", unique(name), "tier", "COUNTY", "categoryCodes", codes))))
			.get("id")
			.asLong();
	}

	/** A handler account of the unit: its username. */
	String handler(long departmentId) {
		String username = unique("ah");
		ok(county.post("/api/v1/users", Api.json(Map.of("username", username, "password", PASSWORD, "displayName",
				"考核承办人", "role", "DEPARTMENT_HANDLER", "departmentId", departmentId, "mustChangePassword", false))));
		return username;
	}

	/** Unit A's and unit B's year, as the class comment says. */
	void work() {
		Api liaison = Api.as(port, "liaison");
		long station = liaison.get("/api/v1/me").json().get("stationId").asLong();
		long township = this.township.get("/api/v1/me").json().get("townshipId").asLong();
		long village = county.get("/api/v1/villages?townshipId=" + township)
			.json()
			.get("items")
			.get(0)
			.get("id")
			.asLong();
		Api anonymous = Api.anonymous(port);
		// opinions of unit A
		long onTime = opinion(liaison, station, village);
		ok(handlerA.post("/api/v1/opinions/" + onTime + "/accept", ""));
		ok(handlerA.post("/api/v1/opinions/" + onTime + "/reply",
				Api.json(Map.of("content", "已修复", "outcome", "RESOLVED"))));
		ok(anonymous.post("/api/v1/public/opinions/" + code(onTime) + "/feedback",
				Api.json(Map.of("satisfaction", "SATISFIED"))));
		long late = opinion(liaison, station, village);
		dueYesterday("opinion", "due_date", late);
		ok(handlerA.post("/api/v1/opinions/" + late + "/accept", ""));
		ok(handlerA.post("/api/v1/opinions/" + late + "/reply",
				Api.json(Map.of("content", "已解释", "outcome", "EXPLAINED"))));
		ok(anonymous.post("/api/v1/public/opinions/" + code(late) + "/feedback",
				Api.json(Map.of("satisfaction", "BASICALLY_SATISFIED"))));
		long overdue = opinion(liaison, station, village);
		dueYesterday("opinion", "due_date", overdue);
		// proposals: A leads both, B co-handles the first
		long deputyId = deputy.get("/api/v1/me").json().get("deputyId").asLong();
		long first = proposal(deputyId, List.of(unitB));
		ok(handlerB.post("/api/v1/proposals/" + first + "/co-unit-input", Api.json(Map.of("input", "协办意见：同意"))));
		ok(handlerA.post("/api/v1/proposals/" + first + "/reply",
				Api.json(Map.of("content", "已解决", "resultClass", "A"))));
		ok(deputy.post("/api/v1/proposals/" + first + "/evaluate", Api.json(Map.of("satisfaction", "SATISFIED"))));
		long second = proposal(deputyId, List.of());
		dueYesterday("proposal", "reply_due", second);
		ok(handlerA.post("/api/v1/proposals/" + second + "/reply",
				Api.json(Map.of("content", "暂不能解决", "resultClass", "C"))));
		ok(deputy.post("/api/v1/proposals/" + second + "/evaluate",
				Api.json(Map.of("satisfaction", "BASICALLY_SATISFIED"))));
	}

	long opinion(Api liaison, long station, long village) {
		long id = ok(liaison.post("/api/v1/opinions",
				Api.json(Map.of("source", "RECEPTION", "stationId", station, "villageId", village, "content",
						unique("考核测试意见"), "constituent",
						Map.of("name", "王小明", "phone", "13812345678", "anonymous", false)))))
			.get("id")
			.asLong();
		ok(township.post("/api/v1/opinions/" + id + "/triage",
				Api.json(Map.of("categoryCode", "RURAL_INFRASTRUCTURE", "tier", "COUNTY"))));
		ok(township.post("/api/v1/opinions/" + id + "/assign", Api.json(Map.of("departmentId", unitA, "note", "考核"))));
		return id;
	}

	String code(long opinionId) {
		return county.get("/api/v1/opinions/" + opinionId).json().get("trackingCode").asString();
	}

	long proposal(long leadDeputy, List<Long> coUnits) {
		long id = ok(
				deputy.post("/api/v1/proposals",
						Api.json(Map.of("title", unique("考核建议"), "content", "建议内容", "leadDeputyId", leadDeputy,
								"coSignerIds", List.of(), "opinionIds", List.of(), "period", "RECESS"))))
			.get("id")
			.asLong();
		ok(deputy.post("/api/v1/proposals/" + id + "/submit", "{}"));
		ok(county.post("/api/v1/proposals/" + id + "/register", "{}"));
		ok(county.post("/api/v1/proposals/" + id + "/assign",
				Api.json(Map.of("leadDepartmentId", unitA, "coDepartmentIds", coUnits))));
		return id;
	}

	/** Test set-up only: the due date moved to yesterday (the clock cannot be set). */
	void dueYesterday(String table, String column, long id) {
		jdbc.sql("update " + table + " set " + column + " = :d where id = :id")
			.param("d", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1))
			.param("id", id)
			.update();
	}

	JsonNode row(Api api, long departmentId) {
		JsonNode table = ok(api.get("/api/v1/assessment/units?year=" + year));
		return table.get("items")
			.valueStream()
			.filter(r -> r.get("departmentId").asLong() == departmentId)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row of " + departmentId + " in " + table));
	}

}
