package cn.deputylink.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.deputylink.support.Api;
import cn.deputylink.support.FormSession;
import cn.deputylink.support.IntegrationTest;

/**
 * The pairing register's and the "三个一" pages through forms: a refused form comes back
 * with its message and what was typed, and changes nothing; a good one saves and
 * redirects; the list masks names; the deputy's page and the compliance page show the
 * states, in Chinese and English; roles that may not see a page get 403.
 */
@IntegrationTest
class PairingPagesIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	private long ownVillage() {
		Api county = Api.as(port, "county");
		long own = Api.as(port, "township").get("/api/v1/me").json().get("townshipId").asLong();
		return PairingFixtures.first(county.get("/api/v1/villages?townshipId=" + own));
	}

	private int households() {
		return jdbc.sql("select count(*) from poverty_household").query(Integer.class).single();
	}

	@Test
	void theHouseholdFormRefusesBadInputAndSavesGoodInput() throws Exception {
		FormSession s = new FormSession(port).login("township");
		assertThat(s.get("/households/new").statusCode()).isEqualTo(200);
		int before = households();
		HttpResponse<String> bad = s.post("/households",
				Map.of("name", "蒋大为", "villageId", "abc", "situation", "情况说明", "idNumber", "123"), true);
		assertThat(bad.statusCode()).isEqualTo(200);
		assertThat(bad.body()).contains("格式不正确").contains("蒋大为").contains("情况说明");
		HttpResponse<String> badId = s.post("/households",
				Map.of("name", "蒋大为", "villageId", String.valueOf(ownVillage()), "idNumber", "123"), true);
		assertThat(badId.body()).contains("请输入 18 位身份证号").contains("蒋大为");
		HttpResponse<String> noName = s.post("/households",
				Map.of("name", " ", "villageId", String.valueOf(ownVillage())), true);
		assertThat(noName.body()).contains("必填");
		assertThat(households()).isEqualTo(before);

		HttpResponse<String> ok = s.post("/households", Map.of("name", "蒋大为", "villageId", String.valueOf(ownVillage()),
				"situation", "情况说明", "idNumber", "43052119880315441X"), true);
		assertThat(ok.statusCode()).isEqualTo(302);
		String location = ok.headers().firstValue("Location").orElseThrow();
		Matcher m = Pattern.compile("/households/(\\d+)$").matcher(location);
		assertThat(m.find()).as(location).isTrue();
		long id = Long.parseLong(m.group(1));
		HttpResponse<String> detail = s.get("/households/" + id);
		assertThat(detail.body()).contains("蒋大为").contains("4305**********441X").doesNotContain("19880315");
		HttpResponse<String> list = s.get("/households?q=蒋");
		assertThat(list.body()).contains("蒋**").doesNotContain("蒋大为");

		// an edit with a stale version comes back with the message
		s.get("/households/" + id + "/edit");
		HttpResponse<String> stale = s.post("/households/" + id,
				Map.of("name", "蒋大为", "villageId", String.valueOf(ownVillage()), "version", "7"), true);
		assertThat(stale.statusCode()).isEqualTo(200);
		assertThat(stale.body()).contains("errors");
		HttpResponse<String> edited = s.post("/households/" + id,
				Map.of("name", "蒋大为", "villageId", String.valueOf(ownVillage()), "situation", "已脱贫", "version", "0"),
				true);
		assertThat(edited.statusCode()).isEqualTo(302);
		assertThat(s.get("/households/" + id).body()).contains("已脱贫");
	}

	@Test
	void pairingAndHelpForms() throws Exception {
		Api county = Api.as(port, "county");
		long station = Api.as(port, "liaison").get("/api/v1/me").json().get("stationId").asLong();
		long deputy = PairingFixtures.deputy(county, station, null);
		long h = PairingFixtures.household(Api.as(port, "township"), ownVillage(), "韩梅梅");
		FormSession s = new FormSession(port).login("liaison");
		s.get("/households/" + h);
		HttpResponse<String> noDeputy = s.post("/households/" + h + "/pairings", Map.of("startDate", ""), true);
		assertThat(noDeputy.statusCode()).isEqualTo(200);
		assertThat(noDeputy.body()).contains("至少选择一位代表");
		HttpResponse<String> paired = s.post("/households/" + h + "/pairings",
				Map.of("deputyIds", String.valueOf(deputy), "startDate", "2026-01-01"), true);
		assertThat(paired.statusCode()).isEqualTo(302);
		assertThat(s.get("/households/" + h).body()).contains("结对中");

		assertThat(s.get("/households/" + h + "/help").statusCode()).isEqualTo(200);
		String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
		HttpResponse<String> noTitle = s.post("/households/" + h + "/help",
				Map.of("date", today, "deputyIds", String.valueOf(deputy), "title", "", "note", "带去米油"), true);
		assertThat(noTitle.statusCode()).isEqualTo(200);
		assertThat(noTitle.body()).contains("必填").contains("带去米油");
		HttpResponse<String> badDate = s.post("/households/" + h + "/help",
				Map.of("date", "2026-13-45", "deputyIds", String.valueOf(deputy), "title", "慰问"), true);
		assertThat(badDate.body()).contains("格式不正确");
		HttpResponse<String> helped = s.post("/households/" + h + "/help",
				Map.of("date", today, "deputyIds", String.valueOf(deputy), "title", "送去慰问金"), true);
		assertThat(helped.statusCode()).isEqualTo(302);
		assertThat(s.get("/households/" + h).body()).contains("送去慰问金");

		// the department handler sees no register; the deputy no form
		assertThat(new FormSession(port).login("department").get("/households").statusCode()).isEqualTo(403);
		assertThat(new FormSession(port).login("deputy").get("/households/new").statusCode()).isEqualTo(403);
	}

	@Test
	void theDeputysPageAndTheCompliancePage() throws Exception {
		FormSession deputy = new FormSession(port).login("deputy");
		HttpResponse<String> mine = deputy.get("/obligations/me");
		assertThat(mine.statusCode()).isEqualTo(200);
		assertThat(mine.body()).contains("我的“三个一”")
			.contains("第1季度")
			.contains("每年为群众办一件实事")
			.contains("data-state=\"MET\"");
		assertThat(deputy.get("/obligations/me?year=abc").statusCode()).isEqualTo(200);
		assertThat(deputy.get("/obligations/compliance").statusCode()).isEqualTo(403);
		assertThat(deputy.get("/dashboard").body()).contains("今年已完成");
		assertThat(deputy.get("/obligations/me?lang=en").body()).contains("My three duties").contains("Quarter 1");

		FormSession county = new FormSession(port).login("county");
		HttpResponse<String> all = county.get("/obligations/compliance");
		assertThat(all.statusCode()).isEqualTo(200);
		assertThat(all.body()).contains("“三个一”履职情况").contains("落后").contains("id=\"compliance\"");
		HttpResponse<String> behind = county.get("/obligations/compliance?behind=true");
		assertThat(behind.body()).doesNotContain("badge on\">全部完成");
		assertThat(county.get("/dashboard").body()).contains("落后的代表");
		assertThat(new FormSession(port).login("township").get("/obligations/compliance").statusCode()).isEqualTo(200);
		assertThat(new FormSession(port).login("department").get("/obligations/compliance").statusCode())
			.isEqualTo(403);
	}

}
