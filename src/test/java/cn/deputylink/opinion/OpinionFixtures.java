package cn.deputylink.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.JsonNode;

import cn.deputylink.support.Api;

/** Demo-county facts and shortcuts the opinion tests share. */
final class OpinionFixtures {

	final int port;

	final Api county;

	final Api township;

	final Api liaison;

	final Api department;

	final Api deputy;

	final long townshipId;

	final long stationId;

	final long departmentId;

	final long villageId;

	OpinionFixtures(int port) {
		this.port = port;
		this.county = Api.as(port, "county");
		this.township = Api.as(port, "township");
		this.liaison = Api.as(port, "liaison");
		this.department = Api.as(port, "department");
		this.deputy = Api.as(port, "deputy");
		this.townshipId = township.get("/api/v1/me").json().get("townshipId").asLong();
		this.stationId = liaison.get("/api/v1/me").json().get("stationId").asLong();
		this.departmentId = department.get("/api/v1/me").json().get("departmentId").asLong();
		this.villageId = county.get("/api/v1/villages?townshipId=" + townshipId)
			.json()
			.get("items")
			.get(0)
			.get("id")
			.asLong();
	}

	static String unique(String prefix) {
		return prefix + ThreadLocalRandom.current().nextInt(100_000_000);
	}

	/**
	 * A new county-tier department competent for every category, and a handler account
	 * for it.
	 */
	record Unit(long id, Api handler) {
	}

	Unit newCountyDepartment() {
		List<String> codes = county.get("/api/v1/categories")
			.json()
			.valueStream()
			.map(c -> c.get("code").asString())
			.toList();
		var d = county.post("/api/v1/departments",
				Api.json(Map.of("name", unique("县测试局"), "tier", "COUNTY", "categoryCodes", codes)));
		assertThat(d.status()).as(d.body()).isEqualTo(201);
		String username = unique("h");
		var u = county.post("/api/v1/users",
				Api.json(Map.of("username", username, "password", "Start#2026xy", "displayName", "测试承办人", "role",
						"DEPARTMENT_HANDLER", "departmentId", d.id(), "mustChangePassword", false)));
		assertThat(u.status()).as(u.body()).isEqualTo(201);
		return new Unit(d.id(), Api.as(port, username, "Start#2026xy"));
	}

	/** A fresh opinion registered by the liaison officer in the demo township. */
	long submitted(String content) {
		var r = liaison.post("/api/v1/opinions",
				Api.json(Map.of("source", "RECEPTION", "stationId", stationId, "villageId", villageId, "content",
						content, "constituent", Map.of("name", "王小明", "phone", "13812345678", "anonymous", false))));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.id();
	}

	long triaged(String content) {
		return triaged(content, "TOWNSHIP");
	}

	/** Triaged at this tier: a county bureau takes only county-tier cases. */
	long triaged(String content, String tier) {
		long id = submitted(content);
		ok(township.post("/api/v1/opinions/" + id + "/triage",
				Api.json(Map.of("categoryCode", "RURAL_INFRASTRUCTURE", "tier", tier))));
		return id;
	}

	long assigned(String content) {
		long id = triaged(content);
		ok(township.post("/api/v1/opinions/" + id + "/assign",
				Api.json(Map.of("departmentId", departmentId, "note", "由镇政府办理"))));
		return id;
	}

	long inProgress(String content) {
		long id = assigned(content);
		ok(department.post("/api/v1/opinions/" + id + "/accept", ""));
		return id;
	}

	long replied(String content) {
		long id = inProgress(content);
		ok(department.post("/api/v1/opinions/" + id + "/reply",
				Api.json(Map.of("content", "已修复", "outcome", "RESOLVED"))));
		return id;
	}

	JsonNode get(long id) {
		var r = county.get("/api/v1/opinions/" + id);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r.json();
	}

	String code(long id) {
		return get(id).get("trackingCode").asString();
	}

	static Api.Response ok(Api.Response r) {
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		return r;
	}

}
