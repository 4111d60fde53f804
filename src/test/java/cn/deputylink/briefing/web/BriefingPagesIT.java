package cn.deputylink.briefing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.deputylink.support.Api;
import cn.deputylink.support.FormSession;
import cn.deputylink.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * The pages: a county admin generates a briefing for a township and a period, edits the
 * draft, publishes it (the edit form goes, the bulletin stays) and downloads it; a
 * refused form comes back with the input and the message; a township admin's form has no
 * township choice.
 */
@IntegrationTest
class BriefingPagesIT {

	@LocalServerPort
	int port;

	@Test
	void generateEditPublish() throws Exception {
		FormSession county = new FormSession(port).login("county");
		long township = Api.as(port, "township").get("/api/v1/me").json().get("townshipId").asLong();
		var list = county.get("/briefings");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("id=\"generate-form\"").contains("name=\"townshipId\"").contains("本月");

		// a refused form: shown again with the input and the message, nothing generated
		var refused = county.post("/briefings",
				Map.of("quick", "custom", "from", "2018-09-30", "to", "2018-09-01", "townshipId", "" + township), true);
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("结束日期不能早于开始日期").contains("value=\"2018-09-30\"");

		var made = county.post("/briefings", Map.of("quick", "custom", "from", "2018-09-01", "to", "2018-09-30",
				"townshipId", "" + township, "title", "九月东岭镇联络动态"), true);
		assertThat(made.statusCode()).as(made.body()).isEqualTo(302);
		String location = made.headers().firstValue("Location").orElseThrow();
		Matcher m = Pattern.compile("/briefings/(\\d+)$").matcher(location);
		assertThat(m.find()).as(location).isTrue();
		long id = Long.parseLong(m.group(1));
		JsonNode b = Api.as(port, "county").get("/api/v1/briefings/" + id).json();
		assertThat(b.get("townshipId").asLong()).isEqualTo(township);
		assertThat(b.get("from").asString()).isEqualTo("2018-09-01");

		var page = county.get("/briefings/" + id);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("联络动态")
			.contains("九月东岭镇联络动态")
			.contains("id=\"edit-form\"")
			.contains("id=\"publish-form\"")
			.contains("开展活动（次）");

		// an edit with a blank title: refused, shown again with what was typed
		Map<String, String> form = new LinkedHashMap<>();
		form.put("title", "");
		form.put("intro", "改过的导语");
		form.put("body", "改过的正文");
		form.put("version", b.get("version").asString());
		for (int k = 0; k < b.get("typicalCases").size(); k++) {
			form.put("case" + k, "案例" + k);
		}
		var bad = county.post("/briefings/" + id, form, true);
		assertThat(bad.statusCode()).isEqualTo(200);
		assertThat(bad.body()).contains("请填写此项").contains("改过的导语");
		form.put("title", "九月联络动态（修改）");
		var saved = county.post("/briefings/" + id, form, true);
		assertThat(saved.statusCode()).isEqualTo(302);
		page = county.get("/briefings/" + id);
		assertThat(page.body()).contains("九月联络动态（修改）").contains("改过的导语").contains("已保存");

		int version = Api.as(port, "county").get("/api/v1/briefings/" + id).json().get("version").asInt();
		var stale = county.post("/briefings/" + id + "/publish", Map.of("version", "" + (version - 1)), true);
		assertThat(stale.statusCode()).isEqualTo(200);
		assertThat(stale.body()).contains("已被他人修改");
		var published = county.post("/briefings/" + id + "/publish", Map.of("version", "" + version), true);
		assertThat(published.statusCode()).isEqualTo(302);
		page = county.get("/briefings/" + id);
		assertThat(page.body()).contains("已发布")
			.contains("九月联络动态（修改）")
			.doesNotContain("id=\"edit-form\"")
			.doesNotContain("id=\"publish-form\"");
		assertThat(Api.as(port, "county").get("/api/v1/briefings/" + id).json().get("status").asString())
			.isEqualTo("PUBLISHED");

		// the downloads, with a UTF-8 file name
		var pdf = county.get("/briefings/" + id + "/pdf");
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
		String disposition = pdf.headers().firstValue("Content-Disposition").orElseThrow();
		assertThat(disposition).startsWith("attachment");
		assertThat(URLDecoder.decode(disposition, StandardCharsets.UTF_8)).contains("联络动态-" + id + ".pdf");
		var docx = county.get("/briefings/" + id + "/docx");
		assertThat(docx.statusCode()).isEqualTo(200);
		assertThat(docx.headers().firstValue("Content-Disposition").orElseThrow()).contains(".docx");

		// the list shows it
		assertThat(county.get("/briefings").body()).contains("data-briefing=\"" + id + "\"");
	}

	@Test
	void aTownshipAdminsFormHasNoTownshipChoice() throws Exception {
		FormSession township = new FormSession(port).login("township");
		var list = township.get("/briefings");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains("id=\"generate-form\"").doesNotContain("name=\"townshipId\"");
		var made = township.post("/briefings", Map.of("quick", "lastMonth"), true);
		assertThat(made.statusCode()).as(made.body()).isEqualTo(302);
		assertThat(new FormSession(port).login("liaison").get("/briefings").statusCode()).isEqualTo(403);
	}

}
