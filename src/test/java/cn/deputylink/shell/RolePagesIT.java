package cn.deputylink.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.deputylink.support.FormSession;
import cn.deputylink.support.IntegrationTest;

/**
 * A page a role cannot use answers 403 rather than an empty form, and no button leads to
 * one.
 */
@IntegrationTest
class RolePagesIT {

	@LocalServerPort
	int port;

	@Test
	void onlyTheCountyGetsTheNewTownshipForm() throws Exception {
		assertThat(new FormSession(port).login("county").get("/org/townships/new").statusCode()).isEqualTo(200);
		for (String role : List.of("township", "liaison", "deputy", "department")) {
			var r = new FormSession(port).login(role).get("/org/townships/new");
			assertThat(r.statusCode()).as(role).isEqualTo(403);
			assertThat(r.body()).as(role).doesNotContain("name=\"code\"");
		}
	}

	@Test
	void theCalendarAndRoutingPagesAreTheCountys() throws Exception {
		FormSession township = new FormSession(port).login("township");
		for (String path : List.of("/admin/calendar", "/admin/routing")) {
			assertThat(township.get(path).statusCode()).as(path).isEqualTo(403);
		}
		FormSession county = new FormSession(port).login("county");
		assertThat(county.get("/admin/calendar").statusCode()).isEqualTo(200);
		assertThat(county.get("/admin/routing").statusCode()).isEqualTo(200);
	}

	@Test
	void theRegistryFormsOfOtherRolesAre403() throws Exception {
		FormSession liaison = new FormSession(port).login("liaison");
		for (String path : List.of("/org/stations/new", "/org/deputies/new", "/org/departments/new")) {
			assertThat(liaison.get(path).statusCode()).as(path).isEqualTo(403);
		}
		assertThat(new FormSession(port).login("township").get("/org/stations/new").statusCode()).isEqualTo(200);
	}

	@Test
	void aLiaisonOfficerSeesNoImportButtons() throws Exception {
		FormSession liaison = new FormSession(port).login("liaison");
		FormSession township = new FormSession(port).login("township");
		for (String kind : List.of("townships", "stations", "deputies", "departments")) {
			String page = liaison.get("/org/" + kind).body();
			assertThat(page).as(kind)
				.doesNotContain("/org/" + kind + "/import")
				.contains("/org/" + kind + "/export.xlsx");
			assertThat(liaison.get("/org/" + kind + "/import").statusCode()).as(kind).isEqualTo(403);
		}
		assertThat(township.get("/org/stations").body()).contains("/org/stations/import");
		assertThat(township.get("/org/townships").body()).doesNotContain("/org/townships/import");
	}

	@Test
	void aRefusedRuleOrCalendarDayComesBackAsEnteredWhereTheFormIs() throws Exception {
		FormSession county = new FormSession(port).login("county");
		county.get("/admin/routing");
		var rule = county.post("/admin/routing", Map.of("categoryCode", "SOCIAL_SECURITY", "tier", "TOWNSHIP"), true);
		assertThat(rule.statusCode()).isEqualTo(200);
		Matcher form = Pattern.compile("<div class=\"card\" id=\"new-rule\">.*?</form>", Pattern.DOTALL)
			.matcher(rule.body());
		assertThat(form.find()).isTrue();
		assertThat(form.group())
			.contains("action=\"/admin/routing#new-rule\"", "id=\"townshipId-error\"", "乡镇级、村级规则须指定乡镇")
			.containsPattern("value=\"SOCIAL_SECURITY\"[^>]*selected")
			.containsPattern("value=\"TOWNSHIP\"[^>]*selected");

		county.get("/admin/calendar");
		var day = county.post("/admin/calendar/days", Map.of("date", "2031-02-30", "kind", "WORKDAY", "name", "调休日"),
				true);
		assertThat(day.statusCode()).isEqualTo(200);
		assertThat(day.body()).contains("action=\"/admin/calendar/days#day-form\"", "value=\"2031-02-30\"",
				"value=\"调休日\"", "id=\"date-error\"");
	}

}
