package cn.deputylink.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.deputylink.support.Api;
import cn.deputylink.support.FormSession;
import cn.deputylink.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The user pages: the form offers townships, stations, deputies and departments by name
 * (a township admin only its own township's), accounts can be edited with an optimistic
 * version, and the list names each user's township or department.
 */
@IntegrationTest
class UserAdminPagesIT {

	@LocalServerPort
	int port;

	private JsonNode first(Api api, String path) {
		return api.get(path).json().get("items").get(0);
	}

	private long townshipId(Api county, String code) {
		return first(county, "/api/v1/townships?q=" + code).get("id").asLong();
	}

	/** The {@code <select>} of that name, from its opening tag to its closing one. */
	private static String select(String page, String id) {
		Matcher m = Pattern.compile("<select id=\"" + id + "\".*?</select>", Pattern.DOTALL).matcher(page);
		assertThat(m.find()).as("select #" + id).isTrue();
		return m.group();
	}

	private static String unique(String prefix) {
		return prefix + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
	}

	@Test
	void aCountyAdminPicksEveryKindOfAssignmentByName() throws Exception {
		Api county = Api.as(port, "county");
		JsonNode station = first(county, "/api/v1/stations?townshipId=" + townshipId(county, "T02"));
		JsonNode deputy = first(county, "/api/v1/deputies");
		JsonNode department = first(county, "/api/v1/departments?tier=COUNTY");
		String page = new FormSession(port).login("county").get("/admin/users/new").body();

		// no number fields for ids any more
		assertThat(page).doesNotContain("type=\"number\"");
		assertThat(select(page, "townshipId")).contains(">东岭镇<", ">青石乡<");
		assertThat(select(page, "stationId")).contains("label=\"青石乡\"", ">" + station.get("name").asString() + "<")
			.contains("value=\"" + station.get("id").asLong() + "\"");
		assertThat(select(page, "deputyId")).contains(deputy.get("name").asString())
			.contains("value=\"" + deputy.get("id").asLong() + "\"");
		assertThat(select(page, "departmentId")).contains(">" + department.get("name").asString() + "<");
		// every role, and none chosen in advance
		assertThat(select(page, "role")).contains("value=\"COUNTY_ADMIN\"", "value=\"DEPUTY\"")
			.containsPattern("<option value=\"\" selected")
			.doesNotContainPattern("value=\"[A-Z_]+\" selected");
	}

	@Test
	void aTownshipAdminIsOfferedOnlyItsOwnTownshipAndTheRolesItMayGive() throws Exception {
		Api county = Api.as(port, "county");
		long own = townshipId(county, "T01");
		long other = townshipId(county, "T02");
		String ownStation = first(county, "/api/v1/stations?townshipId=" + own).get("name").asString();
		JsonNode otherStation = first(county, "/api/v1/stations?townshipId=" + other);
		String page = new FormSession(port).login("township").get("/admin/users/new").body();

		assertThat(select(page, "townshipId")).contains(">东岭镇<").doesNotContain("青石乡");
		assertThat(select(page, "stationId")).contains(ownStation)
			.doesNotContain("value=\"" + otherStation.get("id").asLong() + "\"")
			.doesNotContain("青石乡");
		assertThat(select(page, "departmentId")).contains("东岭镇").doesNotContain("青石乡");
		assertThat(page).doesNotContain("id=\"deputyId\"");
		assertThat(select(page, "role")).contains("value=\"STATION_LIAISON\"")
			.doesNotContain("value=\"COUNTY_ADMIN\"")
			.doesNotContain("value=\"DEPUTY\"");
	}

	@Test
	void anAccountIsCreatedFromThePickersEditedAndListedWithItsTownship() throws Exception {
		Api county = Api.as(port, "county");
		long own = townshipId(county, "T01");
		JsonNode station = first(county, "/api/v1/stations?townshipId=" + own);
		JsonNode department = first(county, "/api/v1/departments?tier=COUNTY");
		String username = unique("picker");
		FormSession s = new FormSession(port).login("county");
		s.get("/admin/users/new");
		Map<String, String> form = new HashMap<>(
				Map.of("username", username, "displayName", "选择器联络员", "role", "STATION_LIAISON", "townshipId", "",
						"stationId", String.valueOf(station.get("id").asLong()), "departmentId", ""));
		var created = s.post("/admin/users", form, true);
		assertThat(created.statusCode()).isEqualTo(302);

		JsonNode user = first(county, "/api/v1/users?q=" + username);
		long id = user.get("id").asLong();
		assertThat(user.get("role").asString()).isEqualTo("STATION_LIAISON");
		assertThat(user.get("stationId").asLong()).isEqualTo(station.get("id").asLong());
		assertThat(user.get("townshipId").asLong()).isEqualTo(own);

		// the list names the township and the station, not their ids
		String list = s.get("/admin/users?q=" + username).body();
		assertThat(list).contains("所属", "东岭镇", station.get("name").asString());

		// the edit form shows what is saved
		String edit = s.get("/admin/users/" + id + "/edit").body();
		assertThat(edit).contains("编辑用户", username, "value=\"选择器联络员\"", "name=\"version\" value=\"0\"");
		assertThat(select(edit, "stationId"))
			.containsPattern("value=\"" + station.get("id").asLong() + "\"\\s+selected");

		// a new name and role: department handler of a county bureau
		Map<String, String> change = Map.of("displayName", "改名经办人", "role", "DEPARTMENT_HANDLER", "stationId", "",
				"departmentId", String.valueOf(department.get("id").asLong()), "version", "0");
		assertThat(s.post("/admin/users/" + id, change, true).statusCode()).isEqualTo(302);
		JsonNode changed = county.get("/api/v1/users/" + id).json();
		assertThat(changed.get("displayName").asString()).isEqualTo("改名经办人");
		assertThat(changed.get("role").asString()).isEqualTo("DEPARTMENT_HANDLER");
		assertThat(changed.get("departmentId").asLong()).isEqualTo(department.get("id").asLong());
		assertThat(changed.get("stationId").isNull()).isTrue();
		assertThat(changed.get("townshipId").isNull()).isTrue();
		assertThat(changed.get("version").asInt()).isEqualTo(1);
		assertThat(s.get("/admin/users?q=" + username).body()).contains(department.get("name").asString());

		// the same form again with the old version: refused, typed input kept, nothing
		// changed
		var stale = s.post("/admin/users/" + id, Map.of("displayName", "过期的修改", "role", "DEPARTMENT_HANDLER",
				"departmentId", String.valueOf(department.get("id").asLong()), "version", "0"), true);
		assertThat(stale.statusCode()).isEqualTo(200);
		assertThat(stale.body()).contains("该记录已被他人修改", "value=\"过期的修改\"");
		assertThat(county.get("/api/v1/users/" + id).json().get("displayName").asString()).isEqualTo("改名经办人");

		// a role without its assignment is refused on the field
		var missing = s.post("/admin/users/" + id,
				Map.of("displayName", "改名经办人", "role", "TOWNSHIP_ADMIN", "townshipId", "", "version", "1"), true);
		assertThat(missing.body()).contains("乡镇管理员须指定一个存在的乡镇");
		assertThat(county.get("/api/v1/users/" + id).json().get("role").asString()).isEqualTo("DEPARTMENT_HANDLER");
	}

	@Test
	void theApiEditsAnAccountWithItsVersionAndAStaleOneIs409() {
		Api county = Api.as(port, "county");
		String username = unique("apiedit");
		long id = county
			.post("/api/v1/users", Api.json(Map.of("username", username, "password", "Edit#2026kqzx", "displayName",
					"接口用户", "role", "TOWNSHIP_ADMIN", "townshipId", townshipId(county, "T01"))))
			.id();
		long other = townshipId(county, "T02");
		var ok = county.put("/api/v1/users/" + id,
				Api.json(Map.of("displayName", "接口改名", "role", "TOWNSHIP_ADMIN", "townshipId", other, "version", 0)));
		assertThat(ok.status()).isEqualTo(200);
		assertThat(ok.json().get("townshipId").asLong()).isEqualTo(other);
		assertThat(ok.json().get("version").asInt()).isEqualTo(1);

		var stale = county.put("/api/v1/users/" + id,
				Api.json(Map.of("displayName", "过期", "role", "TOWNSHIP_ADMIN", "townshipId", other, "version", 0)));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.contentType()).contains("problem+json");
		assertThat(county.get("/api/v1/users/" + id).json().get("displayName").asString()).isEqualTo("接口改名");
	}

	@Test
	void aChangeOfRoleEndsTheAccountsSessionsAndTokens() throws Exception {
		Api county = Api.as(port, "county");
		String username = unique("demoted");
		String password = "Edit#2026kqzx";
		long id = county
			.post("/api/v1/users", Api.json(Map.of("username", username, "password", password, "displayName", "将被降级",
					"role", "TOWNSHIP_ADMIN", "townshipId", townshipId(county, "T01"))))
			.id();
		FormSession session = new FormSession(port);
		session.get("/login");
		assertThat(session.post("/login", Map.of("username", username, "password", password), true).statusCode())
			.isEqualTo(302);
		assertThat(session.get("/admin/users").statusCode()).isEqualTo(200);
		Api token = Api.as(port, username, password);
		assertThat(token.get("/api/v1/users").status()).isEqualTo(200);

		// a new name alone leaves the session alone
		assertThat(county
			.put("/api/v1/users/" + id, Api.json(Map.of("displayName", "仍是管理员", "role", "TOWNSHIP_ADMIN", "townshipId",
					townshipId(county, "T01"), "version", 0)))
			.status()).isEqualTo(200);
		assertThat(session.get("/admin/users").statusCode()).isEqualTo(200);

		long department = first(county, "/api/v1/departments?tier=COUNTY").get("id").asLong();
		assertThat(
				county
					.put("/api/v1/users/" + id,
							Api.json(Map.of("displayName", "经办人", "role", "DEPARTMENT_HANDLER", "departmentId",
									department, "version", 1)))
					.status())
			.isEqualTo(200);
		var after = session.get("/admin/users");
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location").orElse("")).contains("/login");
		assertThat(token.get("/api/v1/users").status()).isEqualTo(401);
	}

	@Test
	void aTownshipAdminCannotMoveAnAccountOutOfItsTownshipNorEditOthers() {
		Api county = Api.as(port, "county");
		Api township = Api.as(port, "township");
		long own = townshipId(county, "T01");
		long other = townshipId(county, "T02");
		String username = unique("scoped");
		long id = township
			.post("/api/v1/users", Api.json(Map.of("username", username, "password", "Edit#2026kqzx", "displayName",
					"本镇管理员", "role", "TOWNSHIP_ADMIN", "townshipId", own)))
			.id();
		var moved = township.put("/api/v1/users/" + id,
				Api.json(Map.of("displayName", "搬走", "role", "TOWNSHIP_ADMIN", "townshipId", other, "version", 0)));
		assertThat(moved.status()).isEqualTo(403);
		var promoted = township.put("/api/v1/users/" + id,
				Api.json(Map.of("displayName", "升级", "role", "COUNTY_ADMIN", "version", 0)));
		assertThat(promoted.status()).isEqualTo(403);
		long countyAdmin = county.get("/api/v1/users?q=county").json().get("items").get(0).get("id").asLong();
		var foreign = township.put("/api/v1/users/" + countyAdmin,
				Api.json(Map.of("displayName", "x", "role", "COUNTY_ADMIN", "version", 0)));
		assertThat(foreign.status()).isEqualTo(403);
		assertThat(county.get("/api/v1/users/" + id).json().get("displayName").asString()).isEqualTo("本镇管理员");
	}

}
