package cn.deputylink.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import cn.deputylink.account.Accounts;
import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.UserAccount;
import cn.deputylink.support.Api;

/** What the pairing and "三个一" tests set up through the API. */
final class PairingFixtures {

	private static final AtomicInteger SEQ = new AtomicInteger();

	private PairingFixtures() {
	}

	static long first(Api.Response r) {
		return r.json().get("items").get(0).get("id").asLong();
	}

	/** A new deputy attached to {@code stationId}, with a phone when given. */
	static long deputy(Api county, long stationId, String phone) {
		Map<String, Object> body = phone == null
				? Map.of("name", "测试代表" + SEQ.incrementAndGet(), "levels", List.of("TOWNSHIP"), "stationIds",
						List.of(stationId))
				: Map.of("name", "测试代表" + SEQ.incrementAndGet(), "levels", List.of("TOWNSHIP"), "phone", phone,
						"stationIds", List.of(stationId));
		Api.Response r = county.post("/api/v1/deputies", Api.json(body));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.id();
	}

	static long household(Api api, long villageId, String name) {
		Api.Response r = api.post("/api/v1/poverty-households",
				Api.json(Map.of("name", name, "villageId", villageId, "situation", "因病致贫")));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.id();
	}

	static void pair(Api api, long household, long deputy, String start) {
		Api.Response r = api.post("/api/v1/poverty-households/" + household + "/pairings",
				Api.json(Map.of("deputyIds", List.of(deputy), "startDate", start)));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
	}

	static long help(Api api, long household, long deputy, String date) {
		Api.Response r = api.post("/api/v1/poverty-households/" + household + "/help",
				Api.json(Map.of("date", date, "deputyIds", List.of(deputy), "title", "送去慰问品")));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("activityId").asLong();
	}

	static CurrentUser user(Accounts accounts, String username) {
		UserAccount a = accounts.findByUsername(username).orElseThrow();
		return new CurrentUser(a.id(), a.username(), a.displayName(), a.role(), a.townshipId(), a.stationId(),
				a.deputyId(), a.departmentId(), false, false, null, true, false);
	}

}
