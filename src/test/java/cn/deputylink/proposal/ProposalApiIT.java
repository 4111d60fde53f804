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

}
