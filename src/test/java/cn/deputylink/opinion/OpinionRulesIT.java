package cn.deputylink.opinion;

import static cn.deputylink.opinion.OpinionFixtures.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import cn.deputylink.support.Api;
import cn.deputylink.support.Images;
import cn.deputylink.support.IntegrationTest;
import cn.deputylink.support.Multipart;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.function.Function;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The opinion API's rules: bad input on every endpoint changes nothing; statuses refuse
 * what they do not allow; data scope; what the public sees; routing; deadlines;
 * attachments; phone disclosure.
 */
@IntegrationTest
class OpinionRulesIT extends OpinionTestSupport {

	private int opinionCount() {
		return jdbc.sql("select count(*) from opinion").query(Integer.class).single();
	}

	/**
	 * Status, version and timeline length: what a refused request must leave as it was.
	 */
	private String state(long id) {
		JsonNode o = f.get(id);
		return o.get("status").asString() + "/" + o.get("version").asInt() + "/" + o.get("timeline").size() + "/"
				+ o.get("departmentId") + "/" + o.get("categoryCode");
	}

	private static void problem(Api.Response r, int status) {
		assertThat(r.status()).as(r.body()).isEqualTo(status);
		assertThat(r.contentType()).startsWith("application/problem+json");
		assertThat(r.json().get("detail").asString()).isNotBlank();
	}

	@Test
	void badIntakeIsRefusedAndWritesNothing() {
		int before = opinionCount();
		String longText = "长".repeat(4001);
		Map<String, Integer> cases = new LinkedHashMap<>();
		cases.put("{\"source\": \"RECEPTION\", \"content\": ", 400); // malformed JSON
		cases.put(Api.json(Map.of("source", "TELEPATHY", "content", "x")), 400);
		cases.put(Api.json(Map.of("source", "RECEPTION")), 400);
		cases.put(Api.json(Map.of("source", "RECEPTION", "content", "   ")), 400);
		cases.put(Api.json(Map.of("source", "RECEPTION", "content", longText)), 400);
		cases.put(Api.json(Map.of("source", "RECEPTION", "content", "x", "stationId", 99_999_999)), 400);
		cases.put(Api.json(Map.of("source", "RECEPTION", "content", "x", "villageId", "abc")), 400);
		cases.put(Api.json(Map.of("source", "RECEPTION", "content", "x", "categoryCode", "NOPE")), 400);
		cases.put(Api.json(Map.of("source", "RECEPTION", "content", "x", "receivedAt", "2999-01-01T00:00:00+08:00")),
				400);
		cases.put(Api.json(Map.of("source", "RECEPTION", "content", "x", "deputyIds", List.of(99_999_999))), 400);
		cases.put(
				Api.json(
						Map.of("source", "RECEPTION", "content", "x", "constituent", Map.of("phone", "call me maybe"))),
				400);
		cases.forEach((body, status) -> problem(f.liaison.post("/api/v1/opinions", body), status));
		problem(f.liaison.post("/api/v1/opinions",
				Api.json(Map.of("source", "RECEPTION", "content", "x".repeat(1_100_000)))), 413);
		problem(f.liaison.post("/api/v1/opinions", Api.json(Map.of("source", "RECEPTION", "content", "x")),
				"Idempotency-Key", "k".repeat(201)), 400);
		Api anonymous = Api.anonymous(port);
		problem(anonymous.post("/api/v1/public/opinions", "{}"), 400);
		problem(anonymous.post("/api/v1/public/opinions", Api.json(Map.of("content", ""))), 400);
		problem(anonymous.post("/api/v1/public/opinions", Api.json(Map.of("content", "x", "villageId", 99_999_999))),
				400);
		// a department handler does not register opinions; a township admin not in
		// another township
		problem(f.department.post("/api/v1/opinions", Api.json(Map.of("source", "RECEPTION", "content", "x"))), 403);
		long otherTownshipStation = f.county.get("/api/v1/stations?limit=500")
			.json()
			.get("items")
			.valueStream()
			.filter(s -> s.get("townshipId").asLong() != f.townshipId)
			.findFirst()
			.orElseThrow()
			.get("id")
			.asLong();
		problem(f.township.post("/api/v1/opinions",
				Api.json(Map.of("source", "RECEPTION", "content", "x", "stationId", otherTownshipStation))), 403);
		assertThat(opinionCount()).isEqualTo(before);
	}

	@Test
	void badInputOnEveryActionChangesNothing() {
		long submitted = f.submitted("坏输入测试");
		String s0 = state(submitted);
		problem(f.township.post("/api/v1/opinions/" + submitted + "/triage", Api.json(Map.of("tier", "TOWNSHIP"))),
				400);
		problem(f.township.post("/api/v1/opinions/" + submitted + "/triage",
				Api.json(Map.of("categoryCode", "RURAL_INFRASTRUCTURE", "tier", "GALAXY"))), 400);
		problem(f.township.post("/api/v1/opinions/" + submitted + "/triage",
				Api.json(Map.of("categoryCode", "NOPE", "tier", "TOWNSHIP"))), 400);
		problem(f.township.post("/api/v1/opinions/" + submitted + "/triage", "not json"), 400);
		problem(f.township.post("/api/v1/opinions/" + submitted + "/merge", Api.json(Map.of("intoId", submitted))),
				400);
		problem(f.township.post("/api/v1/opinions/" + submitted + "/merge", Api.json(Map.of("intoId", 99_999_999))),
				400);
		problem(f.township.post("/api/v1/opinions/" + submitted + "/close",
				Api.json(Map.of("outcome", "NOT_ACCEPTED"))), 400);
		problem(f.township.post("/api/v1/opinions/" + submitted + "/close", Api.json(Map.of("outcome", "RESOLVED"))),
				400);
		problem(f.township.post("/api/v1/opinions/" + submitted + "/close",
				Api.json(Map.of("outcome", "NOT_RESOLVABLE", "note", "x"))), 400);
		problem(f.township.post("/api/v1/opinions/" + submitted + "/close", "{}"), 400);
		problem(f.township.post("/api/v1/opinions/" + submitted + "/triage",
				Api.json(Map.of("categoryCode", "RURAL_INFRASTRUCTURE", "tier", "TOWNSHIP", "note", "n".repeat(2001)))),
				400);
		problem(f.township.post("/api/v1/opinions/" + submitted + "/triage",
				Api.json(Map.of("categoryCode", "RURAL_INFRASTRUCTURE", "tier", "TOWNSHIP")), "If-Match", "abc"), 400);
		assertThat(state(submitted)).isEqualTo(s0);

		long triaged = f.triaged("交办坏输入");
		String s1 = state(triaged);
		problem(f.township.post("/api/v1/opinions/" + triaged + "/assign",
				Api.json(Map.of("departmentId", 99_999_999, "note", "x"))), 400);
		OpinionFixtures.Unit other = f.newCountyDepartment();
		// not the routed department and no reason
		problem(f.township.post("/api/v1/opinions/" + triaged + "/assign",
				Api.json(Map.of("departmentId", other.id()))), 400);
		assertThat(state(triaged)).isEqualTo(s1);

		long assigned = f.assigned("退回坏输入");
		String s2 = state(assigned);
		problem(f.department.post("/api/v1/opinions/" + assigned + "/return", Api.json(Map.of("reason", " "))), 400);
		problem(f.department.post("/api/v1/opinions/" + assigned + "/return", "{}"), 400);
		problem(f.county.post("/api/v1/opinions/" + assigned + "/escalate", "{}"), 400);
		assertThat(state(assigned)).isEqualTo(s2);

		long progressing = f.inProgress("答复坏输入");
		String s3 = state(progressing);
		problem(f.department.post("/api/v1/opinions/" + progressing + "/progress", "{}"), 400);
		problem(f.department.post("/api/v1/opinions/" + progressing + "/reply", Api.json(Map.of("content", "已办"))),
				400);
		problem(f.department.post("/api/v1/opinions/" + progressing + "/reply",
				Api.json(Map.of("content", "已办", "outcome", "NOT_ACCEPTED"))), 400);
		problem(f.department.post("/api/v1/opinions/" + progressing + "/reply",
				Api.json(Map.of("content", "长".repeat(4001), "outcome", "RESOLVED"))), 400);
		assertThat(state(progressing)).isEqualTo(s3);

		long replied = f.replied("评价坏输入");
		String s4 = state(replied);
		String code = f.code(replied);
		Api anonymous = Api.anonymous(port);
		problem(anonymous.post("/api/v1/public/opinions/" + code + "/feedback", "{}"), 400);
		problem(anonymous.post("/api/v1/public/opinions/" + code + "/feedback",
				Api.json(Map.of("satisfaction", "MEH"))), 400);
		problem(anonymous.post("/api/v1/public/opinions/" + code + "/feedback",
				Api.json(Map.of("satisfaction", "SATISFIED", "comment", "c".repeat(1001)))), 400);
		assertThat(state(replied)).isEqualTo(s4);
	}

	@Test
	void unknownIdsAndCodesAre404() {
		for (String action : List.of("triage", "assign", "return", "accept", "progress", "reply", "close", "merge",
				"escalate", "feedback")) {
			problem(f.county.post("/api/v1/opinions/99999999/" + action, "{}"), 404);
		}
		problem(f.county.get("/api/v1/opinions/99999999"), 404);
		problem(f.county.get("/api/v1/opinions/99999999/duplicates"), 404);
		problem(f.county.get("/api/v1/opinions/abc"), 400);
		Api anonymous = Api.anonymous(port);
		problem(anonymous.get("/api/v1/public/opinions/0000-0000-00000"), 404);
		problem(anonymous.get("/api/v1/public/opinions/nonsense"), 404);
		problem(anonymous.post("/api/v1/public/opinions/1234/feedback", Api.json(Map.of("satisfaction", "SATISFIED"))),
				404);
		problem(f.county.get("/api/v1/opinions?status=LOST"), 400);
		problem(f.county.get("/api/v1/opinions?limit=0"), 400);
		problem(f.county.get("/api/v1/opinions?cursor=%25%25%25"), 400);
	}

	@Test
	void transitionsNotAllowedInTheStatusAre409AndChangeNothing() {
		long submitted = f.submitted("状态测试");
		String s = state(submitted);
		problem(f.township.post("/api/v1/opinions/" + submitted + "/assign",
				Api.json(Map.of("departmentId", f.departmentId, "note", "x"))), 409);
		problem(f.county.post("/api/v1/opinions/" + submitted + "/escalate", Api.json(Map.of("note", "x"))), 409);
		problem(Api.anonymous(port)
			.post("/api/v1/public/opinions/" + f.code(submitted) + "/feedback",
					Api.json(Map.of("satisfaction", "SATISFIED"))),
				409);
		assertThat(state(submitted)).isEqualTo(s);

		long assigned = f.assigned("状态测试2");
		String a = state(assigned);
		problem(f.department.post("/api/v1/opinions/" + assigned + "/reply",
				Api.json(Map.of("content", "x", "outcome", "RESOLVED"))), 409);
		problem(f.department.post("/api/v1/opinions/" + assigned + "/progress", Api.json(Map.of("note", "x"))), 409);
		problem(f.township.post("/api/v1/opinions/" + assigned + "/triage",
				Api.json(Map.of("categoryCode", "OTHER", "tier", "COUNTY"))), 409);
		problem(f.township.post("/api/v1/opinions/" + assigned + "/merge", Api.json(Map.of("intoId", submitted))), 409);
		problem(f.township.post("/api/v1/opinions/" + assigned + "/close",
				Api.json(Map.of("outcome", "RESOLVED", "reply", "x"))), 409);
		assertThat(state(assigned)).isEqualTo(a);

		long progressing = f.inProgress("状态测试3");
		problem(f.department.post("/api/v1/opinions/" + progressing + "/accept", ""), 409);
		problem(f.department.post("/api/v1/opinions/" + progressing + "/return", Api.json(Map.of("reason", "x"))), 409);

		long closed = f.submitted("状态测试4");
		ok(f.township.post("/api/v1/opinions/" + closed + "/close",
				Api.json(Map.of("outcome", "NOT_ACCEPTED", "note", "x"))));
		String c = state(closed);
		problem(f.township.post("/api/v1/opinions/" + closed + "/triage",
				Api.json(Map.of("categoryCode", "OTHER", "tier", "COUNTY"))), 409);
		problem(f.township.post("/api/v1/opinions/" + closed + "/close",
				Api.json(Map.of("outcome", "NOT_ACCEPTED", "note", "x"))), 409);
		assertThat(state(closed)).isEqualTo(c);
	}

	@Test
	void theWrongRoleOrDepartmentIs403() {
		long assigned = f.assigned("角色测试");
		OpinionFixtures.Unit other = f.newCountyDepartment();
		problem(other.handler().post("/api/v1/opinions/" + assigned + "/accept", ""), 403);
		problem(other.handler().get("/api/v1/opinions/" + assigned), 403);
		problem(f.township.post("/api/v1/opinions/" + assigned + "/accept", ""), 403);
		problem(f.township.post("/api/v1/opinions/" + assigned + "/escalate", Api.json(Map.of("note", "x"))), 403);
		long submitted = f.submitted("角色测试2");
		problem(f.liaison.post("/api/v1/opinions/" + submitted + "/triage",
				Api.json(Map.of("categoryCode", "OTHER", "tier", "TOWNSHIP"))), 403);
		problem(f.department.get("/api/v1/opinions/" + submitted), 403);
	}

	@Test
	void aTownshipAdminSeesOnlyItsOwnTownship() {
		long mine = f.submitted("本乡镇的意见");
		Api other = Api.as(port, "township2");
		problem(other.get("/api/v1/opinions/" + mine), 403);
		problem(other.post("/api/v1/opinions/" + mine + "/triage",
				Api.json(Map.of("categoryCode", "OTHER", "tier", "TOWNSHIP"))), 403);
		problem(other.get("/api/v1/opinions/" + mine + "/duplicates"), 403);
		var list = other.get("/api/v1/opinions?limit=500&townshipId=" + f.townshipId);
		assertThat(list.json().get("items").valueStream().map(o -> o.get("id").asLong()).toList()).doesNotContain(mine);
		long otherTownship = other.get("/api/v1/me").json().get("townshipId").asLong();
		other.get("/api/v1/opinions?limit=500")
			.json()
			.get("items")
			.forEach(o -> assertThat(o.get("townshipId").asLong()).isEqualTo(otherTownship));
		// the department sees its assigned cases only
		long assigned = f.assigned("部门可见");
		List<Long> seen = f.department.get("/api/v1/opinions?limit=500")
			.json()
			.get("items")
			.valueStream()
			.map(o -> o.get("id").asLong())
			.toList();
		assertThat(seen).contains(assigned).doesNotContain(mine);
	}

	@Test
	void thePublicNeverSeesNamesPhonesOrInternalNotes() {
		long id = f.inProgress("公开页面测试");
		ok(f.department.post("/api/v1/opinions/" + id + "/progress", Api.json(Map.of("note", "内部备注XYZ"))));
		ok(f.county.post("/api/v1/opinions/" + id + "/escalate", Api.json(Map.of("note", "督办意见ABC"))));
		String code = f.code(id);
		Api anonymous = Api.anonymous(port);
		var json = anonymous.get("/api/v1/public/opinions/" + code);
		assertThat(json.status()).isEqualTo(200);
		var html = anonymous.get("/public/opinions/" + code);
		assertThat(html.status()).isEqualTo(200);
		for (String body : List.of(json.body(), html.body())) {
			assertThat(body).doesNotContain("王小明", "13812345678", "138****5678", "内部备注XYZ", "督办意见ABC", "由镇政府办理", "王*");
		}
		assertThat(json.json().get("timeline").get(0).size()).isEqualTo(2); // action and
																			// time only
		assertThat(html.body()).contains(code);
	}

	@Test
	void fullPhoneIsForStaffWhoNeedItAndIsAudited() {
		long id = f.submitted("电话测试");
		var shown = f.township.get("/api/v1/opinions/" + id + "/phone");
		assertThat(shown.status()).isEqualTo(200);
		assertThat(shown.json().get("phone").asString()).isEqualTo("13812345678");
		int audited = jdbc.sql("select count(*) from audit_event where action = 'opinion.phone.reveal' and target = :t")
			.param("t", "opinion:" + id)
			.query(Integer.class)
			.single();
		assertThat(audited).isEqualTo(1);
		problem(f.deputy.get("/api/v1/opinions/" + id + "/phone"), 403);
		// lists and records carry the masked number only
		assertThat(f.township.get("/api/v1/opinions/" + id).body()).doesNotContain("13812345678")
			.contains("138****5678");
		// the number is encrypted at rest
		String stored = jdbc.sql("select constituent_phone from opinion where id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		assertThat(stored).doesNotContain("13812345678");
	}

	@Test
	void theRoutingTableProposesTheDepartmentAndOnlyTheCountyKeepsIt() {
		OpinionFixtures.Unit bureau = f.newCountyDepartment();
		var rule = f.county.post("/api/v1/routing-rules",
				Api.json(Map.of("categoryCode", "SOCIAL_SECURITY", "tier", "COUNTY", "departmentId", bureau.id())));
		assertThat(rule.status()).as(rule.body()).isEqualTo(201);
		problem(f.county.post("/api/v1/routing-rules",
				Api.json(Map.of("categoryCode", "SOCIAL_SECURITY", "tier", "COUNTY", "departmentId", bureau.id()))),
				409);
		problem(f.township.post("/api/v1/routing-rules",
				Api.json(Map.of("categoryCode", "OTHER", "tier", "COUNTY", "departmentId", bureau.id()))), 403);
		problem(f.county.post("/api/v1/routing-rules", Api.json(Map.of("categoryCode", "OTHER", "tier", "TOWNSHIP",
				"departmentId", bureau.id(), "townshipId", f.townshipId))), 400);
		problem(f.county.post("/api/v1/routing-rules",
				Api.json(Map.of("categoryCode", "OTHER", "tier", "TOWNSHIP", "departmentId", f.departmentId))), 400);

		// changing a rule: a stale version is 409, an unknown rule 404, nothing changes
		problem(f.county.put("/api/v1/routing-rules/" + rule.id(),
				Api.json(Map.of("departmentId", bureau.id(), "version", 7))), 409);
		problem(f.county.put("/api/v1/routing-rules/" + rule.id(),
				Api.json(Map.of("departmentId", f.departmentId, "version", 0))), 400);
		problem(f.county.put("/api/v1/routing-rules/99999999",
				Api.json(Map.of("departmentId", bureau.id(), "version", 0))), 404);
		problem(f.county.put("/api/v1/routing-rules/" + rule.id(), Api.json(Map.of("departmentId", bureau.id()))), 400);
		problem(f.county.delete("/api/v1/routing-rules/99999999"), 404);
		assertThat(f.county.get("/api/v1/routing-rules/" + rule.id()).json().get("departmentId").asLong())
			.isEqualTo(bureau.id());

		long id = f.submitted("养老保险缴费年限怎么算");
		ok(f.township.post("/api/v1/opinions/" + id + "/triage",
				Api.json(Map.of("categoryCode", "SOCIAL_SECURITY", "tier", "COUNTY"))));
		assertThat(f.township.get("/api/v1/opinions/" + id + "/route").json().get("departmentId").asLong())
			.isEqualTo(bureau.id());
		// no department given: the routed one, no reason needed
		var assigned = ok(f.township.post("/api/v1/opinions/" + id + "/assign", "{}"));
		assertThat(assigned.json().get("departmentId").asLong()).isEqualTo(bureau.id());
		f.county.delete("/api/v1/routing-rules/" + rule.id());

		// without a rule, a department of that tier competent for the category is
		// proposed
		long local = f.submitted("邻里宅基地纠纷");
		ok(f.township.post("/api/v1/opinions/" + local + "/triage",
				Api.json(Map.of("categoryCode", "NEIGHBOUR_DISPUTE", "tier", "TOWNSHIP"))));
		long proposed = f.township.get("/api/v1/opinions/" + local + "/route").json().get("departmentId").asLong();
		var proposedDept = f.county.get("/api/v1/departments/" + proposed).json();
		assertThat(proposedDept.get("tier").asString()).isEqualTo("TOWNSHIP");
		assertThat(proposedDept.get("townshipId").asLong()).isEqualTo(f.townshipId);
	}

	@Test
	void deadlinesColourAndTheOverdueListAndEscalation() {
		long id = f.assigned("期限测试");
		JsonNode o = f.get(id);
		LocalDate due = LocalDate.parse(o.get("dueDate").asString());
		assertThat(due).isAfter(LocalDate.now().plusDays(14)); // 15 working days are at
																// least three weeks
		assertThat(o.get("deadline").asString()).isEqualTo("GREEN");
		assertThat(o.get("overdue").asBoolean()).isFalse();

		jdbc.sql("update opinion set due_date = :d where id = :id")
			.param("d", LocalDate.now().minusDays(3))
			.param("id", id)
			.update();
		JsonNode late = f.get(id);
		assertThat(late.get("overdue").asBoolean()).isTrue();
		assertThat(late.get("deadline").asString()).isEqualTo("RED");
		List<Long> overdue = f.county.get("/api/v1/opinions?overdue=true&limit=500")
			.json()
			.get("items")
			.valueStream()
			.map(x -> x.get("id").asLong())
			.toList();
		assertThat(overdue).contains(id);
		List<Long> red = f.county.get("/api/v1/opinions?deadline=RED&limit=500")
			.json()
			.get("items")
			.valueStream()
			.map(x -> x.get("id").asLong())
			.toList();
		assertThat(red).contains(id);
		List<Long> green = f.county.get("/api/v1/opinions?deadline=GREEN&limit=500")
			.json()
			.get("items")
			.valueStream()
			.map(x -> x.get("id").asLong())
			.toList();
		assertThat(green).doesNotContain(id);

		int before = jdbc.sql("select count(*) from outbox_message").query(Integer.class).single();
		var escalated = ok(f.county.post("/api/v1/opinions/" + id + "/escalate", Api.json(Map.of("note", "请三日内办结"))));
		assertThat(escalated.json().get("escalated").asBoolean()).isTrue();
		int after = jdbc.sql("select count(*) from outbox_message").query(Integer.class).single();
		assertThat(after).as("the department's handler and the township's admins are told")
			.isGreaterThanOrEqualTo(before + 2);
	}

	@Autowired
	OpinionEscalation escalation;

	@Test
	void dueDatesCountTheCountysWorkingDays() {
		// "today" as the server counts it
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		long first = f.assigned("工作日测试一");
		LocalDate due = LocalDate.parse(f.get(first).get("dueDate").asString());
		var expected = f.county.get("/api/v1/calendar/working-days?from=" + today + "&days=15");
		assertThat(due).isEqualTo(LocalDate.parse(expected.json().get("date").asString()));
		// a holiday declared inside the window pushes the next due date back by a working
		// day
		LocalDate holiday = today.plusDays(1);
		// the next working day after today (zero working days from a working day is that
		// day)
		while (!f.county.get("/api/v1/calendar/working-days?from=" + holiday + "&days=0")
			.json()
			.get("date")
			.asString()
			.equals(holiday.toString())) {
			holiday = holiday.plusDays(1);
		}
		String previous = f.county.get("/api/v1/calendar/" + holiday.getYear()).body();
		assertThat(previous).doesNotContain(holiday.toString());
		assertThat(f.county.put("/api/v1/calendar/days/" + holiday, Api.json(Map.of("kind", "HOLIDAY", "name", "测试假日")))
			.status()).isEqualTo(200);
		try {
			long second = f.assigned("工作日测试二");
			LocalDate later = LocalDate.parse(f.get(second).get("dueDate").asString());
			assertThat(later).isAfter(due);
			assertThat(later)
				.isEqualTo(LocalDate.parse(f.county.get("/api/v1/calendar/working-days?from=" + today + "&days=15")
					.json()
					.get("date")
					.asString()));
		}
		finally {
			f.county.delete("/api/v1/calendar/days/" + holiday);
		}
	}

	@Test
	void aCaseGoingOverdueIsNoticedOnceToTheDepartmentAndTownship() {
		long id = f.assigned("超期提醒测试");
		jdbc.sql("update opinion set due_date = :d where id = :id")
			.param("d", LocalDate.now().minusDays(1))
			.param("id", id)
			.update();
		assertThat(escalation.runOverdueNotices()).isGreaterThanOrEqualTo(1);
		assertThat(escalation.runOverdueNotices()).as("a second run tells nobody again").isZero();
		// one notice each for the department's handler and the township's admin
		for (String user : List.of("department", "township")) {
			long userId = jdbc.sql("select id from app_user where username = :u")
				.param("u", user)
				.query(Long.class)
				.single();
			assertThat(jdbc.sql("select count(*) from outbox_message where user_id = :u and subject = :s")
				.param("u", userId)
				.param("s", "超期提醒：群众意见 " + f.code(id))
				.query(Integer.class)
				.single()).as(user).isEqualTo(1);
		}
	}

	@Test
	void returnIsRefusedOnceTheReturnPeriodHasPassed() {
		long id = f.assigned("退回期限测试");
		jdbc.sql("update opinion set return_by = :d where id = :id")
			.param("d", LocalDate.now().minusDays(1))
			.param("id", id)
			.update();
		String s = state(id);
		problem(f.department.post("/api/v1/opinions/" + id + "/return", Api.json(Map.of("reason", "不归我们"))), 409);
		assertThat(state(id)).isEqualTo(s);
	}

	@Test
	void attachmentsAreCheckedAndServedSafely() throws Exception {
		long id = f.submitted("附件测试");
		byte[] png = Images.png();
		var up = f.liaison.post("/api/v1/opinions/" + id + "/attachments", new Multipart().file("file", "现场.png", png));
		assertThat(up.status()).as(up.body()).isEqualTo(201);
		JsonNode file = up.json().get(0);
		assertThat(file.get("contentType").asString()).isEqualTo("image/png");
		assertThat(file.get("sha256").asString())
			.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png)));

		var served = f.township
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + file.get("url").asString())).GET());
		assertThat(served.status()).isEqualTo(200);
		assertThat(served.contentType()).isEqualTo("image/png");

		// an executable named like a photo, an HTML page named .pdf
		problem(f.liaison.post("/api/v1/opinions/" + id + "/attachments",
				new Multipart().file("file", "photo.jpg", "MZ\u0090\0\u0003".getBytes(StandardCharsets.ISO_8859_1))),
				400);
		problem(f.liaison.post("/api/v1/opinions/" + id + "/attachments", new Multipart().file("file", "a.pdf",
				"<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))), 400);
		byte[] big = new byte[5 * 1024 * 1024 + 1];
		big[0] = '%';
		big[1] = 'P';
		big[2] = 'D';
		big[3] = 'F';
		big[4] = '-';
		problem(f.liaison.post("/api/v1/opinions/" + id + "/attachments", new Multipart().file("file", "big.pdf", big)),
				413);
		problem(f.liaison.post("/api/v1/opinions/" + id + "/attachments",
				new Multipart().file("file", "huge.pdf", new byte[11 * 1024 * 1024 + 512 * 1024])), 413);
		assertThat(f.get(id).get("attachments").size()).isEqualTo(1);
		// another township's admin cannot fetch it
		problem(Api.as(port, "township2").get(file.get("url").asString()), 403);
	}

	@Test
	void attachmentHeadersKeepBrowsersFromRunningThem() throws Exception {
		long id = f.submitted("附件头测试");
		byte[] pdf = "%PDF-1.4\n%test".getBytes(StandardCharsets.US_ASCII);
		var up = f.liaison.post("/api/v1/opinions/" + id + "/attachments", new Multipart().file("file", "说明.pdf", pdf));
		String url = up.json().get(0).get("url").asString();
		var http = HttpClient.newHttpClient();
		String token = f.county.token();
		var r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + url))
			.header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(r.statusCode()).isEqualTo(200);
		assertThat(r.body()).isEqualTo(pdf);
		assertThat(r.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
		assertThat(r.headers().firstValue("X-Content-Type-Options").orElseThrow()).isEqualTo("nosniff");
		assertThat(r.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment")
			.contains("filename*=UTF-8''");
		assertThat(r.headers().allValues("Content-Security-Policy")).anyMatch(v -> v.contains("sandbox"));
	}

	@Test
	void theExcelExportKeepsTheScopeAndMasksPersonalData() throws Exception {
		long id = f.submitted("导出测试");
		String code = f.code(id);
		var http = HttpClient.newHttpClient();
		Function<Api, HttpResponse<byte[]>> download = api -> {
			try {
				return http.send(HttpRequest
					.newBuilder(URI
						.create("http://localhost:" + port + "/api/v1/opinions/export.xlsx?status=SUBMITTED&q=" + code))
					.header("Authorization", "Bearer " + api.token())
					.build(), HttpResponse.BodyHandlers.ofByteArray());
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		};
		var mine = download.apply(f.township);
		assertThat(mine.statusCode()).isEqualTo(200);
		assertThat(mine.headers().firstValue("Content-Type").orElseThrow()).contains("spreadsheetml");
		try (var book = new XSSFWorkbook(new ByteArrayInputStream(mine.body()))) {
			var sheet = book.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(1);
			StringBuilder all = new StringBuilder();
			sheet.getRow(1).forEach(c -> all.append(c.toString()).append('|'));
			assertThat(all.toString()).contains(code, "138****5678", "王*", "导出测试").doesNotContain("13812345678", "王小明");
		}
		var theirs = download.apply(Api.as(port, "township2"));
		try (var book = new XSSFWorkbook(new ByteArrayInputStream(theirs.body()))) {
			assertThat(book.getSheetAt(0).getLastRowNum()).as("another township exports none of it").isZero();
		}
	}

}
