package cn.deputylink.opinion;

import static cn.deputylink.opinion.OpinionFixtures.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import cn.deputylink.support.Api;
import cn.deputylink.support.IntegrationTest;

/**
 * The whole life of an opinion through the API, concurrent handlers, and idempotent
 * intake.
 */
@IntegrationTest
class OpinionFlowIT extends OpinionTestSupport {

	private static List<String> actions(JsonNode opinion) {
		List<String> out = new ArrayList<>();
		opinion.get("timeline").forEach(t -> out.add(t.get("action").asString()));
		return out;
	}

	@Test
	void publicSubmitToSatisfiedCloseWithReturnAndReopen() {
		Api anonymous = Api.anonymous(port);
		OpinionFixtures.Unit other = f.newCountyDepartment();

		// the constituent submits online, with a phone for the SMS
		var submitted = anonymous.post("/api/v1/public/opinions",
				Api.json(Map.of("villageId", f.villageId, "content", "村口到小学的路面坑洼严重，下雨天孩子上学不安全", "constituent",
						Map.of("name", "李四", "phone", "13912345678", "anonymous", false))));
		assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
		String code = submitted.json().get("trackingCode").asString();
		assertThat(code).matches("\\d{4}-\\d{4}-\\d{5}");
		var list = f.township.get("/api/v1/opinions?status=SUBMITTED&q=" + code);
		assertThat(list.json().get("items").size()).isEqualTo(1);
		JsonNode row = list.json().get("items").get(0);
		long id = row.get("id").asLong();
		assertThat(row.get("source").asString()).isEqualTo("ONLINE");
		assertThat(row.get("townshipId").asLong()).as("township from the village").isEqualTo(f.townshipId);
		assertThat(row.get("constituent").get("phone").asString()).isEqualTo("139****5678");
		assertThat(row.get("constituent").get("name").asString()).isEqualTo("李*");

		// the township triages and assigns to the township government
		ok(f.township.post("/api/v1/opinions/" + id + "/triage",
				Api.json(Map.of("categoryCode", "RURAL_INFRASTRUCTURE", "tier", "TOWNSHIP", "note", "道路问题"))));
		var assigned = ok(f.township.post("/api/v1/opinions/" + id + "/assign",
				Api.json(Map.of("departmentId", f.departmentId, "note", "镇政府办理"))));
		assertThat(assigned.json().get("status").asString()).isEqualTo("ASSIGNED");
		assertThat(assigned.json().get("dueDate").isNull()).isFalse();

		// the department says it is not theirs
		var returned = ok(
				f.department.post("/api/v1/opinions/" + id + "/return", Api.json(Map.of("reason", "县道归交通局管理"))));
		assertThat(returned.json().get("status").asString()).isEqualTo("TRIAGED");
		assertThat(returned.json().get("departmentId").isNull()).isTrue();

		// a county road: triaged again at the county tier and reassigned to the county
		// bureau (the county admin does it; the township could as well)
		ok(f.county.post("/api/v1/opinions/" + id + "/triage",
				Api.json(Map.of("categoryCode", "RURAL_INFRASTRUCTURE", "tier", "COUNTY", "note", "县道"))));
		ok(f.county.post("/api/v1/opinions/" + id + "/assign",
				Api.json(Map.of("departmentId", other.id(), "note", "县道，交县局办理"))));
		ok(other.handler().post("/api/v1/opinions/" + id + "/accept", ""));
		ok(other.handler().post("/api/v1/opinions/" + id + "/progress", Api.json(Map.of("note", "已安排现场勘查"))));
		ok(other.handler()
			.post("/api/v1/opinions/" + id + "/reply",
					Api.json(Map.of("content", "已列入本月修补计划", "outcome", "EXPLAINED"))));

		// the constituent reads the reply and is unsatisfied: back to the same
		// department, once
		var track = anonymous.get("/api/v1/public/opinions/" + code);
		assertThat(track.json().get("status").asString()).isEqualTo("REPLIED");
		assertThat(track.json().get("reply").asString()).isEqualTo("已列入本月修补计划");
		var unsatisfied = ok(anonymous.post("/api/v1/public/opinions/" + code + "/feedback",
				Api.json(Map.of("satisfaction", "UNSATISFIED", "comment", "还没修"))));
		assertThat(unsatisfied.json().get("status").asString()).isEqualTo("ASSIGNED");
		JsonNode reopened = f.get(id);
		assertThat(reopened.get("departmentId").asLong()).isEqualTo(other.id());
		assertThat(reopened.get("reopened").asBoolean()).isTrue();

		// second round
		ok(other.handler().post("/api/v1/opinions/" + id + "/accept", ""));
		ok(other.handler()
			.post("/api/v1/opinions/" + id + "/reply", Api.json(Map.of("content", "路面已于本周修复", "outcome", "RESOLVED"))));
		var satisfied = ok(anonymous.post("/api/v1/public/opinions/" + code + "/feedback",
				Api.json(Map.of("satisfaction", "SATISFIED"))));
		assertThat(satisfied.json().get("status").asString()).isEqualTo("CLOSED");

		JsonNode done = f.get(id);
		assertThat(done.get("status").asString()).isEqualTo("CLOSED");
		assertThat(done.get("outcome").asString()).isEqualTo("RESOLVED");
		assertThat(done.get("satisfaction").asString()).isEqualTo("SATISFIED");
		assertThat(actions(done)).containsExactly("SUBMIT", "TRIAGE", "ASSIGN", "RETURN", "TRIAGE", "ASSIGN", "ACCEPT",
				"PROGRESS", "REPLY", "REOPEN", "ACCEPT", "REPLY", "FEEDBACK");
		// every step names who did it and when
		done.get("timeline").forEach(t -> {
			assertThat(t.get("actor").asString()).isNotBlank();
			assertThat(t.get("at").asString()).isNotBlank();
		});
		assertThat(done.get("timeline").get(3).get("note").asString()).isEqualTo("县道归交通局管理");
		assertThat(done.get("allowedActions").size()).isZero();
		// the constituent cannot reopen a closed case
		assertThat(anonymous
			.post("/api/v1/public/opinions/" + code + "/feedback", Api.json(Map.of("satisfaction", "UNSATISFIED")))
			.status()).isEqualTo(409);
	}

	@Test
	void secondUnsatisfiedRatingClosesTheCase() {
		long id = f.replied("垃圾清运不及时");
		String code = f.code(id);
		Api anonymous = Api.anonymous(port);
		ok(anonymous.post("/api/v1/public/opinions/" + code + "/feedback",
				Api.json(Map.of("satisfaction", "UNSATISFIED"))));
		ok(f.department.post("/api/v1/opinions/" + id + "/accept", ""));
		ok(f.department.post("/api/v1/opinions/" + id + "/reply",
				Api.json(Map.of("content", "已增加清运频次", "outcome", "RESOLVED"))));
		var again = ok(anonymous.post("/api/v1/public/opinions/" + code + "/feedback",
				Api.json(Map.of("satisfaction", "UNSATISFIED"))));
		assertThat(again.json().get("status").asString()).isEqualTo("CLOSED");
		assertThat(f.get(id).get("satisfaction").asString()).isEqualTo("UNSATISFIED");
	}

	@Test
	void townshipStaffRecordAFollowUpCallsRating() {
		long id = f.replied("回访测试");
		// the department that replied does not rate its own reply; another township
		// cannot reach it
		assertThat(
				f.department.post("/api/v1/opinions/" + id + "/feedback", Api.json(Map.of("satisfaction", "SATISFIED")))
					.status())
			.isEqualTo(403);
		assertThat(Api.as(port, "township2")
			.post("/api/v1/opinions/" + id + "/feedback", Api.json(Map.of("satisfaction", "SATISFIED")))
			.status()).isEqualTo(403);
		// nor does the station's liaison officer: follow-up calls are the township's
		assertThat(f.liaison.post("/api/v1/opinions/" + id + "/feedback", Api.json(Map.of("satisfaction", "SATISFIED")))
			.status()).isEqualTo(403);
		var reopened = ok(f.township.post("/api/v1/opinions/" + id + "/feedback",
				Api.json(Map.of("satisfaction", "UNSATISFIED", "comment", "电话回访：路灯仍不亮"))));
		assertThat(reopened.json().get("status").asString()).isEqualTo("ASSIGNED");
		JsonNode reopen = reopened.json().get("timeline").get(reopened.json().get("timeline").size() - 1);
		assertThat(reopen.get("action").asString()).isEqualTo("REOPEN");
		assertThat(reopen.get("satisfaction").asString()).isEqualTo("UNSATISFIED");
		assertThat(reopen.get("note").asString()).isEqualTo("电话回访：路灯仍不亮");
		assertThat(reopen.get("actor").asString()).isNotEqualTo("constituent");
		assertThat(
				f.township.post("/api/v1/opinions/" + id + "/feedback", Api.json(Map.of("satisfaction", "SATISFIED")))
					.status())
			.as("not replied any more")
			.isEqualTo(409);
	}

	@Test
	void answeredOnTheSpotAndNotAcceptedCloseAtOnce() {
		long spot = f.submitted("咨询新农合报销比例");
		var closed = ok(f.liaison.post("/api/v1/opinions/" + spot + "/close",
				Api.json(Map.of("outcome", "EXPLAINED", "reply", "代表现场解释了报销政策"))));
		assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
		assertThat(closed.json().get("reply").asString()).isEqualTo("代表现场解释了报销政策");

		long refused = f.submitted("要求改判已生效的民事判决");
		// a liaison officer may not refuse a case
		assertThat(f.liaison
			.post("/api/v1/opinions/" + refused + "/close",
					Api.json(Map.of("outcome", "NOT_ACCEPTED", "note", "已进入司法程序")))
			.status()).isEqualTo(403);
		var notAccepted = ok(f.township.post("/api/v1/opinions/" + refused + "/close",
				Api.json(Map.of("outcome", "NOT_ACCEPTED", "note", "该事项已进入司法程序，请通过法院渠道反映"))));
		assertThat(notAccepted.json().get("outcome").asString()).isEqualTo("NOT_ACCEPTED");
		var track = Api.anonymous(port).get("/api/v1/public/opinions/" + f.code(refused));
		assertThat(track.json().get("reply").asString()).isEqualTo("该事项已进入司法程序，请通过法院渠道反映");
	}

	@Test
	void mergeMakesADuplicate() {
		long first = f.submitted("自来水水压不足，三楼以上没水");
		long second = f.submitted("自来水水压太低，三楼以上经常没水");
		var dups = f.township.get("/api/v1/opinions/" + second + "/duplicates");
		assertThat(dups.status()).isEqualTo(200);
		assertThat(dups.json().valueStream().map(d -> d.get("opinion").get("id").asLong()).toList()).contains(first);
		var merged = ok(f.township.post("/api/v1/opinions/" + second + "/merge", Api.json(Map.of("intoId", first))));
		assertThat(merged.json().get("status").asString()).isEqualTo("MERGED");
		assertThat(merged.json().get("mergedIntoId").asLong()).isEqualTo(first);
		var track = Api.anonymous(port).get("/api/v1/public/opinions/" + f.code(second));
		assertThat(track.json().get("mergedInto").asString()).isEqualTo(f.code(first));
	}

	@Test
	void twoHandlersRacingOnOneOpinionOneWinsNothingLost() throws Exception {
		OpinionFixtures.Unit unit = f.newCountyDepartment();
		String username = OpinionFixtures.unique("h");
		f.county.post("/api/v1/users", Api.json(Map.of("username", username, "password", "Start#2026xy", "displayName",
				"第二承办人", "role", "DEPARTMENT_HANDLER", "departmentId", unit.id(), "mustChangePassword", false)));
		Api second = Api.as(port, username, "Start#2026xy");
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < 5; round++) {
				long id = f.triaged("竞争测试" + round, "COUNTY");
				ok(f.township.post("/api/v1/opinions/" + id + "/assign",
						Api.json(Map.of("departmentId", unit.id(), "note", "测试"))));
				CyclicBarrier start = new CyclicBarrier(2);
				// one accepts while the other returns: exactly one of the two transitions
				// may happen
				Callable<Integer> accept = () -> {
					start.await();
					return unit.handler().post("/api/v1/opinions/" + id + "/accept", "").status();
				};
				Callable<Integer> giveBack = () -> {
					start.await();
					return second.post("/api/v1/opinions/" + id + "/return", Api.json(Map.of("reason", "不归我们")))
						.status();
				};
				Future<Integer> a = pool.submit(accept);
				Future<Integer> b = pool.submit(giveBack);
				List<Integer> statuses = List.of(a.get(), b.get());
				assertThat(statuses).containsExactlyInAnyOrder(200, 409);
				JsonNode after = f.get(id);
				List<String> timeline = actions(after);
				assertThat(timeline.stream().filter(s -> s.equals("ACCEPT") || s.equals("RETURN")).count())
					.isEqualTo(1);
				assertThat(after.get("status").asString()).isEqualTo(a.get() == 200 ? "IN_PROGRESS" : "TRIAGED");
				assertThat(after.get("version").asInt()).isEqualTo(3);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void staleIfMatchIsRefusedWith412() {
		long id = f.submitted("路灯不亮");
		int version = f.get(id).get("version").asInt();
		var stale = f.township.post("/api/v1/opinions/" + id + "/triage",
				Api.json(Map.of("categoryCode", "RURAL_INFRASTRUCTURE", "tier", "TOWNSHIP")), "If-Match",
				"\"" + (version + 5) + "\"");
		assertThat(stale.status()).isEqualTo(412);
		assertThat(stale.contentType()).startsWith("application/problem+json");
		assertThat(f.get(id).get("status").asString()).isEqualTo("SUBMITTED");
		ok(f.township.post("/api/v1/opinions/" + id + "/triage",
				Api.json(Map.of("categoryCode", "RURAL_INFRASTRUCTURE", "tier", "TOWNSHIP")), "If-Match",
				"\"" + version + "\""));
	}

	private int countByContent(String content) {
		return jdbc.sql("select count(*) from opinion where content = :c")
			.param("c", content)
			.query(Integer.class)
			.single();
	}

	@Test
	void anIdempotentRetryCreatesOneOpinion() throws Exception {
		String content = OpinionFixtures.unique("重复提交测试");
		String body = Api.json(Map.of("source", "PHONE", "content", content, "stationId", f.stationId));
		String key = UUID.randomUUID().toString();
		var first = f.liaison.post("/api/v1/opinions", body, "Idempotency-Key", key);
		var retry = f.liaison.post("/api/v1/opinions", body, "Idempotency-Key", key);
		assertThat(first.status()).isEqualTo(201);
		assertThat(retry.status()).isEqualTo(201);
		assertThat(retry.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
		assertThat(retry.json().get("trackingCode").asString()).isEqualTo(first.json().get("trackingCode").asString());
		assertThat(countByContent(content)).isEqualTo(1);
		// the same key for a different request is a conflict, and creates nothing
		var other = f.liaison.post("/api/v1/opinions",
				Api.json(Map.of("source", "PHONE", "content", content + "！", "stationId", f.stationId)),
				"Idempotency-Key", key);
		assertThat(other.status()).isEqualTo(409);
		assertThat(countByContent(content + "！")).isZero();

		// ten concurrent retries of a public submission: one opinion
		String publicContent = OpinionFixtures.unique("并发重试");
		String publicBody = Api.json(Map.of("content", publicContent, "villageId", f.villageId));
		String publicKey = UUID.randomUUID().toString();
		ExecutorService pool = Executors.newFixedThreadPool(10);
		try {
			CyclicBarrier start = new CyclicBarrier(10);
			List<Future<Api.Response>> all = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				all.add(pool.submit(() -> {
					start.await();
					return Api.anonymous(port)
						.post("/api/v1/public/opinions", publicBody, "Idempotency-Key", publicKey);
				}));
			}
			List<String> codes = new ArrayList<>();
			for (Future<Api.Response> r : all) {
				assertThat(r.get().status()).as(r.get().body()).isEqualTo(201);
				codes.add(r.get().json().get("trackingCode").asString());
			}
			assertThat(codes).containsOnly(codes.get(0));
			assertThat(countByContent(publicContent)).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

}
