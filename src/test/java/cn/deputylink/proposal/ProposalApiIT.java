package cn.deputylink.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.deputylink.support.Api;
import cn.deputylink.support.IntegrationTest;
import cn.deputylink.support.Multipart;

import tools.jackson.databind.JsonNode;

/**
 * The whole path of a proposal through the API: a deputy's draft with a co-signer, the
 * county's registration and assignment, the units' input and reply (with the letter), the
 * deputy's evaluation, closing; a county admin's entry on a deputy's behalf; and the
 * refusals (400, 403, 404, 409, 412, 413), none of which changes anything.
 */
@IntegrationTest
class ProposalApiIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api county;

	Api deputy;

	long station;

	long ownDeputy;

	@BeforeEach
	void setUp() {
		county = Api.as(port, "county");
		deputy = Api.as(port, "deputy");
		station = Api.as(port, "liaison").get("/api/v1/me").json().get("stationId").asLong();
		ownDeputy = deputy.get("/api/v1/me").json().get("deputyId").asLong();
	}

	private static JsonNode ok(Api.Response r, int status) {
		assertThat(r.status()).as(r.body()).isEqualTo(status);
		return r.json();
	}

	private static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes();

	@Test
	void theWholePathWithACoSignerAndTheLetter() {
		ProposalFixtures.Deputy co = ProposalFixtures.deputy(county, station);
		Api coApi = co.api(port);
		JsonNode d = ok(deputy.post("/api/v1/proposals",
				ProposalFixtures.draft("修建村道", ownDeputy, List.of(co.id()), List.of(), "RECESS")), 201);
		long id = d.get("id").asLong();
		assertThat(d.get("status").asString()).isEqualTo("DRAFT");
		assertThat(d.get("onBehalf").asBoolean()).isFalse();
		assertThat(d.get("coSigners").get(0).get("state").asString()).isEqualTo("PENDING");
		// the co-signer sees the draft it is asked to sign
		ok(coApi.get("/api/v1/proposals/" + id), 200);
		// submission waits for the co-signer
		ok(deputy.post("/api/v1/proposals/" + id + "/submit", "{}"), 409);
		// only the co-signer answers for itself
		ok(deputy.post("/api/v1/proposals/" + id + "/co-sign", "{\"confirm\":true}"), 403);
		JsonNode signed = ok(coApi.post("/api/v1/proposals/" + id + "/co-sign", "{\"confirm\":true}"), 200);
		assertThat(signed.get("coSigners").get(0).get("state").asString()).isEqualTo("CONFIRMED");
		int v = signed.get("version").asInt();
		// stale version: 409 in the body, 412 as If-Match
		ok(deputy.post("/api/v1/proposals/" + id + "/submit", "{\"version\":" + (v + 7) + "}"), 409);
		ok(deputy.post("/api/v1/proposals/" + id + "/submit", "{}", "If-Match", "\"" + (v + 7) + "\""), 412);
		JsonNode submitted = ok(deputy.post("/api/v1/proposals/" + id + "/submit", "{\"version\":" + v + "}"), 200);
		assertThat(submitted.get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(submitted.get("assignBy").isNull()).isFalse();
		// the deputy cannot register
		ok(deputy.post("/api/v1/proposals/" + id + "/register", "{}"), 403);
		JsonNode registered = ok(county.post("/api/v1/proposals/" + id + "/register", "{}"), 200);
		assertThat(registered.get("number").asString()).matches("\\d{4}-\\d{3}");
		long lead = ProposalFixtures.department(county);
		long coUnit = ProposalFixtures.department(county);
		Api leadApi = ProposalFixtures.handler(port, county, lead);
		Api coUnitApi = ProposalFixtures.handler(port, county, coUnit);
		// before the assignment the units do not see it
		ok(leadApi.get("/api/v1/proposals/" + id), 403);
		ok(county.post("/api/v1/proposals/" + id + "/assign",
				Api.json(Map.of("leadDepartmentId", lead, "coDepartmentIds", List.of(lead)))), 400);
		JsonNode assigned = ok(county.post("/api/v1/proposals/" + id + "/assign",
				Api.json(Map.of("leadDepartmentId", lead, "coDepartmentIds", List.of(coUnit)))), 200);
		assertThat(assigned.get("status").asString()).isEqualTo("ASSIGNED");
		assertThat(assigned.get("replyDue").isNull()).isFalse();
		assertThat(assigned.get("units").size()).isEqualTo(2);
		JsonNode input = ok(
				coUnitApi.post("/api/v1/proposals/" + id + "/co-unit-input", Api.json(Map.of("input", "协办意见：同意"))),
				200);
		assertThat(input.get("units").get(1).get("input").asString()).isEqualTo("协办意见：同意");
		// the co-unit does not reply; the lead unit does not send input
		ok(coUnitApi.post("/api/v1/proposals/" + id + "/reply", Api.json(Map.of("content", "答复", "resultClass", "A"))),
				403);
		// a refused letter leaves nothing written
		int before = ok(county.get("/api/v1/proposals/" + id), 200).get("timeline").size();
		ok(leadApi.post("/api/v1/proposals/" + id + "/reply",
				new Multipart().field("content", "答复内容")
					.field("resultClass", "A")
					.file("letter", "letter.pdf", "not a pdf at all".getBytes())),
				400);
		JsonNode still = ok(county.get("/api/v1/proposals/" + id), 200);
		assertThat(still.get("status").asString()).isEqualTo("ASSIGNED");
		assertThat(still.get("timeline").size()).isEqualTo(before);
		assertThat(still.get("attachments").size()).isZero();
		JsonNode replied = ok(leadApi.post("/api/v1/proposals/" + id + "/reply",
				new Multipart().field("content", "已列入明年计划").field("resultClass", "B").file("letter", "答复函.pdf", PDF)),
				200);
		assertThat(replied.get("status").asString()).isEqualTo("REPLIED");
		assertThat(replied.get("resultClass").asString()).isEqualTo("B");
		assertThat(replied.get("attachments").size()).isEqualTo(1);
		String href = replied.get("attachments").get(0).get("href").asString();
		Api.Response file = deputy.get(href);
		assertThat(file.status()).isEqualTo(200);
		assertThat(file.body()).startsWith("%PDF");
		JsonNode evaluated = ok(
				deputy.post("/api/v1/proposals/" + id + "/evaluate", Api.json(Map.of("satisfaction", "SATISFIED"))),
				200);
		assertThat(evaluated.get("status").asString()).isEqualTo("EVALUATED");
		JsonNode closed = ok(county.post("/api/v1/proposals/" + id + "/close", "{}"), 200);
		assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
		assertThat(closed.get("timeline").valueStream().map(l -> l.get("action").asString()).toList())
			.containsSubsequence("DRAFTED", "CO_SIGNED", "SUBMITTED", "REGISTERED", "ASSIGNED", "CO_UNIT_INPUT",
					"REPLIED", "ATTACHED", "EVALUATED", "CLOSED");
		// and it is public now
		JsonNode pub = ok(Api.anonymous(port).get("/api/v1/public/proposals/" + id), 200);
		assertThat(pub.get("resultClass").asString()).isEqualTo("B");
		assertThat(pub.get("deputyNames").size()).isEqualTo(2);
	}

	@Test
	void aCountyAdminEntersOnADeputysBehalf() {
		JsonNode d = ok(county.post("/api/v1/proposals",
				ProposalFixtures.draft("代录入建议", ownDeputy, List.of(), List.of(), "SESSION")), 201);
		assertThat(d.get("onBehalf").asBoolean()).isTrue();
		assertThat(d.get("leadDeputyId").asLong()).isEqualTo(ownDeputy);
		assertThat(d.get("timeline").get(0).get("note").asString()).contains("代");
		// the deputy sees it and may edit it; the admin who entered it too
		ok(deputy.get("/api/v1/proposals/" + d.get("id").asLong()), 200);
		JsonNode submitted = ok(county.post("/api/v1/proposals/" + d.get("id").asLong() + "/submit", "{}"), 200);
		assertThat(submitted.get("assignBy").isNull()).isTrue();
	}

	@Test
	void refusalsChangeNothing() {
		// 404
		ok(county.get("/api/v1/proposals/99999999"), 404);
		ok(county.post("/api/v1/proposals/99999999/register", "{}"), 404);
		// 400: missing fields with their names, unknown enum, wrong types, malformed JSON
		Api.Response missing = deputy.post("/api/v1/proposals", "{\"content\":\"只有内容\"}");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.contentType()).startsWith("application/problem+json");
		assertThat(missing.body()).contains("title").contains("period");
		ok(deputy.post("/api/v1/proposals", "{\"title\":\"t\",\"content\":\"c\",\"period\":\"WINTER\"}"), 400);
		ok(deputy.post("/api/v1/proposals",
				"{\"title\":\"t\",\"content\":\"c\",\"period\":\"SESSION\"," + "\"coSignerIds\":\"x\"}"), 400);
		ok(deputy.post("/api/v1/proposals", "{\"title\":"), 400);
		ok(deputy.post("/api/v1/proposals",
				Api.json(Map.of("title", "x".repeat(201), "content", "c", "period", "SESSION"))), 400);
		// a deputy drafts only for itself
		long other = ProposalFixtures.deputy(county, station).id();
		ok(deputy.post("/api/v1/proposals", ProposalFixtures.draft("别人的", other, List.of(), List.of(), "SESSION")),
				403);
		ok(Api.as(port, "liaison").get("/api/v1/proposals"), 403);
		// 413: a body over the limit, a letter over its size
		ok(deputy.post("/api/v1/proposals",
				Api.json(Map.of("title", "t", "content", "长".repeat(600_000), "period", "SESSION"))), 413);
		ProposalFixtures.Assigned p = ProposalFixtures.assigned(port, county, deputy, ownDeputy, "拒绝不留痕");
		JsonNode before = ok(county.get("/api/v1/proposals/" + p.id()), 200);
		byte[] big = new byte[6 * 1024 * 1024];
		System.arraycopy(PDF, 0, big, 0, PDF.length);
		ok(p.handler()
			.post("/api/v1/proposals/" + p.id() + "/reply",
					new Multipart().field("content", "答复").field("resultClass", "A").file("letter", "big.pdf", big)),
				413);
		// 400 of a bad class, 409 of a stale version, 412 of a stale If-Match
		ok(p.handler()
			.post("/api/v1/proposals/" + p.id() + "/reply", Api.json(Map.of("content", "答复", "resultClass", "Z"))),
				400);
		ok(p.handler()
			.post("/api/v1/proposals/" + p.id() + "/reply",
					Api.json(Map.of("content", "答复", "resultClass", "A", "version", 9999))),
				409);
		ok(p.handler()
			.post("/api/v1/proposals/" + p.id() + "/reply", Api.json(Map.of("content", "答复", "resultClass", "A")),
					"If-Match", "\"9999\""),
				412);
		ok(county.post("/api/v1/proposals/" + p.id() + "/register", "{}"), 409);
		JsonNode after = ok(county.get("/api/v1/proposals/" + p.id()), 200);
		assertThat(after.get("status").asString()).isEqualTo("ASSIGNED");
		assertThat(after.get("version").asInt()).isEqualTo(before.get("version").asInt());
		assertThat(after.get("timeline").size()).isEqualTo(before.get("timeline").size());
		assertThat(after.get("attachments").size()).isZero();
	}

	@Test
	void moreTimeAndASecondHandling() {
		ProposalFixtures.Assigned p = ProposalFixtures.assigned(port, county, deputy, ownDeputy, "延期与重办");
		String path = "/api/v1/proposals/" + p.id();
		JsonNode assigned = ok(county.get(path), 200);
		assertThat(assigned.get("allowedSteps").valueStream().map(JsonNode::asString).toList()).contains("SUPERVISE")
			.doesNotContain("CLOSE", "REGISTER");
		JsonNode asked = ok(p.handler().post(path + "/extension", Api.json(Map.of("reason", "需要实地调研"))), 200);
		assertThat(asked.get("extensionRequested").asBoolean()).isTrue();
		ok(p.handler().post(path + "/extension", Api.json(Map.of("reason", "再延"))), 409);
		ok(p.handler().post(path + "/extension/decision", "{\"approve\":true}"), 403);
		JsonNode approved = ok(county.post(path + "/extension/decision", "{\"approve\":true}"), 200);
		assertThat(approved.get("extended").asBoolean()).isTrue();
		assertThat(approved.get("replyDue").asString()).isGreaterThan(assigned.get("replyDue").asString());
		JsonNode supervised = ok(
				county.post(path + "/supervise", Api.json(Map.of("keySupervised", true, "note", "列为重点督办"))), 200);
		assertThat(supervised.get("keySupervised").asBoolean()).isTrue();
		assertThat(county.get("/api/v1/proposals?keySupervised=true&limit=500").body()).contains("\"id\":" + p.id());
		ok(p.handler().post(path + "/reply", Api.json(Map.of("content", "第一次答复", "resultClass", "C"))), 200);
		JsonNode sentBack = ok(
				deputy.post(path + "/evaluate", Api.json(Map.of("satisfaction", "UNSATISFIED", "comment", "没有解决"))),
				200);
		assertThat(sentBack.get("status").asString()).isEqualTo("ASSIGNED");
		assertThat(sentBack.get("round").asInt()).isEqualTo(2);
		ok(p.handler().post(path + "/reply", Api.json(Map.of("content", "第二次答复", "resultClass", "B"))), 200);
		JsonNode done = ok(deputy.post(path + "/evaluate", Api.json(Map.of("satisfaction", "UNSATISFIED"))), 200);
		assertThat(done.get("status").asString()).isEqualTo("EVALUATED");
		assertThat(done.get("timeline").valueStream().map(l -> l.get("action").asString()).toList())
			.contains("EXTENSION_REQUESTED", "EXTENSION_APPROVED", "SUPERVISED", "SENT_BACK", "REPLIED", "EVALUATED");
		// every step is audited
		assertThat(jdbc.sql("select count(*) from audit_event where target = ? and action like 'proposal.%'")
			.param("proposal:" + p.id())
			.query(Integer.class)
			.single()).isGreaterThanOrEqualTo(9);
		// the handler's notices: assignment, extension decision, send-back
		assertThat(jdbc.sql("select count(*) from outbox_message where link = ?")
			.param("/proposals/" + p.id())
			.query(Integer.class)
			.single()).isGreaterThanOrEqualTo(4);
	}

}
