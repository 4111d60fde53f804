package cn.deputylink.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.deputylink.support.Api;
import cn.deputylink.support.IntegrationTest;

/**
 * The registry API end to end: create, read, update with versions, deactivate, bad input.
 */
@IntegrationTest
class RegistryApiIT {

	@LocalServerPort
	int port;

	private static String unique(String prefix) {
		return prefix + ThreadLocalRandom.current().nextInt(1_000_000);
	}

	@Test
	void stationLifecycleThroughTheApi() {
		Api county = Api.as(port, "county");
		var t = county.post("/api/v1/townships", Api.json(Map.of("name", unique("测试镇"), "code", unique("X"))));
		assertThat(t.status()).isEqualTo(201);
		long townshipId = t.id();
		long v1 = county.post("/api/v1/villages", Api.json(Map.of("townshipId", townshipId, "name", "一村"))).id();
		long v2 = county.post("/api/v1/villages", Api.json(Map.of("townshipId", townshipId, "name", "二村"))).id();

		var created = county.post("/api/v1/stations", Api.json(Map.of("townshipId", townshipId, "name", "中心工作室",
				"address", "镇政府一楼", "villageIds", List.of(v1, v2), "facilities", List.of("OPINION_BOX", "COMPUTER"))));
		assertThat(created.status()).isEqualTo(201);
		long stationId = created.id();
		assertThat(created.json().get("villageIds").size()).isEqualTo(2);
		assertThat(created.json().get("version").asInt()).isZero();

		var read = county.get("/api/v1/stations/" + stationId);
		assertThat(read.json().get("address").asString()).isEqualTo("镇政府一楼");

		String change = Api.json(Map.of("townshipId", townshipId, "name", "中心工作室", "address", "新址", "villageIds",
				List.of(v1), "version", 0));
		var updated = county.put("/api/v1/stations/" + stationId, change);
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.json().get("version").asInt()).isEqualTo(1);
		// the same stale version again loses
		assertThat(county.put("/api/v1/stations/" + stationId, change).status()).isEqualTo(409);
		assertThat(county.get("/api/v1/stations/" + stationId).json().get("address").asString()).isEqualTo("新址");

		assertThat(county.post("/api/v1/stations/" + stationId + "/deactivate", "").status()).isEqualTo(204);
		assertThat(county.get("/api/v1/stations/" + stationId).json().get("active").asBoolean()).isFalse();
		var list = county.get("/api/v1/stations?townshipId=" + townshipId);
		assertThat(list.json().get("items").size()).isEqualTo(1);
		assertThat(list.json().get("nextCursor").isNull()).isTrue();
	}

	@Test
	void aVillageOfAnotherTownshipIsRefusedAndNothingIsWritten() {
		Api county = Api.as(port, "county");
		long a = county.post("/api/v1/townships", Api.json(Map.of("name", unique("甲镇"), "code", unique("A")))).id();
		long b = county.post("/api/v1/townships", Api.json(Map.of("name", unique("乙镇"), "code", unique("B")))).id();
		long vb = county.post("/api/v1/villages", Api.json(Map.of("townshipId", b, "name", "乙村"))).id();
		var r = county.post("/api/v1/stations",
				Api.json(Map.of("townshipId", a, "name", "错站", "address", "某地", "villageIds", List.of(vb))));
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.contentType()).startsWith("application/problem+json");
		assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("villageIds");
		assertThat(county.get("/api/v1/stations?townshipId=" + a).json().get("items").size()).isZero();
	}

	@Test
	void badInputGetsProblemDetailsAndChangesNothing() {
		Api county = Api.as(port, "county");
		int before = county.get("/api/v1/townships?limit=500").json().get("items").size();
		var missing = county.post("/api/v1/townships", "{\"name\":\"\"}");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.json().get("errors").size()).isGreaterThanOrEqualTo(2);
		assertThat(county.post("/api/v1/townships", "{not json").status()).isEqualTo(400);
		assertThat(county.post("/api/v1/deputies", "{\"name\":\"某\",\"levels\":[\"GALACTIC\"]}").status())
			.isEqualTo(400);
		assertThat(county.post("/api/v1/townships", Api.json(Map.of("name", "x".repeat(101), "code", "Z1"))).status())
			.isEqualTo(400);
		assertThat(county.post("/api/v1/townships", "{\"name\":\"" + "长".repeat(2_000_000) + "\",\"code\":\"Q\"}")
			.status()).isEqualTo(413);
		assertThat(county.get("/api/v1/townships/999999").status()).isEqualTo(404);
		assertThat(county.get("/api/v1/townships/abc").status()).isEqualTo(400);
		assertThat(county.get("/api/v1/townships?limit=9999").status()).isEqualTo(400);
		assertThat(county.get("/api/v1/townships?limit=500").json().get("items").size()).isEqualTo(before);
	}

	@Test
	void deputyPhonesAreMaskedUnlessAskedForAndTheAskingIsAudited() {
		Api county = Api.as(port, "county");
		long station = county.get("/api/v1/stations?limit=1").json().get("items").get(0).get("id").asLong();
		var d = county.post("/api/v1/deputies", Api.json(Map.of("name", "测试代表", "levels", List.of("COUNTY", "TOWNSHIP"),
				"phone", "13912345678", "idNumber", "43052219800101123X", "stationIds", List.of(station))));
		assertThat(d.status()).isEqualTo(201);
		assertThat(d.json().get("phone").asString()).isEqualTo("139****5678");
		assertThat(d.json().get("idNumber").asString()).isEqualTo("4305**********123X");
		assertThat(county.get("/api/v1/deputies/" + d.id()).body()).doesNotContain("13912345678")
			.doesNotContain("19800101");
		assertThat(county.get("/api/v1/deputies/" + d.id() + "/phone").json().get("phone").asString())
			.isEqualTo("13912345678");
		var audit = county.get("/api/v1/audit?action=VIEW_PERSONAL_DATA&q=deputy/" + d.id());
		assertThat(audit.json().get("items").size()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void referencedRecordsCannotBeDeletedOnlyDeactivated() {
		Api county = Api.as(port, "county");
		long t = county.post("/api/v1/townships", Api.json(Map.of("name", unique("丙镇"), "code", unique("C")))).id();
		county.post("/api/v1/villages", Api.json(Map.of("townshipId", t, "name", "丙村")));
		var refused = county.delete("/api/v1/townships/" + t);
		assertThat(refused.status()).isEqualTo(409);
		assertThat(county.get("/api/v1/townships/" + t).status()).isEqualTo(200);
		long empty = county.post("/api/v1/townships", Api.json(Map.of("name", unique("丁镇"), "code", unique("D")))).id();
		assertThat(county.delete("/api/v1/townships/" + empty).status()).isEqualTo(204);
		assertThat(county.get("/api/v1/townships/" + empty).status()).isEqualTo(404);
	}

	@Test
	void categoriesAreSeededAndEditable() {
		Api county = Api.as(port, "county");
		var list = county.get("/api/v1/categories");
		assertThat(list.body()).contains("LAND_DEMOLITION", "RURAL_INFRASTRUCTURE", "SOCIAL_SECURITY",
				"SUBSISTENCE_ELDERLY", "NEIGHBOUR_DISPUTE");
		assertThat(list.json().get(0).get("name").asString()).isEqualTo("征地拆迁");
		String code = "TEST_" + ThreadLocalRandom.current().nextInt(100_000);
		var c = county.post("/api/v1/categories",
				Api.json(Map.of("code", code, "nameZh", "测试", "nameEn", "Test", "dueWorkingDays", 10)));
		assertThat(c.status()).isEqualTo(201);
		assertThat(Api.as(port, "deputy").get("/api/v1/categories").body()).contains(code);
		assertThat(Api.as(port, "township")
			.post("/api/v1/categories",
					Api.json(Map.of("code", code + "X", "nameZh", "测试", "nameEn", "Test", "dueWorkingDays", 10)))
			.status()).isEqualTo(403);
	}

	@Test
	void cursorPagingVisitsEveryStationOnce() {
		Api county = Api.as(port, "county");
		int total = county.get("/api/v1/stations?limit=500").json().get("items").size();
		Set<Long> seen = new HashSet<>();
		String cursor = null;
		int pages = 0;
		do {
			var page = county.get("/api/v1/stations?limit=7" + (cursor == null ? "" : "&cursor=" + cursor)).json();
			page.get("items").forEach(i -> assertThat(seen.add(i.get("id").asLong())).isTrue());
			cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
			pages++;
		}
		while (cursor != null);
		assertThat(seen).hasSize(total);
		assertThat(pages).isEqualTo((total + 6) / 7 + (total % 7 == 0 ? 1 : 0));
	}

}
