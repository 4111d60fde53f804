package cn.deputylink.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.organisation.Station;
import cn.deputylink.support.Api;
import cn.deputylink.support.FormSession;
import cn.deputylink.support.IntegrationTest;

/**
 * The demo county's proposals: one in every status among the demo's own (their titles),
 * the demo deputy's among them, some born from the demo's opinions (whose tracking pages
 * say so), and a public list with something in it.
 */
@IntegrationTest
class DemoProposalsIT {

	/** Words of the demo's titles (DemoProposals), found in no test's. */
	private static final String DEMO = "提质改造|居家养老|农田水利|停车秩序|低保年审|饮水安全|交通安全|垃圾分类|新农合|文化活动|路灯照明|补偿款";

	@LocalServerPort
	int port;

	@Autowired
	RegistryLookup registry;

	@Test
	void everyStatusHasADemoProposal() throws Exception {
		FormSession county = new FormSession(port).login("county");
		for (String status : new String[] { "DRAFT", "SUBMITTED", "REGISTERED", "REFUSED", "ASSIGNED", "REPLIED",
				"EVALUATED", "CLOSED", "WITHDRAWN" }) {
			String list = county.get("/proposals?status=" + status).body();
			assertThat(list).as(status).contains("id=\"proposal-list\"").containsPattern(DEMO);
		}
		assertThat(county.get("/proposals?keySupervised=true").body()).containsPattern(DEMO);
		assertThat(county.get("/proposals?overdue=true").body()).containsPattern(DEMO).contains("dl-RED");
		// the demo deputy leads some and is asked to co-sign one
		FormSession deputy = new FormSession(port).login("deputy");
		assertThat(deputy.get("/proposals").body()).containsPattern(DEMO);
		assertThat(deputy.get("/proposals?status=DRAFT").body()).contains("id=\"proposal-list\"");
		// the unit replies
		assertThat(new FormSession(port).login("department").get("/proposals").body()).contains("主办");
	}

	@Test
	void theDemosOpinionsThatBecameProposalsSaySoInPublic() throws Exception {
		FormSession county = new FormSession(port).login("county");
		String list = county.get("/proposals?status=SUBMITTED").body();
		Matcher row = Pattern.compile("href=\"(/proposals/\\d+)\"").matcher(list);
		Long opinion = null;
		while (opinion == null && row.find()) {
			Matcher linked = Pattern.compile("href=\"/opinions/(\\d+)\"").matcher(county.get(row.group(1)).body());
			if (linked.find()) {
				opinion = Long.parseLong(linked.group(1));
			}
		}
		assertThat(opinion).as("a submitted demo proposal from an opinion").isNotNull();
		String code = Api.as(port, "county").get("/api/v1/opinions/" + opinion).json().get("trackingCode").asString();
		boolean shown = false;
		for (int i = 0; i < 40 && !shown; i++) {
			shown = new FormSession(port).get("/public/opinions/" + code).body().contains("已转为代表建议");
			if (!shown) {
				Thread.sleep(250);
			}
		}
		assertThat(shown).as("/public/opinions/" + code).isTrue();
	}

	@Test
	void thePublicListIsNotEmpty() throws Exception {
		String page = new FormSession(port).get("/public/proposals").body();
		assertThat(page).contains("id=\"public-proposals\"").containsPattern("<li class=\"case\">");
		assertThat(page).containsPattern(DEMO);
	}

	/**
	 * The demo deputy received opinions at its station's receptions and visits, so a
	 * newcomer signed in as the deputy can draft a proposal from them.
	 */
	@Test
	void theDemoDeputyCanDraftFromOpinionsItReceived() throws Exception {
		String form = new FormSession(port).login("deputy").get("/proposals/new").body();
		assertThat(Pattern.compile("name=\"opinionIds\"").matcher(form).results().count()).isGreaterThanOrEqualTo(2);
	}

	/**
	 * The co-signers offered are the active deputies attached to an active station (each
	 * station's active deputies, together), the drafting deputy left out.
	 */
	@Test
	void theCoSignersOfferedAreTheActiveDeputiesOfTheStations() throws Exception {
		Set<Long> attached = new TreeSet<>();
		for (Station st : registry.stationsOf(null)) {
			attached.addAll(registry.activeDeputiesOfStation(st.id()));
		}
		assertThat(registry.activeAttachedDeputies()).containsExactlyElementsOf(attached);
		long me = Api.as(port, "deputy").get("/api/v1/me").json().get("deputyId").asLong();
		String form = new FormSession(port).login("deputy").get("/proposals/new").body();
		Set<Long> offered = new TreeSet<>();
		Matcher m = Pattern.compile("name=\"coSignerIds\" value=\"(\\d+)\"").matcher(form);
		while (m.find()) {
			offered.add(Long.parseLong(m.group(1)));
		}
		attached.remove(me);
		assertThat(offered).isEqualTo(attached);
	}

}
