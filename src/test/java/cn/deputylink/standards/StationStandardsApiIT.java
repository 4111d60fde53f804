package cn.deputylink.standards;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.deputylink.support.Api;
import cn.deputylink.support.Images;
import cn.deputylink.support.IntegrationTest;
import cn.deputylink.support.Multipart;

import tools.jackson.databind.JsonNode;

/**
 * The standards API: an inspection recorded, the station's status and the gaps it leaves;
 * every role's scope; incomplete results writing nothing; stale item versions; photos
 * under the attachment rules.
 */
@IntegrationTest
class StationStandardsApiIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api county;

	Api township;

	Api township2;

	Api liaison;

	long ownStation;

	long ownTownship;

	long otherStation;

	long otherTownship;

	@BeforeEach
	void setUp() {
		county = Api.as(port, "county");
		township = Api.as(port, "township");
		township2 = Api.as(port, "township2");
		liaison = Api.as(port, "liaison");
		JsonNode me = liaison.get("/api/v1/me").json();
		ownStation = me.get("stationId").asLong();
		ownTownship = me.get("townshipId").asLong();
		long t2 = township2.get("/api/v1/me").json().get("townshipId").asLong();
		JsonNode other = county.get("/api/v1/stations?limit=500&townshipId=" + t2)
			.json()
			.get("items")
			.valueStream()
			.filter(s -> s.get("active").asBoolean())
			.findFirst()
			.orElseThrow();
		otherStation = other.get("id").asLong();
		otherTownship = other.get("townshipId").asLong();
		assertThat(otherTownship).isNotEqualTo(ownTownship);
	}

	private List<JsonNode> activeItems() {
		Api.Response r = county.get("/api/v1/standards/items");
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json().valueStream().filter(i -> i.get("active").asBoolean()).toList();
	}

	/** All active items MET but those given. */
	private Map<String, Object> inspection(long station, Map<String, String> results) {
		List<Map<String, Object>> rs = new ArrayList<>();
		for (JsonNode i : activeItems()) {
			String code = i.get("code").asString();
			Map<String, Object> r = new HashMap<>();
			r.put("itemId", i.get("id").asLong());
			r.put("result", results.getOrDefault(code, "MET"));
			r.put("note", results.containsKey(code) ? "缺" + code : "");
			rs.add(r);
		}
		return Map.of("stationId", station, "inspectedOn", today().toString(), "note", "例行检查", "results", rs);
	}

	private static LocalDate today() {
		return LocalDate.now(ZoneId.of("Asia/Shanghai"));
	}

	private JsonNode status(Api as, long station) {
		Api.Response r = as.get("/api/v1/standards/stations");
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json()
			.get("items")
			.valueStream()
			.filter(s -> s.get("stationId").asLong() == station)
			.findFirst()
			.orElseThrow();
	}

	private int inspections() {
		return jdbc.sql("select count(*) from standard_inspection").query(Integer.class).single();
	}

	@Test
	void anInspectionSetsTheStatusAndTheGaps() {
		List<JsonNode> items = activeItems();
		BigDecimal total = items.stream()
			.map(i -> i.get("points").decimalValue())
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal phone = points(items, "IMP_PHONE");
		BigDecimal cabinet = points(items, "IMP_CABINET");
		BigDecimal expected = total.subtract(phone)
			.subtract(cabinet.divide(BigDecimal.valueOf(2)))
			.multiply(BigDecimal.valueOf(100))
			.divide(total, 1, RoundingMode.HALF_UP);
		Api.Response created = county.post("/api/v1/standards/inspections",
				Api.json(inspection(ownStation, Map.of("IMP_PHONE", "NOT_MET", "IMP_CABINET", "PARTLY"))));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode c = created.json();
		assertThat(c.get("score").decimalValue()).isEqualByComparingTo(expected);
		// the default checklist: 100 points, phone 3 and cabinet 3 → 95.5
		if (total.compareTo(BigDecimal.valueOf(100)) == 0) {
			assertThat(expected).isEqualByComparingTo("95.5");
		}
		assertThat(c.get("status").asString()).isEqualTo("UP_TO_STANDARD");
		assertThat(c.get("results").size()).isEqualTo(items.size());

		JsonNode s = status(township, ownStation);
		assertThat(s.get("state").asString()).isEqualTo("UP_TO_STANDARD");
		assertThat(s.get("latestScore").decimalValue()).isEqualByComparingTo(expected);
		assertThat(s.get("latestInspectionId").asLong()).isEqualTo(created.id());
		assertThat(s.get("latestOn").asString()).isEqualTo(today().toString());

		Api.Response gaps = county.get("/api/v1/standards/gaps?townshipId=" + ownTownship);
		assertThat(gaps.status()).as(gaps.body()).isEqualTo(200);
		List<String> here = gaps.json()
			.get("items")
			.valueStream()
			.filter(g -> g.get("stationId").asLong() == ownStation)
			.map(g -> g.get("itemCode").asString() + "=" + g.get("result").asString())
			.toList();
		assertThat(here).containsExactlyInAnyOrder("IMP_PHONE=NOT_MET", "IMP_CABINET=PARTLY");
		assertThat(gaps.json().get("items").valueStream().allMatch(g -> g.get("townshipId").asLong() == ownTownship))
			.isTrue();
		Api.Response clears = county.get("/api/v1/standards/gaps?townshipId=" + ownTownship + "&group=TWO_CLEARS");
		assertThat(clears.json().get("items").valueStream().noneMatch(g -> g.get("stationId").asLong() == ownStation))
			.isTrue();

		// a later inspection with a required item not met: not up to standard, its gaps
		// replace the earlier ones
		Api.Response second = county.post("/api/v1/standards/inspections",
				Api.json(inspection(ownStation, Map.of("CLEAR_TIME", "NOT_MET"))));
		assertThat(second.status()).as(second.body()).isEqualTo(201);
		assertThat(second.json().get("status").asString()).isEqualTo("NOT_UP_TO_STANDARD");
		assertThat(status(county, ownStation).get("state").asString()).isEqualTo("NOT_UP_TO_STANDARD");
		assertThat(county.get("/api/v1/standards/gaps?townshipId=" + ownTownship)
			.json()
			.get("items")
			.valueStream()
			.filter(g -> g.get("stationId").asLong() == ownStation)
			.map(g -> g.get("itemCode").asString())
			.toList()).containsExactly("CLEAR_TIME");
		Api.Response list = liaison.get("/api/v1/standards/stations/" + ownStation + "/inspections");
		assertThat(list.json().get(0).get("id").asLong()).isEqualTo(second.id());
	}

	private static BigDecimal points(List<JsonNode> items, String code) {
		return items.stream()
			.filter(i -> i.get("code").asString().equals(code))
			.findFirst()
			.orElseThrow()
			.get("points")
			.decimalValue();
	}

	@Test
	void everyRoleSeesAndWritesOnlyItsScope() {
		Api.Response own = township.post("/api/v1/standards/inspections", Api.json(inspection(ownStation, Map.of())));
		assertThat(own.status()).as(own.body()).isEqualTo(201);
		long id = own.id();
		int before = inspections();
		assertThat(
				township.post("/api/v1/standards/inspections", Api.json(inspection(otherStation, Map.of()))).status())
			.isEqualTo(403);
		assertThat(liaison.post("/api/v1/standards/inspections", Api.json(inspection(ownStation, Map.of()))).status())
			.isEqualTo(403);
		assertThat(Api.as(port, "deputy")
			.post("/api/v1/standards/inspections", Api.json(inspection(ownStation, Map.of())))
			.status()).isEqualTo(403);
		assertThat(inspections()).isEqualTo(before);
		assertThat(county.post("/api/v1/standards/inspections", Api.json(inspection(999_999_999L, Map.of()))).status())
			.isEqualTo(404);

		assertThat(liaison.get("/api/v1/standards/inspections/" + id).status()).isEqualTo(200);
		assertThat(county.get("/api/v1/standards/inspections/" + id).status()).isEqualTo(200);
		assertThat(township2.get("/api/v1/standards/inspections/" + id).status()).isEqualTo(403);
		assertThat(Api.as(port, "deputy").get("/api/v1/standards/inspections/" + id).status()).isEqualTo(403);
		assertThat(Api.as(port, "department").get("/api/v1/standards/inspections/" + id).status()).isEqualTo(403);
		assertThat(county.get("/api/v1/standards/inspections/999999999").status()).isEqualTo(404);

		for (String role : List.of("deputy", "department")) {
			assertThat(Api.as(port, role).get("/api/v1/standards/stations").status()).as(role).isEqualTo(403);
			assertThat(Api.as(port, role).get("/api/v1/standards/gaps").status()).as(role).isEqualTo(403);
		}
		List<Long> liaisonSees = liaison.get("/api/v1/standards/stations")
			.json()
			.get("items")
			.valueStream()
			.map(s -> s.get("stationId").asLong())
			.toList();
		assertThat(liaisonSees).containsExactly(ownStation);
		assertThat(township.get("/api/v1/standards/stations")
			.json()
			.get("items")
			.valueStream()
			.allMatch(s -> s.get("townshipId").asLong() == ownTownship)).isTrue();
		assertThat(township.get("/api/v1/standards/stations?townshipId=" + otherTownship).status()).isEqualTo(403);
		assertThat(township.get("/api/v1/standards/gaps?townshipId=" + otherTownship).status()).isEqualTo(403);
		List<Long> countySees = county.get("/api/v1/standards/stations")
			.json()
			.get("items")
			.valueStream()
			.map(s -> s.get("stationId").asLong())
			.toList();
		assertThat(countySees).contains(ownStation, otherStation);
		assertThat(liaison.get("/api/v1/standards/stations/" + otherStation + "/inspections").status()).isEqualTo(403);
	}

	@Test
	void incompleteResultsAreRefusedAndWriteNothing() {
		Map<String, Object> body = new HashMap<>(inspection(ownStation, Map.of()));
		@SuppressWarnings("unchecked")
		List<Object> results = new ArrayList<>((List<Object>) body.get("results"));
		results.remove(results.size() - 1);
		body.put("results", results);
		int before = inspections();
		int resultsBefore = jdbc.sql("select count(*) from standard_inspection_result").query(Integer.class).single();
		Api.Response r = county.post("/api/v1/standards/inspections", Api.json(body));
		assertThat(r.status()).as(r.body()).isEqualTo(400);
		assertThat(r.body()).contains("results");
		body.put("results", List.of());
		assertThat(county.post("/api/v1/standards/inspections", Api.json(body)).status()).isEqualTo(400);
		Map<String, Object> future = new HashMap<>(inspection(ownStation, Map.of()));
		future.put("inspectedOn", today().plusDays(1).toString());
		assertThat(county.post("/api/v1/standards/inspections", Api.json(future)).status()).isEqualTo(400);
		assertThat(inspections()).isEqualTo(before);
		assertThat(jdbc.sql("select count(*) from standard_inspection_result").query(Integer.class).single())
			.isEqualTo(resultsBefore);
	}

	@Test
	void theCountyEditsTheChecklistAndAStaleVersionIsAConflict() {
		String code = "TEST_" + System.nanoTime();
		Map<String, Object> add = Map.of("code", code, "group", "THREE_IMPLEMENTS", "name", "饮水机", "points",
				new BigDecimal("2.5"), "required", false, "position", 999);
		Api.Response refused = township.post("/api/v1/standards/items", Api.json(add));
		assertThat(refused.status()).as(refused.body()).isEqualTo(403);
		Api.Response created = county.post("/api/v1/standards/items", Api.json(add));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.id();
		assertThat(created.json().get("version").asInt()).isZero();
		assertThat(county.post("/api/v1/standards/items", Api.json(add)).status()).isEqualTo(400);
		Api.Response edited = county.put("/api/v1/standards/items/" + id, Api.json(Map.of("name", "饮水设备", "points",
				new BigDecimal("4"), "required", false, "position", 999, "active", true, "version", 0)));
		assertThat(edited.status()).as(edited.body()).isEqualTo(200);
		assertThat(edited.json().get("points").decimalValue()).isEqualByComparingTo("4.0");
		assertThat(edited.json().get("version").asInt()).isEqualTo(1);
		Api.Response stale = county.put("/api/v1/standards/items/" + id,
				Api.json(Map.of("name", "别的", "points", new BigDecimal("1"), "position", 999, "version", 0)));
		assertThat(stale.status()).as(stale.body()).isEqualTo(409);
		assertThat(county
			.put("/api/v1/standards/items/" + id,
					Api.json(Map.of("name", "别的", "points", new BigDecimal("101"), "version", 1)))
			.status()).isEqualTo(400);
		assertThat(county
			.put("/api/v1/standards/items/" + id,
					Api.json(Map.of("name", " ", "points", new BigDecimal("1"), "version", 1)))
			.status()).isEqualTo(400);
		assertThat(township
			.put("/api/v1/standards/items/" + id,
					Api.json(Map.of("name", "别的", "points", new BigDecimal("1"), "version", 1)))
			.status()).isEqualTo(403);
		assertThat(county
			.put("/api/v1/standards/items/999999999",
					Api.json(Map.of("name", "别的", "points", new BigDecimal("1"), "version", 1)))
			.status()).isEqualTo(404);
		// the new item is part of an inspection now; then deactivated, it is no longer
		// asked
		assertThat(activeItems().stream().anyMatch(i -> i.get("id").asLong() == id)).isTrue();
		Api.Response deactivated = county.put("/api/v1/standards/items/" + id, Api.json(
				Map.of("name", "饮水设备", "points", new BigDecimal("4"), "position", 999, "active", false, "version", 1)));
		assertThat(deactivated.status()).as(deactivated.body()).isEqualTo(200);
		assertThat(activeItems().stream().noneMatch(i -> i.get("id").asLong() == id)).isTrue();
		assertThat(county.get("/api/v1/standards/items").json().valueStream().anyMatch(i -> i.get("id").asLong() == id))
			.isTrue();
	}

	@Test
	void photosMustBeWholeImagesAndFollowTheInspectionsReaders() {
		long id = county.post("/api/v1/standards/inspections", Api.json(inspection(ownStation, Map.of()))).id();
		String url = "/api/v1/standards/inspections/" + id + "/photos";
		Api.Response exe = county.post(url,
				new Multipart().file("file", "photo.jpg", "MZ not a photo".getBytes(StandardCharsets.US_ASCII)));
		assertThat(exe.status()).as(exe.body()).isEqualTo(400);
		Api.Response pdf = county.post(url,
				new Multipart().file("file", "a.pdf", "%PDF-1.7\n%%EOF".getBytes(StandardCharsets.US_ASCII)));
		assertThat(pdf.status()).isEqualTo(400);
		assertThat(county.post(url + "?itemId=999999999", new Multipart().file("file", "a.png", Images.png())).status())
			.isEqualTo(400);
		assertThat(township2.post(url, new Multipart().file("file", "a.png", Images.png())).status()).isEqualTo(403);
		assertThat(liaison.post(url, new Multipart().file("file", "a.png", Images.png())).status()).isEqualTo(403);
		long phoneItem = activeItems().stream()
			.filter(i -> i.get("code").asString().equals("IMP_PHONE"))
			.findFirst()
			.orElseThrow()
			.get("id")
			.asLong();
		Api.Response ok = township.post(url + "?itemId=" + phoneItem,
				new Multipart().file("file", "电话.png", Images.png()));
		assertThat(ok.status()).as(ok.body()).isEqualTo(201);
		JsonNode photos = ok.json().get("photos");
		assertThat(photos.size()).isEqualTo(1);
		assertThat(photos.get(0).get("contentType").asString()).isEqualTo("image/png");
		assertThat(photos.get(0).get("itemId").asLong()).isEqualTo(phoneItem);
		String photo = url + "/" + photos.get(0).get("id").asLong();
		Api.Response img = liaison.get(photo);
		assertThat(img.status()).isEqualTo(200);
		assertThat(img.contentType()).isEqualTo("image/png");
		assertThat(township2.get(photo).status()).isEqualTo(403);
		assertThat(Api.as(port, "deputy").get(photo).status()).isEqualTo(403);
		assertThat(county.get(url + "/999999999").status()).isEqualTo(404);
	}

}
