package cn.deputylink.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import cn.deputylink.account.Accounts;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.PersonalDataCipher;
import cn.deputylink.support.Api;
import cn.deputylink.support.IntegrationTest;

/**
 * The poverty-aid pairing register through the API: names masked in lists, the ID number
 * encrypted at rest and masked in every answer, scope, every bad field a 400, a stale
 * version 409, pairings and help.
 */
@IntegrationTest
class PairingsIT {

	private static final String ID = "430521198803154417";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	ActivityRecording recording;

	@Autowired
	Accounts accounts;

	Api county;

	Api township;

	Api deputy;

	long own;

	long other;

	long ownVillage;

	long otherVillage;

	long ownStation;

	long otherStation;

	String today;

	@BeforeEach
	void setUp() {
		county = Api.as(port, "county");
		township = Api.as(port, "township");
		deputy = Api.as(port, "deputy");
		own = township.get("/api/v1/me").json().get("townshipId").asLong();
		other = county.get("/api/v1/townships?q=T02").json().get("items").get(0).get("id").asLong();
		ownVillage = PairingFixtures.first(county.get("/api/v1/villages?townshipId=" + own));
		otherVillage = PairingFixtures.first(county.get("/api/v1/villages?townshipId=" + other));
		ownStation = Api.as(port, "liaison").get("/api/v1/me").json().get("stationId").asLong();
		otherStation = PairingFixtures.first(county.get("/api/v1/stations?townshipId=" + other));
		today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
	}

	@Test
	void theNameIsMaskedInListsAndTheIdNumberEncryptedAtRestAndMaskedEverywhere() {
		Api.Response created = township.post("/api/v1/poverty-households",
				Api.json(Map.of("name", "欧阳秀英", "villageId", ownVillage, "situation", "独居老人", "idNumber", ID)));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.id();
		assertThat(created.json().get("idNumber").asString()).isEqualTo("4305**********4417");
		assertThat(created.body()).doesNotContain(ID);

		String raw = jdbc.sql("select id_number_cipher from poverty_household where id = ?")
			.param(id)
			.query(String.class)
			.single();
		assertThat(raw).isNotEqualTo(ID).doesNotContain(ID).doesNotContain("198803");
		assertThat(cipher.decrypt(raw)).isEqualTo(ID);

		Api.Response list = township.get("/api/v1/poverty-households?villageId=" + ownVillage + "&limit=500");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("欧***").doesNotContain("欧阳秀英").doesNotContain(ID);
		Api.Response detail = township.get("/api/v1/poverty-households/" + id);
		assertThat(detail.json().get("household").get("name").asString()).isEqualTo("欧阳秀英");
		assertThat(detail.body()).doesNotContain(ID);

		// an edit without an ID number keeps the stored one
		Api.Response edited = township.put("/api/v1/poverty-households/" + id,
				Api.json(Map.of("name", "欧阳秀英", "situation", "独居老人，已纳入低保", "version", 0)));
		assertThat(edited.status()).as(edited.body()).isEqualTo(200);
		assertThat(edited.json().get("version").asInt()).isEqualTo(1);
		assertThat(cipher.decrypt(jdbc.sql("select id_number_cipher from poverty_household where id = ?")
			.param(id)
			.query(String.class)
			.single())).isEqualTo(ID);
	}

	@Test
	void everyBadFieldIs400AndChangesNothing() {
		int before = count();
		Map<String, Map<String, Object>> cases = new HashMap<>();
		cases.put("name", Map.of("villageId", ownVillage));
		cases.put("name ", Map.of("name", "张".repeat(51), "villageId", ownVillage));
		cases.put("villageId", Map.of("name", "张三"));
		cases.put("villageId ", Map.of("name", "张三", "villageId", 99_999_999));
		cases.put("situation", Map.of("name", "张三", "villageId", ownVillage, "situation", "情".repeat(2001)));
		cases.put("idNumber", Map.of("name", "张三", "villageId", ownVillage, "idNumber", "12345"));
		cases.forEach((field, body) -> {
			Api.Response r = township.post("/api/v1/poverty-households", Api.json(body));
			assertThat(r.status()).as(field + " " + r.body()).isEqualTo(400);
			assertThat(r.contentType()).startsWith("application/problem+json");
			assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo(field.strip());
		});
		assertThat(township.post("/api/v1/poverty-households", "{\"name\": \"张三\", \"villageId\": \"abc\"}").status())
			.isEqualTo(400);
		assertThat(township.post("/api/v1/poverty-households", "{not json").status()).isEqualTo(400);
		assertThat(count()).isEqualTo(before);
	}

	private int count() {
		return jdbc.sql("select count(*) from poverty_household").query(Integer.class).single();
	}

	@Test
	void aStaleVersionIs409() {
		long id = PairingFixtures.household(township, ownVillage, "王五");
		String edit = Api.json(Map.of("name", "王五", "situation", "新情况", "version", 0));
		assertThat(township.put("/api/v1/poverty-households/" + id, edit).status()).isEqualTo(200);
		Api.Response stale = township.put("/api/v1/poverty-households/" + id, edit);
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.contentType()).startsWith("application/problem+json");
		// no move to another village, no missing version
		assertThat(township
			.put("/api/v1/poverty-households/" + id,
					Api.json(Map.of("name", "王五", "villageId", ownVillage + 1000, "version", 1)))
			.status()).isEqualTo(400);
		assertThat(township.put("/api/v1/poverty-households/" + id, Api.json(Map.of("name", "王五"))).status())
			.isEqualTo(400);
	}

	@Test
	void scopeByTownshipAndByPairing() {
		long mine = PairingFixtures.household(township, ownVillage, "赵六");
		long theirs = PairingFixtures.household(county, otherVillage, "钱七");
		assertThat(
				township.post("/api/v1/poverty-households", Api.json(Map.of("name", "孙八", "villageId", otherVillage)))
					.status())
			.isEqualTo(403);
		assertThat(township.get("/api/v1/poverty-households/" + theirs).status()).isEqualTo(403);
		assertThat(township.get("/api/v1/poverty-households?limit=500").body())
			.doesNotContain("\"id\":" + theirs + ",");
		assertThat(deputy.post("/api/v1/poverty-households", Api.json(Map.of("name", "孙八", "villageId", ownVillage)))
			.status()).isEqualTo(403);
		Api department = Api.as(port, "department");
		assertThat(department.get("/api/v1/poverty-households").status()).isEqualTo(403);
		assertThat(county.get("/api/v1/poverty-households/99999999").status()).isEqualTo(404);

		// a deputy reads only the households it is paired with
		long me = deputy.get("/api/v1/me").json().get("deputyId").asLong();
		assertThat(deputy.get("/api/v1/poverty-households/" + mine).status()).isEqualTo(403);
		PairingFixtures.pair(township, mine, me, today);
		assertThat(deputy.get("/api/v1/poverty-households/" + mine).status()).isEqualTo(200);
		assertThat(deputy.get("/api/v1/poverty-households?limit=500")
			.json()
			.get("items")
			.valueStream()
			.map(h -> h.get("id").asLong())
			.toList()).contains(mine).doesNotContain(theirs);
		assertThat(deputy
			.post("/api/v1/poverty-households/" + mine + "/help",
					Api.json(Map.of("date", today, "deputyIds", List.of(me), "title", "帮扶")))
			.status()).isEqualTo(403);
	}

	@Test
	void pairingsStartEndAndRefuseDuplicatesAndOtherTownshipsDeputies() {
		long h = PairingFixtures.household(township, ownVillage, "周九");
		long d = PairingFixtures.deputy(county, ownStation, null);
		long otherDeputy = PairingFixtures.deputy(county, otherStation, null);
		String path = "/api/v1/poverty-households/" + h + "/pairings";
		Api.Response paired = township.post(path, Api.json(Map.of("deputyIds", List.of(d))));
		assertThat(paired.status()).as(paired.body()).isEqualTo(201);
		assertThat(paired.json().get(0).get("startDate").asString()).isEqualTo(today);
		assertThat(township.post(path, Api.json(Map.of("deputyIds", List.of(d)))).status()).isEqualTo(409);
		assertThat(township.post(path, Api.json(Map.of("deputyIds", List.of(99_999_999)))).status()).isEqualTo(400);
		assertThat(township.post(path, Api.json(Map.of("deputyIds", List.of()))).status()).isEqualTo(400);
		assertThat(township.post(path, Api.json(Map.of("deputyIds", List.of(d), "startDate", "2999-01-01"))).status())
			.isEqualTo(400);
		assertThat(township.post(path, Api.json(Map.of("deputyIds", List.of(otherDeputy)))).status()).isEqualTo(403);
		// the county pairs anyone
		assertThat(county.post(path, Api.json(Map.of("deputyIds", List.of(otherDeputy)))).status()).isEqualTo(201);

		long pairing = paired.json().get(0).get("id").asLong();
		String end = path + "/" + pairing + "/end";
		assertThat(township.post(end, Api.json(Map.of("version", 5))).status()).isEqualTo(409);
		assertThat(township.post(end, Api.json(Map.of("endDate", "2000-01-01", "version", 0))).status()).isEqualTo(400);
		Api.Response ended = township.post(end, Api.json(Map.of("version", 0)));
		assertThat(ended.status()).as(ended.body()).isEqualTo(200);
		assertThat(ended.json().get("endDate").asString()).isEqualTo(today);
		assertThat(township.post(end, Api.json(Map.of("version", 1))).status()).isEqualTo(409);
		assertThat(township.post(path + "/99999999/end", Api.json(Map.of("version", 0))).status()).isEqualTo(404);
		// paired again after the end: a new pairing
		assertThat(township.post(path, Api.json(Map.of("deputyIds", List.of(d)))).status()).isEqualTo(201);
		assertThat(county.get("/api/v1/poverty-households/" + h).json().get("pairings").size()).isEqualTo(3);
	}

	@Test
	void helpIsAPovertyAidActivityLinkedToTheHousehold() {
		long h = PairingFixtures.household(township, ownVillage, "吴十");
		long d = PairingFixtures.deputy(county, ownStation, null);
		PairingFixtures.pair(township, h, d, today);
		long activity = PairingFixtures.help(township, h, d, today);
		var row = jdbc.sql("select type, household_id, township_id, status from activity where id = ?")
			.param(activity)
			.query((rs, i) -> List.of(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4)))
			.single();
		assertThat(row).containsExactly("POVERTY_AID", h, own, "RECORDED");
		Api.Response detail = township.get("/api/v1/poverty-households/" + h);
		assertThat(detail.json().get("help").get(0).get("activityId").asLong()).isEqualTo(activity);
		assertThat(detail.json().get("help").get(0).get("deputyNames").size()).isEqualTo(1);

		String helpPath = "/api/v1/poverty-households/" + h + "/help";
		assertThat(township.post(helpPath, Api.json(Map.of("date", today, "deputyIds", List.of(d)))).status())
			.isEqualTo(400);
		assertThat(
				township.post(helpPath, Api.json(Map.of("date", "2999-01-01", "deputyIds", List.of(d), "title", "x")))
					.status())
			.isEqualTo(400);
		long theirs = PairingFixtures.household(county, otherVillage, "郑一");
		assertThat(township
			.post("/api/v1/poverty-households/" + theirs + "/help",
					Api.json(Map.of("date", today, "deputyIds", List.of(d), "title", "x")))
			.status()).isEqualTo(403);
	}

	@Test
	void recordingChecksTheHouseholdItNames() {
		var countyUser = PairingFixtures.user(accounts, "county");
		var townshipUser = PairingFixtures.user(accounts, "township");
		long d = PairingFixtures.deputy(county, ownStation, null);
		long theirs = PairingFixtures.household(county, otherVillage, "冯二");
		LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		assertThatThrownBy(() -> recording.record(
				new NewActivity(ActivityType.POVERTY_AID, day, null, List.of(d), 0, 1, "帮扶", null, 99_999_999L),
				countyUser))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.errors()).extracting(InvalidInputException.FieldError::field)
						.containsExactly("householdId"));
		assertThatThrownBy(() -> recording
			.record(new NewActivity(ActivityType.VISIT, day, null, List.of(d), 0, 1, "走访", null, theirs), countyUser))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> recording.record(
				new NewActivity(ActivityType.POVERTY_AID, day, ownStation, List.of(d), 0, 1, "帮扶", null, theirs),
				townshipUser))
			.isInstanceOf(AccessDeniedException.class);
		// the county records help without a station: the township is the household's
		long id = recording.record(
				new NewActivity(ActivityType.POVERTY_AID, day, null, List.of(d), 0, 1, "帮扶", null, theirs), countyUser);
		assertThat(jdbc.sql("select township_id from activity where id = ?").param(id).query(Long.class).single())
			.isEqualTo(other);
	}

}
