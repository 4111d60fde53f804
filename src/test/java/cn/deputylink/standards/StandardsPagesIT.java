package cn.deputylink.standards;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.deputylink.support.Api;
import cn.deputylink.support.FormSession;
import cn.deputylink.support.Images;
import cn.deputylink.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * The new-inspection form: an incomplete form is shown again with the input kept and
 * nothing written; a complete one with a photo of an item is saved and shown on the
 * station's page. The checklist editor refuses bad points and stale versions.
 */
@IntegrationTest
class StandardsPagesIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theInspectionFormKeepsTheInputOnErrorAndSavesWithPhotos() throws Exception {
		long station = Api.as(port, "liaison").get("/api/v1/me").json().get("stationId").asLong();
		List<JsonNode> items = Api.as(port, "county")
			.get("/api/v1/standards/items")
			.json()
			.valueStream()
			.filter(i -> i.get("active").asBoolean())
			.toList();
		FormSession township = new FormSession(port).login("township");
		var form = township.get("/standards/inspections/new?stationId=" + station);
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("name=\"result_" + items.get(0).get("id").asLong() + "\"");
		Map<String, String> fields = new HashMap<>();
		fields.put("stationId", String.valueOf(station));
		fields.put("inspectedOn", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
		fields.put("note", "保留的备注");
		for (int n = 0; n < items.size() - 1; n++) {
			fields.put("result_" + items.get(n).get("id").asLong(), n == 0 ? "PARTLY" : "MET");
		}
		int before = jdbc.sql("select count(*) from standard_inspection").query(Integer.class).single();
		var refused = township.postMultipart("/standards/inspections", fields, Map.of());
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("保留的备注")
			.containsPattern("name=\"result_" + items.get(0).get("id").asLong() + "\"\\s+value=\"PARTLY\"[^>]*checked");
		assertThat(jdbc.sql("select count(*) from standard_inspection").query(Integer.class).single())
			.isEqualTo(before);

		long last = items.get(items.size() - 1).get("id").asLong();
		fields.put("result_" + last, "NOT_MET");
		var saved = township.postMultipart("/standards/inspections", fields,
				Map.of("photo_" + last, Map.entry("现场.png", Images.png())));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
		assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("/standards/stations/" + station);
		long id = jdbc.sql("select max(id) from standard_inspection where station_id = :s")
			.param("s", station)
			.query(Long.class)
			.single();
		assertThat(jdbc.sql("select item_id from standard_inspection_photo where inspection_id = :i")
			.param("i", id)
			.query(Long.class)
			.list()).containsExactly(last);
		var page = township.get("/standards/stations/" + station);
		assertThat(page.body()).contains("/standards/inspections/" + id + "/photos/").contains("保留的备注");

		// a photo that is no image: the form again, no inspection
		fields.put("note", "第二次");
		var bad = township.postMultipart("/standards/inspections", fields,
				Map.of("photos", Map.entry("x.png", "MZ not a photo".getBytes())));
		assertThat(bad.statusCode()).isEqualTo(200);
		assertThat(bad.body()).contains("第二次");
		assertThat(jdbc.sql("select max(id) from standard_inspection where station_id = :s")
			.param("s", station)
			.query(Long.class)
			.single()).isEqualTo(id);
	}

	@Test
	void theChecklistEditorRefusesBadPointsAndStaleVersions() throws Exception {
		FormSession county = new FormSession(port).login("county");
		assertThat(county.get("/standards/items").statusCode()).isEqualTo(200);
		var bad = county.post("/standards/items",
				Map.of("code", "PAGE_" + System.nanoTime(), "group", "SIX_HAVES", "name", "测试", "points", "200"), true);
		assertThat(bad.statusCode()).isEqualTo(200);
		assertThat(bad.body()).contains("测试").contains("points-error");
		JsonNode item = Api.as(port, "county").get("/api/v1/standards/items").json().get(0);
		var stale = county.post("/standards/items/" + item.get("id").asLong(),
				Map.of("name", item.get("name").asString(), "points", item.get("points").asString(), "position",
						item.get("position").asString(), "active", "true", "required", "true", "version",
						String.valueOf(item.get("version").asInt() + 5)),
				true);
		assertThat(stale.statusCode()).isEqualTo(302);
		assertThat(Api.as(port, "county").get("/api/v1/standards/items").json().get(0).get("version").asInt())
			.isEqualTo(item.get("version").asInt());
	}

	@Test
	void theCountySetsThePassMarkInThePageAndABadOneChangesNothing() throws Exception {
		FormSession county = new FormSession(port).login("county");
		assertThat(county.get("/standards/items").body()).contains("id=\"pass-mark\"");
		int version = jdbc.sql("select version from standard_settings where id = 1").query(Integer.class).single();
		try {
			var bad = county.post("/standards/settings", Map.of("passMark", "abc", "version", String.valueOf(version)),
					true);
			assertThat(bad.statusCode()).isEqualTo(302);
			assertThat(county.get("/standards/items").body()).contains("达标分数线须在 0 至 100 之间");
			assertThat(
					jdbc.sql("select pass_mark from standard_settings where id = 1").query(BigDecimal.class).single())
				.isEqualByComparingTo("90");
			var good = county.post("/standards/settings", Map.of("passMark", "85", "version", String.valueOf(version)),
					true);
			assertThat(good.statusCode()).isEqualTo(302);
			assertThat(
					jdbc.sql("select pass_mark from standard_settings where id = 1").query(BigDecimal.class).single())
				.isEqualByComparingTo("85");
			FormSession township = new FormSession(port).login("township");
			assertThat(
					township.post("/standards/settings", Map.of("passMark", "60", "version", "0"), true).statusCode())
				.isEqualTo(403);
		}
		finally {
			jdbc.sql("update standard_settings set pass_mark = 90 where id = 1").update();
		}
	}

}
