package cn.deputylink.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import cn.deputylink.account.Accounts;
import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.UserAccount;
import cn.deputylink.support.Api;

/** What the proposal tests need of the demo county: deputies with accounts, units. */
final class ProposalFixtures {

	static final String PASSWORD = "Start#2026xy";

	private static final AtomicInteger SEQ = new AtomicInteger();

	private ProposalFixtures() {
	}

	/** A new deputy at {@code stationId} with an account; its id and username. */
	record Deputy(long id, String username) {

		Api api(int port) {
			return Api.as(port, username, PASSWORD);
		}
	}

	static Deputy deputy(Api county, long stationId) {
		int n = SEQ.incrementAndGet();
		Api.Response r = county.post("/api/v1/deputies",
				Api.json(Map.of("name", "建议代表" + n + "_" + System.nanoTime() % 100000, "levels", List.of("TOWNSHIP"),
						"stationIds", List.of(stationId))));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		long d = r.id();
		String username = "pdep" + d + "_" + n;
		Api.Response u = county.post("/api/v1/users", Api.json(Map.of("username", username, "password", PASSWORD,
				"displayName", "代表" + d, "role", "DEPUTY", "deputyId", d)));
		assertThat(u.status()).as(u.body()).isEqualTo(201);
		return new Deputy(d, username);
	}

	/** A new active county-tier unit. */
	static long department(Api county) {
		Api.Response r = county.post("/api/v1/departments", Api
			.json(Map.of("name", "建议承办" + SEQ.incrementAndGet() + "_" + System.nanoTime() % 100000, "tier", "COUNTY")));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.id();
	}

	/** A handler account of a unit. */
	static Api handler(int port, Api county, long departmentId) {
		String username = "phandler" + departmentId + "_" + SEQ.incrementAndGet();
		Api.Response u = county.post("/api/v1/users", Api.json(Map.of("username", username, "password", PASSWORD,
				"displayName", "承办人" + departmentId, "role", "DEPARTMENT_HANDLER", "departmentId", departmentId)));
		assertThat(u.status()).as(u.body()).isEqualTo(201);
		return Api.as(port, username, PASSWORD);
	}

	static CurrentUser user(Accounts accounts, String username) {
		UserAccount a = accounts.findByUsername(username).orElseThrow();
		return new CurrentUser(a.id(), a.username(), a.displayName(), a.role(), a.townshipId(), a.stationId(),
				a.deputyId(), a.departmentId(), false, false, null, true, false);
	}

	/** A proposal of the deputy, submitted, registered and assigned to a new unit. */
	record Assigned(long id, long unit, Api handler) {
	}

	static Assigned assigned(int port, Api county, Api deputy, long leadDeputy, String title) {
		Api.Response d = deputy.post("/api/v1/proposals", draft(title, leadDeputy, List.of(), List.of(), "SESSION"));
		assertThat(d.status()).as(d.body()).isEqualTo(201);
		long id = d.id();
		assertThat(deputy.post("/api/v1/proposals/" + id + "/submit", "{}").status()).isEqualTo(200);
		assertThat(county.post("/api/v1/proposals/" + id + "/register", "{}").status()).isEqualTo(200);
		long unit = department(county);
		Api.Response a = county.post("/api/v1/proposals/" + id + "/assign",
				Api.json(Map.of("leadDepartmentId", unit, "coDepartmentIds", List.of())));
		assertThat(a.status()).as(a.body()).isEqualTo(200);
		return new Assigned(id, unit, handler(port, county, unit));
	}

	static String draft(String title, long lead, List<Long> coSigners, List<Long> opinions, String period) {
		return Api.json(Map.of("title", title, "content", "建议内容：" + title, "leadDeputyId", lead, "coSignerIds",
				coSigners, "opinionIds", opinions, "period", period, "publicConsent", true));
	}

}
