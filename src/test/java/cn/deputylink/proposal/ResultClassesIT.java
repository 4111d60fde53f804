package cn.deputylink.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.deputylink.support.Api;
import cn.deputylink.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * The county's result classes: A / B / C out of the box; a county using 甲/乙/丙 sets them,
 * replies use only active classes, a class used by a reply cannot go (only be
 * deactivated), and the list is checked (blank, duplicate, none active: 400; not the
 * county admin: 403). Restores the defaults afterwards.
 */
@IntegrationTest
class ResultClassesIT {

	@LocalServerPort
	int port;

	Api county;

	Api deputy;

	long ownDeputy;

	@BeforeEach
	void setUp() {
		county = Api.as(port, "county");
		deputy = Api.as(port, "deputy");
		ownDeputy = deputy.get("/api/v1/me").json().get("deputyId").asLong();
	}

	private static Map<String, Object> rc(String code, String label, boolean favourable, boolean active) {
		return Map.of("code", code, "label", label, "explanation", label + "类", "favourable", favourable, "active",
				active);
	}

	private List<Map<String, Object>> defaults(boolean chinese) {
		return List.of(rc("A", "A", true, !chinese), rc("B", "B", true, !chinese), rc("C", "C", false, !chinese),
				rc("甲", "甲类", true, chinese), rc("乙", "乙类", true, chinese), rc("丙", "丙类", false, chinese));
	}

	@AfterEach
	void restore() {
		Api.Response r = county.put("/api/v1/proposal-result-classes", Api.json(defaults(false)));
		assertThat(r.status()).as(r.body()).isEqualTo(200);
	}

	@Test
	void aCountyWithJiaYiBing() {
		JsonNode seeded = county.get("/api/v1/proposal-result-classes").json();
		assertThat(seeded.valueStream().map(c -> c.get("code").asString()).toList()).contains("A", "B", "C");
		assertThat(seeded.get(0).get("explanation").asString()).isNotBlank();
		Api.Response set = county.put("/api/v1/proposal-result-classes", Api.json(defaults(true)));
		assertThat(set.status()).as(set.body()).isEqualTo(200);
		ProposalFixtures.Assigned p = ProposalFixtures.assigned(port, county, deputy, ownDeputy, "甲乙丙");
		Api.Response withA = p.handler()
			.post("/api/v1/proposals/" + p.id() + "/reply", Api.json(Map.of("content", "答复", "resultClass", "A")));
		assertThat(withA.status()).as(withA.body()).isEqualTo(400);
		assertThat(withA.body()).contains("resultClass");
		Api.Response withYi = p.handler()
			.post("/api/v1/proposals/" + p.id() + "/reply", Api.json(Map.of("content", "列入计划", "resultClass", "乙")));
		assertThat(withYi.status()).as(withYi.body()).isEqualTo(200);
		assertThat(withYi.json().get("resultClass").asString()).isEqualTo("乙");
		// 乙 is used: it cannot go, only become inactive
		List<Map<String, Object>> without = defaults(true).stream().filter(c -> !c.get("code").equals("乙")).toList();
		Api.Response removed = county.put("/api/v1/proposal-result-classes", Api.json(without));
		assertThat(removed.status()).as(removed.body()).isEqualTo(409);
		assertThat(county.get("/api/v1/proposal-result-classes").body()).contains("乙");
		List<Map<String, Object>> inactive = defaults(true).stream()
			.map(c -> c.get("code").equals("乙") ? rc("乙", "乙类", true, false) : c)
			.toList();
		assertThat(county.put("/api/v1/proposal-result-classes", Api.json(inactive)).status()).isEqualTo(200);
		assertThat(county.get("/api/v1/proposal-result-classes")
			.json()
			.valueStream()
			.filter(c -> c.get("code").asString().equals("乙"))
			.findFirst()
			.orElseThrow()
			.get("active")
			.asBoolean()).isFalse();
	}

	@Test
	void theListIsChecked() {
		String blank = Api.json(List.of(rc(" ", "空", true, true)));
		assertThat(county.put("/api/v1/proposal-result-classes", blank).status()).isEqualTo(400);
		String duplicate = Api.json(List.of(rc("A", "A", true, true), rc("A", "A2", true, true)));
		assertThat(county.put("/api/v1/proposal-result-classes", duplicate).status()).isEqualTo(400);
		String noneActive = Api
			.json(List.of(rc("A", "A", true, false), rc("B", "B", true, false), rc("C", "C", false, false),
					rc("甲", "甲类", true, false), rc("乙", "乙类", true, false), rc("丙", "丙类", false, false)));
		assertThat(county.put("/api/v1/proposal-result-classes", noneActive).status()).isEqualTo(400);
		String tooLong = Api.json(List.of(rc("ABCDEFGHI", "长", true, true)));
		assertThat(county.put("/api/v1/proposal-result-classes", tooLong).status()).isEqualTo(400);
		assertThat(Api.as(port, "township").put("/api/v1/proposal-result-classes", Api.json(defaults(false))).status())
			.isEqualTo(403);
		// nothing of it was written
		assertThat(county.get("/api/v1/proposal-result-classes").json().size()).isGreaterThanOrEqualTo(3);
		assertThat(county.get("/api/v1/proposal-result-classes").body()).doesNotContain("A2");
	}

}
