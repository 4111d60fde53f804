package cn.deputylink.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.deputylink.support.Api;
import cn.deputylink.support.FormSession;
import cn.deputylink.support.IntegrationTest;

/**
 * What the audit log says about a page form that was refused (a failure, though the page
 * answers 200 or 302), about a look at personal data that was refused, and how its search
 * offers the actions.
 */
@IntegrationTest
class AuditOutcomeIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	/** The outcome of the last write to this path by this user. */
	private String lastOutcome(String actor, String path) {
		return jdbc.sql("select outcome from audit_event where actor = :a and target = :t order by id desc limit 1")
			.param("a", actor)
			.param("t", path)
			.query(String.class)
			.single();
	}

	@Test
	void aRefusedFormIsAFailureNotASuccess() throws Exception {
		FormSession county = new FormSession(port).login("county");
		// the routing table: a township-tier rule without its township
		county.get("/admin/routing");
		county.post("/admin/routing", Map.of("categoryCode", "OTHER", "tier", "TOWNSHIP"), true);
		assertThat(lastOutcome("county", "/admin/routing")).isEqualTo("FAILURE");
		// a calendar day that is no date
		county.get("/admin/calendar");
		assertThat(county
			.post("/admin/calendar/days", Map.of("date", "2031-02-30", "kind", "HOLIDAY", "name", "坏日期"), true)
			.statusCode()).isEqualTo(200);
		assertThat(lastOutcome("county", "/admin/calendar/days")).isEqualTo("FAILURE");
		// a user without a name or a role
		county.get("/admin/users/new");
		assertThat(county.post("/admin/users", Map.of("username", "", "displayName", ""), true).statusCode())
			.isEqualTo(200);
		assertThat(lastOutcome("county", "/admin/users")).isEqualTo("FAILURE");
		// a registry form refused by its bean validation
		county.get("/org/townships/new");
		county.post("/org/townships", Map.of("code", "BAD CODE!", "name", ""), true);
		assertThat(lastOutcome("county", "/org/townships")).isEqualTo("FAILURE");

		// and a form that saves is still a success
		county.get("/admin/calendar");
		assertThat(county
			.post("/admin/calendar/days", Map.of("date", "2031-03-04", "kind", "HOLIDAY", "name", "审计假日"), true)
			.statusCode()).isEqualTo(302);
		assertThat(lastOutcome("county", "/admin/calendar/days")).isEqualTo("SUCCESS");
	}

	@Test
	void aRefusedLookAtAConstituentsPhoneIsRecorded() throws Exception {
		Api liaison = Api.as(port, "liaison");
		long station = liaison.get("/api/v1/me").json().get("stationId").asLong();
		long id = liaison
			.post("/api/v1/opinions", Api.json(Map.of("source", "RECEPTION", "stationId", station, "content", "电话拒绝审计",
					"constituent", Map.of("phone", "13955556666", "anonymous", false))))
			.id();
		int before = jdbc
			.sql("select count(*) from audit_event where action = 'opinion.phone.reveal' and outcome = 'DENIED' "
					+ "and target = :t")
			.param("t", "opinion:" + id)
			.query(Integer.class)
			.single();
		// a deputy may not see it at all; a department handler may see it, but not the
		// number of a case not in its hands
		assertThat(Api.as(port, "deputy").get("/api/v1/opinions/" + id + "/phone").status()).isEqualTo(403);
		assertThat(new FormSession(port).login("township2").get("/opinions/" + id + "/phone").statusCode())
			.isEqualTo(403);
		assertThat(jdbc
			.sql("select count(*) from audit_event where action = 'opinion.phone.reveal' and outcome = 'DENIED' "
					+ "and target = :t")
			.param("t", "opinion:" + id)
			.query(Integer.class)
			.single()).isEqualTo(before + 2);
	}

	@Test
	void aRefusedLookAtADeputysPhoneIsRecorded() {
		long deputy = Api.as(port, "deputy").get("/api/v1/me").json().get("deputyId").asLong();
		String count = "select count(*) from audit_event where action = 'VIEW_PERSONAL_DATA' and outcome = 'DENIED' "
				+ "and actor = 'liaison' and target = :t";
		int before = jdbc.sql(count).param("t", "deputy/" + deputy).query(Integer.class).single();
		assertThat(Api.as(port, "liaison").get("/api/v1/deputies/" + deputy + "/phone").status()).isEqualTo(403);
		assertThat(jdbc.sql(count).param("t", "deputy/" + deputy).query(Integer.class).single()).isEqualTo(before + 1);
	}

	@Test
	void theActionFilterOffersEveryActionInWords() throws Exception {
		FormSession county = new FormSession(port).login("county");
		String page = county.get("/admin/audit").body();
		assertThat(page).contains("<option value=\"LOGIN\">登录</option>", "<option value=\"POST\">提交表单或新建</option>",
				"<option value=\"opinion.phone.reveal\">查看群众完整电话</option>",
				"<option value=\"VIEW_PERSONAL_DATA\">查看代表完整电话</option>");
		assertThat(county.get("/admin/audit?action=LOGIN").body())
			.contains("<option value=\"LOGIN\" selected=\"selected\">登录</option>");
	}

}
