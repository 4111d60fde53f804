package cn.deputylink.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.deputylink.account.Accounts;
import cn.deputylink.account.CurrentUser;
import cn.deputylink.opinion.OpinionEvent;
import cn.deputylink.opinion.OpinionFact;
import cn.deputylink.opinion.OpinionRecords;
import cn.deputylink.support.Api;
import cn.deputylink.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * A draft from two opinions the deputy received: on submission the opinion module hears
 * it (after the commit, through the event publication registry, as its own
 * {@code ProposalLink}), the constituent's tracking shows "converted", the opinion's
 * record lists the proposal, {@link OpinionEvent.Converted} is published once per
 * opinion, and hearing the same submission again changes nothing. Opinions not yet
 * triaged or not the deputy's are refused (400).
 */
@IntegrationTest
@Import(ProposalOpinionLinkIT.Converted.class)
class ProposalOpinionLinkIT {

	/** Hears the opinion module's conversions, on whatever thread publishes them. */
	@TestConfiguration
	static class Converted {

		static final List<OpinionEvent.Converted> seen = new CopyOnWriteArrayList<>();

		@EventListener
		void on(OpinionEvent.Converted e) {
			seen.add(e);
		}

	}

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	ProposalDrafting drafting;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	OpinionRecords records;

	@Autowired
	PlatformTransactionManager transactions;

	Api county;

	Api deputy;

	Api liaison;

	Api township;

	long station;

	long ownDeputy;

	@BeforeEach
	void setUp() {
		county = Api.as(port, "county");
		deputy = Api.as(port, "deputy");
		liaison = Api.as(port, "liaison");
		township = Api.as(port, "township");
		station = liaison.get("/api/v1/me").json().get("stationId").asLong();
		ownDeputy = deputy.get("/api/v1/me").json().get("deputyId").asLong();
	}

	/** An opinion the deputy received at its station; triaged when asked. */
	private JsonNode opinion(String content, boolean triage) {
		Api.Response r = liaison.post("/api/v1/opinions", Api.json(Map.of("source", "RECEPTION", "stationId", station,
				"content", content + System.nanoTime(), "deputyIds", List.of(ownDeputy))));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		if (triage) {
			Api.Response t = township.post("/api/v1/opinions/" + r.id() + "/triage",
					Api.json(Map.of("categoryCode", "OTHER", "tier", "TOWNSHIP")));
			assertThat(t.status()).as(t.body()).isEqualTo(200);
		}
		return r.json();
	}

	private int conversions(long opinionId) {
		return jdbc.sql("select count(*) from opinion_event where opinion_id = ? and action = 'CONVERTED'")
			.param(opinionId)
			.query(Integer.class)
			.single();
	}

	@Test
	void aSubmittedProposalMarksItsOpinionsConvertedOnce() {
		JsonNode first = opinion("村口路灯不亮", true);
		JsonNode second = opinion("村道坑洼", true);
		long a = first.get("id").asLong();
		long b = second.get("id").asLong();
		Api.Response created = deputy.post("/api/v1/proposals",
				ProposalFixtures.draft("村里道路和照明", ownDeputy, List.of(), List.of(a, b), "RECESS"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.id();
		assertThat(created.json().get("opinionIds").valueStream().map(JsonNode::asLong).toList()).containsExactly(a, b);
		// nothing happens to the opinions before the submission
		assertThat(conversions(a)).isZero();
		int convertedBefore = convertedInFile();
		CurrentUser me = ProposalFixtures.user(accounts, "deputy");
		drafting.submit(id, null, me);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> Converted.seen.stream().filter(e -> e.proposalId() == id).count() == 2);
		OpinionEvent.Converted e = Converted.seen.stream()
			.filter(x -> x.proposalId() == id && x.opinionId() == b)
			.findFirst()
			.orElseThrow();
		assertThat(e.trackingCode()).isEqualTo(second.get("trackingCode").asString());
		assertThat(e.actorId()).isEqualTo(me.id());
		await().atMost(Duration.ofSeconds(10)).until(() -> conversions(a) == 1 && conversions(b) == 1);
		// the staff record lists the proposal; the status is unchanged
		JsonNode record = deputy.get("/api/v1/opinions/" + a).json();
		assertThat(record.get("proposalIds").valueStream().map(JsonNode::asLong).toList()).containsExactly(id);
		assertThat(record.get("status").asString()).isEqualTo("TRIAGED");
		// the opinion module's records say so, and so does the deputy's performance file
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		assertThat(records.receivedBy(List.of(ownDeputy), today.minusDays(1), today.plusDays(1))
			.stream()
			.filter(f -> f.opinionId() == a || f.opinionId() == b)
			.map(OpinionFact::converted)
			.toList()).containsExactly(true, true);
		assertThat(convertedInFile()).isEqualTo(convertedBefore + 2);
		// the constituent sees the step
		JsonNode tracking = Api.anonymous(port)
			.get("/api/v1/public/opinions/" + first.get("trackingCode").asString())
			.json();
		assertThat(tracking.get("timeline").valueStream().map(s -> s.get("action").asString()).toList())
			.contains("CONVERTED");
		assertThat(tracking.get("status").asString()).isEqualTo("TRIAGED");
		// and on the tracking page
		Api.Response page = Api.anonymous(port).get("/public/opinions/" + first.get("trackingCode").asString());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("已转为代表建议");
		// hearing the same submission again records nothing new
		new TransactionTemplate(transactions)
			.executeWithoutResult(s -> events.publishEvent(new ProposalEvent.Submitted(id, ProposalStatus.SUBMITTED,
					ownDeputy, me.id(), OffsetDateTime.now(), Period.RECESS, null, List.of(a, b))));
		await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> true);
		assertThat(conversions(a)).isEqualTo(1);
		assertThat(conversions(b)).isEqualTo(1);
		assertThat(Converted.seen.stream().filter(x -> x.proposalId() == id).count()).isEqualTo(2);
		assertThat(jdbc.sql("select count(*) from opinion_proposal_link where proposal_id = ?")
			.param(id)
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	/** The "turned into proposals" figure of the deputy's performance file this year. */
	private int convertedInFile() {
		Api.Response file = deputy.get("/api/v1/deputies/" + ownDeputy + "/performance?year="
				+ LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear());
		assertThat(file.status()).as(file.body()).isEqualTo(200);
		return file.json().get("opinions").get("converted").asInt();
	}

	@Test
	void onlyTriagedOpinionsTheCreatorSeesMayBeLinked() {
		long untriaged = opinion("未分流", false).get("id").asLong();
		Api.Response r = deputy.post("/api/v1/proposals",
				ProposalFixtures.draft("未分流的意见", ownDeputy, List.of(), List.of(untriaged), "SESSION"));
		assertThat(r.status()).as(r.body()).isEqualTo(400);
		assertThat(r.body()).contains("opinionIds");
		// an opinion the deputy did not receive
		Api.Response other = liaison.post("/api/v1/opinions",
				Api.json(Map.of("source", "RECEPTION", "stationId", station, "content", "别人的" + System.nanoTime())));
		township.post("/api/v1/opinions/" + other.id() + "/triage",
				Api.json(Map.of("categoryCode", "OTHER", "tier", "TOWNSHIP")));
		Api.Response notMine = deputy.post("/api/v1/proposals",
				ProposalFixtures.draft("别人的意见", ownDeputy, List.of(), List.of(other.id()), "SESSION"));
		assertThat(notMine.status()).as(notMine.body()).isEqualTo(400);
		// the county admin sees it and may enter a proposal from it for the deputy
		Api.Response onBehalf = county.post("/api/v1/proposals",
				ProposalFixtures.draft("代录入", ownDeputy, List.of(), List.of(other.id()), "SESSION"));
		assertThat(onBehalf.status()).as(onBehalf.body()).isEqualTo(201);
		Api.Response unknown = deputy.post("/api/v1/proposals",
				ProposalFixtures.draft("不存在", ownDeputy, List.of(), List.of(99_999_999L), "SESSION"));
		assertThat(unknown.status()).isEqualTo(400);
	}

}
