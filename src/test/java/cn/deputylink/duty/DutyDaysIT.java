package cn.deputylink.duty;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.deputylink.support.Api;
import cn.deputylink.support.IntegrationTest;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import tools.jackson.databind.JsonNode;

/**
 * Duty days through the HTTP API: planning with rotation, publication and its lead time,
 * changes after publication (SEQUENCE and notices), the iCalendar feeds parsed with
 * ical4j (not the library that writes them), the reception form flowing into the
 * RECEPTION activity and the opinion intake, swaps, unavailability, bad input and scope.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DutyDaysIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Api liaison;

	Api deputy;

	long station;

	long deputyId;

	List<Long> stationDeputies;

	@BeforeAll
	void setUp() {
		liaison = Api.as(port, "liaison");
		deputy = Api.as(port, "deputy");
		station = liaison.get("/api/v1/me").json().get("stationId").asLong();
		deputyId = deputy.get("/api/v1/me").json().get("deputyId").asLong();
		stationDeputies = new ArrayList<>();
		liaison.get("/api/v1/stations/" + station)
			.json()
			.get("deputyIds")
			.forEach(n -> stationDeputies.add(n.asLong()));
		assertThat(stationDeputies).contains(deputyId).hasSizeGreaterThanOrEqualTo(3);
	}

	private JsonNode plan(int year, int month, List<String> days, boolean publish) {
		Api.Response r = liaison.post("/api/v1/stations/" + station + "/duty-plan",
				Api.json(Map.of("year", year, "month", month, "days", days, "publish", publish)));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.json().get("items");
	}

	private static List<Long> ids(JsonNode array) {
		List<Long> out = new ArrayList<>();
		array.forEach(n -> out.add(n.asLong()));
		return out;
	}

	static Calendar parse(String ics) throws Exception {
		return new CalendarBuilder().build(new StringReader(ics));
	}

	static Optional<Component> event(Calendar c, String uid) {
		return c.getComponents()
			.stream()
			.filter(x -> x.getName().equals(Component.VEVENT))
			.map(x -> (Component) x)
			.filter(x -> value(x, Property.UID).equals(uid))
			.findFirst();
	}

	static String value(Component c, String property) {
		return c.getProperties()
			.stream()
			.filter(p -> p.getName().equals(property))
			.map(p -> ((Property) p).getValue())
			.findFirst()
			.orElse("");
	}

	@Test
	void feedsAndPublicPagesOfWhatDoesNotExistAnswerNotFound() {
		Api anonymous = Api.anonymous(port);
		for (String path : List.of("/ical/stations/99999999.ics", "/ical/deputies/no-such-token.ics",
				"/ical/deputies/" + "x".repeat(300) + ".ics", "/public/stations/99999999")) {
			assertThat(anonymous.get(path).status()).as(path).isEqualTo(404);
		}
		// not a number: a bad request, never a server error
		for (String path : List.of("/ical/stations/abc.ics", "/public/stations/abc")) {
			assertThat(anonymous.get(path).status()).as(path).isBetween(400, 404);
		}
	}

	@Test
	void planGivesDraftDaysWithFairlyRotatedDeputies() {
		JsonNode days = plan(2035, 3, List.of("2035-03-05", "2035-03-19"), false);
		assertThat(days).hasSize(2);
		List<Long> first = ids(days.get(0).get("deputyIds"));
		List<Long> second = ids(days.get(1).get("deputyIds"));
		assertThat(days.get(0).get("status").asString()).isEqualTo("DRAFT");
		assertThat(first).hasSize(2);
		assertThat(second).hasSize(2);
		if (stationDeputies.size() >= 4) {
			// a year nobody else plans: the least-used deputies go first, nobody twice
			// before everyone once
			assertThat(first).doesNotContainAnyElementsOf(second);
		}
		JsonNode list = liaison.get("/api/v1/stations/" + station + "/duty-days?from=2035-03-01&to=2035-03-31").json();
		assertThat(list.get("items")).hasSize(2);
		assertThat(list.get("items").get(0).get("date").asString()).isEqualTo("2035-03-05");
		// the same days again: 409
		assertThat(liaison
			.post("/api/v1/stations/" + station + "/duty-plan",
					Api.json(Map.of("year", 2035, "month", 3, "days", List.of("2035-03-05"))))
			.status()).isEqualTo(409);
		// days omitted: the station's setting proposes working days of the month
		JsonNode proposed = plan(2035, 4, List.of(), false);
		assertThat(proposed).hasSize(2);
		proposed.forEach(d -> assertThat(LocalDate.parse(d.get("date").asString()).getDayOfWeek().getValue())
			.isLessThanOrEqualTo(5));
	}

	@Test
	void badInputIs400ForEveryField() {
		String path = "/api/v1/stations/" + station + "/duty-plan";
		assertField(liaison.post(path, "{\"year\":1999,\"month\":3}"), "year");
		assertField(liaison.post(path, "{\"year\":2031,\"month\":13}"), "month");
		assertField(liaison.post(path, "{\"year\":2031,\"month\":5,\"days\":[\"2031-06-01\"]}"), "days[0]");
		assertField(liaison.post(path, "{\"year\":2031,\"month\":5,\"days\":[\"2031-05-02\",\"2031-05-02\"]}"),
				"days[1]");
		assertThat(liaison.post(path, "{\"year\":2031,\"month\":5,\"days\":[\"not a date\"]}").status()).isEqualTo(400);
		assertThat(liaison.post(path, "{\"year\":\"x\",\"month\":5}").status()).isEqualTo(400);
		assertField(liaison.get("/api/v1/stations/" + station + "/duty-days?from=yesterday"), "from");
		assertField(liaison.put("/api/v1/stations/" + station + "/duty-settings",
				"{\"daysPerMonth\":0,\"deputiesPerDay\":2}"), "daysPerMonth");
		assertField(liaison.put("/api/v1/stations/" + station + "/duty-settings",
				"{\"daysPerMonth\":1,\"deputiesPerDay\":99}"), "deputiesPerDay");
		assertField(deputy.post("/api/v1/deputies/" + deputyId + "/unavailability",
				"{\"from\":\"2031-05-10\",\"to\":\"2031-05-01\",\"reason\":\"LEAVE\"}"), "to");
		assertField(deputy.post("/api/v1/deputies/" + deputyId + "/unavailability",
				"{\"from\":\"2031-05-10\",\"to\":\"2031-05-11\"}"), "reason");
		assertThat(deputy
			.post("/api/v1/deputies/" + deputyId + "/unavailability",
					"{\"from\":\"2031-05-10\",\"to\":\"2031-05-11\",\"reason\":\"HOLIDAY\"}")
			.status()).isEqualTo(400);
		// nothing was written
		assertThat(liaison.get("/api/v1/stations/" + station + "/duty-days?from=2031-05-01&to=2031-05-31")
			.json()
			.get("items")).isEmpty();
	}

	static void assertField(Api.Response r, String field) {
		assertThat(r.status()).as(r.body()).isEqualTo(400);
		assertThat(r.contentType()).contains("problem+json");
		List<String> fields = new ArrayList<>();
		r.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
		assertThat(fields).as(r.body()).contains(field);
	}

	@Test
	void publishingTooLateIsRefused() {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		LocalDate soon = today.plusDays(1);
		Api.Response r = liaison.post("/api/v1/stations/" + station + "/duty-plan", Api.json(Map.of("year",
				soon.getYear(), "month", soon.getMonthValue(), "days", List.of(soon.toString()), "publish", true)));
		assertThat(r.status()).as(r.body()).isEqualTo(409);
		assertThat(r.json().get("detail").asString()).isNotBlank();
		// nothing kept
		assertThat(liaison.get("/api/v1/stations/" + station + "/duty-days?from=" + soon + "&to=" + soon)
			.json()
			.get("items")).isEmpty();
	}

	@Test
	void publishedChangesRaiseSequenceNotifyAndShowInTheFeeds() throws Exception {
		JsonNode days = plan(2031, 6, List.of("2031-06-04", "2031-06-18"), false);
		long published = days.get(0).get("id").asLong();
		long draft = days.get(1).get("id").asLong();
		Api.Response p = liaison.post("/api/v1/duty-days/" + published + "/publish",
				Api.json(Map.of("version", days.get(0).get("version").asInt())));
		assertThat(p.status()).as(p.body()).isEqualTo(200);
		assertThat(p.json().get("status").asString()).isEqualTo("PUBLISHED");

		Api.Response feed = Api.anonymous(port).get("/ical/stations/" + station + ".ics");
		assertThat(feed.status()).isEqualTo(200);
		assertThat(feed.contentType()).startsWith("text/calendar").containsIgnoringCase("charset=utf-8");
		Calendar cal = parse(feed.body());
		Component tz = cal.getComponents()
			.stream()
			.filter(c -> c.getName().equals(Component.VTIMEZONE))
			.map(c -> (Component) c)
			.findFirst()
			.orElseThrow();
		assertThat(value(tz, Property.TZID)).isEqualTo("Asia/Shanghai");
		Component event = event(cal, "duty-" + published + "@deputylink").orElseThrow();
		assertThat(event(cal, "duty-" + draft + "@deputylink")).as("draft days stay off the public feed").isEmpty();
		String stationName = liaison.get("/api/v1/stations/" + station).json().get("name").asString();
		assertThat(value(event, Property.SUMMARY)).contains(stationName).contains("接待日");
		assertThat(feed.body()).contains("TZID=Asia/Shanghai");
		int sequence = Integer.parseInt(value(event, Property.SEQUENCE).isEmpty() ? "0" : value(event, "SEQUENCE"));

		// change the deputies: SEQUENCE grows, the deputies who leave and join are told
		JsonNode day = liaison.get("/api/v1/duty-days/" + published).json();
		List<Long> before = ids(day.get("deputyIds"));
		// the demo deputy (the one with an account) leaves or joins the day
		List<Long> after = new ArrayList<>(before);
		if (before.contains(deputyId)) {
			after.remove(deputyId);
			after.add(stationDeputies.stream().filter(d -> !before.contains(d)).findFirst().orElseThrow());
		}
		else {
			after.set(1, deputyId);
		}
		int noticesBefore = notices(deputyId);
		int smsBefore = sms(deputyId);
		assertThat(jdbc.sql("select phone from deputy where id = ?").param(deputyId).query(String.class).single())
			.as("the demo deputy has a phone")
			.isNotBlank();
		Api.Response edit = liaison.put("/api/v1/duty-days/" + published,
				Api.json(Map.of("deputyIds", after, "version", day.get("version").asInt())));
		assertThat(edit.status()).as(edit.body()).isEqualTo(200);
		assertThat(notices(deputyId)).isEqualTo(noticesBefore + 1);
		assertThat(sms(deputyId)).as("the affected deputy also gets an SMS").isEqualTo(smsBefore + 1);
		// a stale version loses
		assertThat(liaison
			.put("/api/v1/duty-days/" + published,
					Api.json(Map.of("deputyIds", before, "version", day.get("version").asInt())))
			.status()).isEqualTo(409);

		Component changed = event(parse(Api.anonymous(port).get("/ical/stations/" + station + ".ics").body()),
				"duty-" + published + "@deputylink")
			.orElseThrow();
		assertThat(Integer.parseInt(value(changed, Property.SEQUENCE))).isGreaterThan(sequence);

		// cancelled: still in the feed, STATUS:CANCELLED, sequence higher again
		Api.Response cancel = liaison.post("/api/v1/duty-days/" + published + "/cancel",
				Api.json(Map.of("version", edit.json().get("version").asInt())));
		assertThat(cancel.status()).as(cancel.body()).isEqualTo(200);
		Component cancelled = event(parse(Api.anonymous(port).get("/ical/stations/" + station + ".ics").body()),
				"duty-" + published + "@deputylink")
			.orElseThrow();
		assertThat(value(cancelled, Property.STATUS)).isEqualTo("CANCELLED");
		assertThat(Integer.parseInt(value(cancelled, Property.SEQUENCE)))
			.isGreaterThan(Integer.parseInt(value(changed, Property.SEQUENCE)));
		// a draft cancelled before anyone saw it never shows
		assertThat(liaison.post("/api/v1/duty-days/" + draft + "/cancel", "{}").status()).isEqualTo(200);
		assertThat(event(parse(Api.anonymous(port).get("/ical/stations/" + station + ".ics").body()),
				"duty-" + draft + "@deputylink"))
			.isEmpty();
	}

	private int sms(long deputy) {
		return jdbc
			.sql("select count(*) from outbox_message where channel = 'SMS' and body like '%2031-06-04%' "
					+ "and recipient_name = (select name from deputy where id = ?)")
			.param(deputy)
			.query(Integer.class)
			.single();
	}

	private int notices(long deputy) {
		return jdbc
			.sql("select count(*) from outbox_message o join app_user u on u.id = o.user_id "
					+ "where o.channel = 'INBOX' and u.deputy_id = :d and o.subject like '%2031-06-04%'")
			.param("d", deputy)
			.query(Integer.class)
			.single();
	}

	@Test
	void aDeputysPrivateFeedWorksUntilRevoked() throws Exception {
		JsonNode days = plan(2031, 7, List.of("2031-07-09"), true);
		long id = days.get(0).get("id").asLong();
		List<Long> on = ids(days.get(0).get("deputyIds"));
		long who = on.contains(deputyId) ? deputyId : on.get(0);
		if (who != deputyId) {
			// put the demo deputy on the day so that its own feed shows it
			liaison.put("/api/v1/duty-days/" + id, Api.json(
					Map.of("deputyIds", List.of(deputyId, on.get(0)), "version", days.get(0).get("version").asInt())));
		}
		Api.Response created = deputy.post("/api/v1/deputies/" + deputyId + "/feed-token", "{}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String url = created.json().get("url").asString();
		Api.Response feed = Api.anonymous(port).get(url);
		assertThat(feed.status()).isEqualTo(200);
		Calendar cal = parse(feed.body());
		assertThat(event(cal, "duty-" + id + "@deputylink")).isPresent();
		assertThat(value(event(cal, "duty-" + id + "@deputylink").orElseThrow(), Property.DESCRIPTION))
			.contains("值班代表");
		// another deputy's token cannot be made by this deputy
		long other = stationDeputies.stream().filter(d -> d != deputyId).findFirst().orElseThrow();
		assertThat(deputy.post("/api/v1/deputies/" + other + "/feed-token", "{}").status()).isEqualTo(403);
		assertThat(deputy.delete("/api/v1/deputies/" + deputyId + "/feed-token").status()).isEqualTo(204);
		assertThat(Api.anonymous(port).get(url).status()).isEqualTo(404);
		assertThat(Api.anonymous(port).get("/ical/deputies/nonsense.ics").status()).isEqualTo(404);
	}

	@Test
	void receptionFlowsIntoTheActivityAndTheOpinions() {
		JsonNode days = plan(2025, 3, List.of("2025-03-12"), false);
		long id = days.get(0).get("id").asLong();
		List<Long> on = ids(days.get(0).get("deputyIds"));
		assertThat(on).hasSize(2);
		Long substitute = stationDeputies.stream().filter(d -> !on.contains(d)).findFirst().orElseThrow();
		String body = Api.json(Map.of("attendance",
				List.of(Map.of("deputyId", on.get(0), "status", "PRESENT"),
						Map.of("deputyId", on.get(1), "status", "SUBSTITUTE", "substituteId", substitute)),
				"constituentsReceived", 12, "version", days.get(0).get("version").asInt(), "opinions",
				List.of(Map.of("content", "村道路灯坏了三个月，晚上出行不便", "constituent", Map.of("anonymous", true)),
						Map.of("content", "低保政策怎么申请", "outcome", "EXPLAINED", "answer", "代表现场讲解了申请条件和流程"))));
		Api.Response r = liaison.post("/api/v1/duty-days/" + id + "/reception", body);
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		assertThat(r.json().get("day").get("status").asString()).isEqualTo("HELD");
		List<Long> opinions = ids(r.json().get("opinionIds"));
		assertThat(opinions).hasSize(2);
		JsonNode o = liaison.get("/api/v1/opinions/" + opinions.get(0)).json();
		assertThat(o.get("source").asString()).isEqualTo("RECEPTION");
		assertThat(o.get("stationId").asLong()).isEqualTo(station);
		JsonNode answered = liaison.get("/api/v1/opinions/" + opinions.get(1)).json();
		assertThat(answered.get("status").asString()).isEqualTo("CLOSED");
		assertThat(answered.get("outcome").asString()).isEqualTo("EXPLAINED");

		Map<String, Object> activity = jdbc
			.sql("select type, constituents_received, station_id, activity_date from activity where duty_day_id = :d")
			.param("d", id)
			.query()
			.singleRow();
		assertThat(activity.get("type")).isEqualTo("RECEPTION");
		assertThat(((Number) activity.get("constituents_received")).intValue()).isEqualTo(12);
		assertThat(((Number) activity.get("station_id")).longValue()).isEqualTo(station);
		assertThat(activityDeputies(id)).containsExactlyInAnyOrder(on.get(0), substitute);

		// the absence shows in the deputy's record
		liaison.get("/api/v1/deputies/" + on.get(1) + "/duty-days?year=2025").json().get("items").forEach(line -> {
			if (line.get("dutyDayId").asLong() == id) {
				assertThat(line.get("attendance").asString()).isEqualTo("SUBSTITUTE");
				assertThat(line.get("substituteId").asLong()).isEqualTo(substitute);
			}
		});

		// re-saving corrects the activity: one absent without substitute, 20 received
		int version = r.json().get("day").get("version").asInt();
		Api.Response again = liaison.post("/api/v1/duty-days/" + id + "/reception",
				Api.json(Map.of("attendance",
						List.of(Map.of("deputyId", on.get(0), "status", "PRESENT"),
								Map.of("deputyId", on.get(1), "status", "ABSENT")),
						"constituentsReceived", 20, "version", version)));
		assertThat(again.status()).as(again.body()).isEqualTo(200);
		assertThat(jdbc.sql("select count(*) from activity where duty_day_id = :d")
			.param("d", id)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(jdbc.sql("select constituents_received from activity where duty_day_id = :d")
			.param("d", id)
			.query(Integer.class)
			.single()).isEqualTo(20);
		assertThat(activityDeputies(id)).containsExactly(on.get(0));
		JsonNode record = liaison.get("/api/v1/deputies/" + on.get(1) + "/duty-days?year=2025").json().get("items");
		boolean absent = false;
		for (JsonNode line : record) {
			absent |= line.get("dutyDayId").asLong() == id && line.get("attendance").asString().equals("ABSENT");
		}
		assertThat(absent).isTrue();
		// stale version: 409
		assertThat(liaison.post("/api/v1/duty-days/" + id + "/reception",
				Api.json(Map.of("attendance", List.of(Map.of("deputyId", on.get(0), "status", "PRESENT")),
						"constituentsReceived", 1, "version", version)))
			.status()).isEqualTo(409);
	}

	private List<Long> activityDeputies(long dutyDay) {
		return jdbc
			.sql("select ad.deputy_id from activity_deputy ad join activity a on a.id = ad.activity_id "
					+ "where a.duty_day_id = :d")
			.param("d", dutyDay)
			.query(Long.class)
			.list();
	}

	@Test
	void receptionBadInputChangesNothing() {
		JsonNode days = plan(2025, 4, List.of("2025-04-09"), false);
		long id = days.get(0).get("id").asLong();
		List<Long> on = ids(days.get(0).get("deputyIds"));
		String path = "/api/v1/duty-days/" + id + "/reception";
		assertField(liaison.post(path, "{\"constituentsReceived\":3}"), "attendance");
		assertField(
				liaison.post(path, Api.json(Map.of("attendance",
						List.of(Map.of("deputyId", on.get(0), "status", "PRESENT"),
								Map.of("deputyId", on.get(1), "status", "PRESENT")),
						"constituentsReceived", -1))),
				"constituentsReceived");
		assertField(
				liaison.post(path, Api.json(Map.of("attendance",
						List.of(Map.of("deputyId", on.get(0), "status", "PRESENT"),
								Map.of("deputyId", on.get(1), "status", "SUBSTITUTE")),
						"constituentsReceived", 1))),
				"attendance[1].substituteId");
		assertField(
				liaison.post(path, Api.json(Map.of("attendance",
						List.of(Map.of("deputyId", on.get(0), "status", "PRESENT")), "constituentsReceived", 1))),
				"attendance");
		assertField(liaison.post(path,
				Api.json(Map.of("attendance",
						List.of(Map.of("deputyId", on.get(0), "status", "PRESENT"),
								Map.of("deputyId", on.get(1), "status", "ABSENT")),
						"constituentsReceived", 1, "opinions", List.of(Map.of("content", " "))))),
				"opinions[0].content");
		assertField(
				liaison.post(path,
						Api.json(Map.of("attendance",
								List.of(Map.of("deputyId", on.get(0), "status", "PRESENT"),
										Map.of("deputyId", on.get(1), "status", "ABSENT")),
								"constituentsReceived", 1, "opinions",
								List.of(Map.of("content", "意见", "categoryCode", "NO_SUCH"))))),
				"opinions[0].categoryCode");
		assertThat(liaison.post(path, "{\"attendance\":[{\"deputyId\":1,\"status\":\"LATE\"}]}").status())
			.isEqualTo(400);
		JsonNode day = liaison.get("/api/v1/duty-days/" + id).json();
		assertThat(day.get("status").asString()).isEqualTo("DRAFT");
		assertThat(jdbc.sql("select count(*) from activity where duty_day_id = :d")
			.param("d", id)
			.query(Integer.class)
			.single()).isZero();
		// the future cannot be held
		JsonNode future = plan(2031, 8, List.of("2031-08-06"), false);
		assertThat(liaison
			.post("/api/v1/duty-days/" + future.get(0).get("id").asLong() + "/reception",
					Api.json(Map.of("attendance", List.of(), "constituentsReceived", 1)))
			.status()).isEqualTo(409);
	}

	@Test
	void aDeputyAsksToSwapAndTheLiaisonApproves() {
		JsonNode days = plan(2031, 9, List.of("2031-09-10"), true);
		long id = days.get(0).get("id").asLong();
		List<Long> on = ids(days.get(0).get("deputyIds"));
		if (!on.contains(deputyId)) {
			Api.Response put = liaison.put("/api/v1/duty-days/" + id, Api.json(
					Map.of("deputyIds", List.of(deputyId, on.get(0)), "version", days.get(0).get("version").asInt())));
			assertThat(put.status()).as(put.body()).isEqualTo(200);
			on = ids(put.json().get("deputyIds"));
		}
		List<Long> onDuty = on;
		long taker = stationDeputies.stream().filter(d -> !onDuty.contains(d)).findFirst().orElseThrow();
		Api.Response swap = deputy.post("/api/v1/duty-days/" + id + "/swaps",
				Api.json(Map.of("toDeputyId", taker, "note", "那天要去县里开会")));
		assertThat(swap.status()).as(swap.body()).isEqualTo(201);
		assertThat(deputy.post("/api/v1/duty-days/" + id + "/swaps", Api.json(Map.of("toDeputyId", taker))).status())
			.isEqualTo(409);
		long swapId = swap.json().get("id").asLong();
		// a deputy cannot approve
		assertThat(deputy.post("/api/v1/duty-swaps/" + swapId + "/approve", "{}").status()).isEqualTo(403);
		assertThat(liaison.get("/api/v1/duty-swaps?status=PENDING").body()).contains("\"id\":" + swapId);
		Api.Response ok = liaison.post("/api/v1/duty-swaps/" + swapId + "/approve", "{}");
		assertThat(ok.status()).as(ok.body()).isEqualTo(200);
		assertThat(ok.json().get("status").asString()).isEqualTo("APPROVED");
		JsonNode day = liaison.get("/api/v1/duty-days/" + id).json();
		assertThat(ids(day.get("deputyIds"))).contains(taker).doesNotContain(deputyId);
		assertThat(day.get("sequence").asInt()).isGreaterThan(days.get(0).get("sequence").asInt());
		assertThat(liaison.post("/api/v1/duty-swaps/" + swapId + "/refuse", "{}").status()).isEqualTo(409);
	}

	@Test
	void unavailableDeputiesAreNotPlannedAndNobodyIsOnTwoStationsOnADay() {
		// everyone but two of the station's deputies on leave in October 2031
		List<Long> free = stationDeputies.subList(0, 2);
		for (Long d : stationDeputies) {
			if (!free.contains(d)) {
				Api.Response r = liaison.post("/api/v1/deputies/" + d + "/unavailability",
						Api.json(Map.of("from", "2031-10-01", "to", "2031-10-31", "reason", "ILLNESS")));
				assertThat(r.status()).as(r.body()).isEqualTo(201);
			}
		}
		JsonNode days = plan(2031, 10, List.of("2031-10-08", "2031-10-22"), false);
		days.forEach(d -> assertThat(ids(d.get("deputyIds"))).allMatch(free::contains));
		// a manual edit putting an unavailable deputy on the day is refused
		long sick = stationDeputies.stream().filter(d -> !free.contains(d)).findFirst().orElseThrow();
		assertThat(liaison
			.put("/api/v1/duty-days/" + days.get(0).get("id").asLong(), Api.json(Map.of("deputyIds", List.of(sick))))
			.status()).isEqualTo(409);
	}

	@Test
	void scopeOfAnotherTownshipAndOtherRolesIs403() {
		Api other = Api.as(port, "township2");
		String plan = Api.json(Map.of("year", 2032, "month", 1, "days", List.of("2032-01-07")));
		assertThat(other.post("/api/v1/stations/" + station + "/duty-plan", plan).status()).isEqualTo(403);
		assertThat(other.get("/api/v1/stations/" + station + "/duty-days").status()).isEqualTo(403);
		assertThat(Api.as(port, "department").get("/api/v1/stations/" + station + "/duty-days").status())
			.isEqualTo(403);
		assertThat(deputy.post("/api/v1/stations/" + station + "/duty-plan", plan).status()).isEqualTo(403);
		assertThat(deputy.get("/api/v1/stations/" + station + "/duty-days").status()).isEqualTo(200);
		assertThat(Api.as(port, "township").post("/api/v1/stations/" + station + "/duty-plan", plan).status())
			.isEqualTo(201);
		assertThat(Api.anonymous(port).get("/api/v1/stations/" + station + "/duty-days").status()).isEqualTo(401);
	}

	@Test
	void theDemoCountyHasAYearOfDutyDays() {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		JsonNode items = liaison
			.get("/api/v1/stations/" + station + "/duty-days?from=" + today.minusMonths(13) + "&to="
					+ today.plusMonths(3))
			.json()
			.get("items");
		int held = 0;
		int publishedAhead = 0;
		for (JsonNode d : items) {
			LocalDate date = LocalDate.parse(d.get("date").asString());
			if (d.get("status").asString().equals("HELD") && !date.isBefore(today.minusMonths(13))) {
				held++;
			}
			if (d.get("status").asString().equals("PUBLISHED") && date.isAfter(today)) {
				publishedAhead++;
			}
		}
		assertThat(held).isGreaterThanOrEqualTo(12);
		assertThat(publishedAhead).isPositive();
		// every held day of the demo is one RECEPTION activity; some absences and
		// substitutes
		assertThat(jdbc
			.sql("select count(*) from duty_day d where d.status = 'HELD' and not exists "
					+ "(select 1 from activity a where a.duty_day_id = d.id and a.type = 'RECEPTION')")
			.query(Integer.class)
			.single()).isZero();
		assertThat(jdbc.sql("select count(*) from duty_assignment where attendance = 'ABSENT'")
			.query(Integer.class)
			.single()).isPositive();
		assertThat(jdbc.sql("select count(*) from duty_assignment where attendance = 'SUBSTITUTE'")
			.query(Integer.class)
			.single()).isPositive();
		assertThat(jdbc.sql("select count(*) from duty_reception_opinion").query(Integer.class).single()).isPositive();
	}

	@Test
	void movingAPublishedDayRaisesItsSequenceAndKeepsItsUid() throws Exception {
		JsonNode day = plan(2031, 11, List.of("2031-11-05"), true).get(0);
		long id = day.get("id").asLong();
		Api.Response moved = liaison.put("/api/v1/duty-days/" + id,
				Api.json(Map.of("date", "2031-11-19", "version", day.get("version").asInt())));
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		assertThat(moved.json().get("date").asString()).isEqualTo("2031-11-19");
		assertThat(moved.json().get("sequence").asInt()).isEqualTo(day.get("sequence").asInt() + 1);
		Component event = event(parse(Api.anonymous(port).get("/ical/stations/" + station + ".ics").body()),
				"duty-" + id + "@deputylink")
			.orElseThrow();
		assertThat(value(event, Property.DTSTART)).startsWith("20311119T090000");
		// too close to today to publish: refused, nothing changed
		LocalDate soon = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);
		Api.Response late = liaison.put("/api/v1/duty-days/" + id,
				Api.json(Map.of("date", soon.toString(), "version", moved.json().get("version").asInt())));
		assertThat(late.status()).as(late.body()).isEqualTo(409);
		assertThat(liaison.get("/api/v1/duty-days/" + id).json().get("date").asString()).isEqualTo("2031-11-19");
	}

}
