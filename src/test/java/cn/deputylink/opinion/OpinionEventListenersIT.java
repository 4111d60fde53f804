package cn.deputylink.opinion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.IncompleteEventPublications;

import cn.deputylink.account.Accounts;
import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.UserAccount;
import cn.deputylink.organisation.Tier;
import cn.deputylink.shared.internal.EventResubmission;
import cn.deputylink.support.IntegrationTest;

/**
 * What a listener's failure does. A listener in the step's transaction (as the opinion's
 * notices are) that fails rolls the step back, notices and all. A listener of another
 * module ({@code @ApplicationModuleListener}: after the commit, asynchronously, through
 * the event publication registry) that fails leaves the step committed and its
 * publication incomplete in the registry, and resubmitting the incomplete publications
 * delivers it: nothing is lost.
 */
@IntegrationTest
@Import(OpinionEventListenersIT.Listeners.class)
class OpinionEventListenersIT {

	/**
	 * Stand-ins for listeners of other modules (statistics, proposals) and of this one.
	 */
	@TestConfiguration
	static class Listeners {

		// static: the listeners bean is a proxy (asynchronous, transactional), whose
		// fields are not the bean's

		/** Whether the same-transaction listener refuses the next assignment. */
		static final AtomicBoolean refuseAssignment = new AtomicBoolean();

		/** Whether the asynchronous listener fails. */
		static final AtomicBoolean failAsync = new AtomicBoolean();

		static final AtomicInteger asyncAttempts = new AtomicInteger();

		static final List<Long> escalationsSeen = new CopyOnWriteArrayList<>();

		@EventListener
		void inTheStepsTransaction(OpinionEvent.Assigned e) {
			if (refuseAssignment.get()) {
				throw new IllegalStateException("listener failed");
			}
		}

		@ApplicationModuleListener
		void afterTheCommit(OpinionEvent.Escalated e) {
			asyncAttempts.incrementAndGet();
			if (failAsync.get()) {
				throw new IllegalStateException("statistics are down");
			}
			escalationsSeen.add(e.opinionId());
		}

	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	OpinionIntake intake;

	@Autowired
	OpinionTriage triage;

	@Autowired
	OpinionEscalation escalation;

	@Autowired
	OpinionQueries queries;

	@Autowired
	IncompleteEventPublications incomplete;

	@Autowired
	EventResubmission resubmission;

	CurrentUser county;

	CurrentUser township;

	CurrentUser liaison;

	long departmentId;

	@BeforeEach
	void users() {
		county = user("county");
		township = user("township");
		liaison = user("liaison");
		Long d = user("department").departmentId();
		assertThat(d).isNotNull();
		departmentId = d;
	}

	private CurrentUser user(String name) {
		UserAccount a = accounts.findByUsername(name).orElseThrow();
		return new CurrentUser(a.id(), a.username(), a.displayName(), a.role(), a.townshipId(), a.stationId(),
				a.deputyId(), a.departmentId(), false, false, null, true, false);
	}

	private long triaged(String content) {
		long id = intake
			.submit(new Intake(Source.RECEPTION, null, null, null, content + System.nanoTime(), null, List.of(), "张三",
					"13800001111", false), liaison, null, List.of())
			.opinion()
			.id();
		triage.triage(id, "RURAL_INFRASTRUCTURE", Tier.TOWNSHIP, null, township, null);
		return id;
	}

	private int outbox() {
		return jdbc.sql("select count(*) from outbox_message").query(Integer.class).single();
	}

	private int lines(long id, String action) {
		return jdbc.sql("select count(*) from opinion_event where opinion_id = :id and action = :a")
			.param("id", id)
			.param("a", action)
			.query(Integer.class)
			.single();
	}

	private int publications(long id) {
		return jdbc
			.sql("select count(*) from event_publication where completion_date is null and serialized_event like :id")
			.param("id", "%\"opinionId\":" + id + ",%")
			.query(Integer.class)
			.single();
	}

	@Test
	void aFailingListenerInTheStepsTransactionRollsTheStepBackAndQueuesNoNotice() {
		long id = triaged("监听失败回滚");
		int before = outbox();
		Listeners.refuseAssignment.set(true);
		try {
			assertThatThrownBy(() -> triage.assign(id, departmentId, "由镇人民政府统筹办理", township, null))
				.hasMessageContaining("listener failed");
		}
		finally {
			Listeners.refuseAssignment.set(false);
		}
		Opinion o = queries.get(id, county);
		assertThat(o.status()).as("not assigned").isEqualTo(OpinionStatus.TRIAGED);
		assertThat(o.departmentId()).isNull();
		assertThat(o.version()).isEqualTo(1);
		assertThat(lines(id, "ASSIGN")).as("no timeline line").isZero();
		assertThat(outbox()).as("the department is told nothing").isEqualTo(before);

		// the same step, with the listener well again, goes through and tells the
		// department
		triage.assign(id, departmentId, "由镇人民政府统筹办理", township, null);
		assertThat(queries.get(id, county).status()).isEqualTo(OpinionStatus.ASSIGNED);
		assertThat(outbox()).isGreaterThan(before);
	}

	@Test
	void aFailingListenerOfAnotherModuleLosesNothing() {
		long id = triaged("异步监听失败");
		triage.assign(id, departmentId, "由镇人民政府统筹办理", township, null);
		int attempts = Listeners.asyncAttempts.get();
		Listeners.failAsync.set(true);
		try {
			escalation.escalate(id, "请三日内办结", county, null);
			await().atMost(Duration.ofSeconds(10)).until(() -> Listeners.asyncAttempts.get() > attempts);
			// the listener failed after the commit: the step stands, its publication
			// waits in the registry
			assertThat(queries.get(id, county).escalated()).isTrue();
			assertThat(lines(id, "ESCALATE")).isEqualTo(1);
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(publications(id)).isEqualTo(1));
			assertThat(Listeners.escalationsSeen).doesNotContain(id);
		}
		finally {
			Listeners.failAsync.set(false);
		}
		incomplete.resubmitIncompletePublications(
				p -> p.getEvent() instanceof OpinionEvent.Escalated e && e.opinionId() == id);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(Listeners.escalationsSeen).containsOnlyOnce(id);
			assertThat(publications(id)).as("completed (and deleted, completion-mode=delete)").isZero();
		});
		assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like :id")
			.param("id", "%\"opinionId\":" + id + ",%")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void theScheduledResubmissionRetriesWhatFailedMinutesAgoAndLeavesTheFreshOnesAlone() {
		long id = triaged("异步监听稍后重试");
		triage.assign(id, departmentId, "由镇人民政府统筹办理", township, null);
		int attempts = Listeners.asyncAttempts.get();
		Listeners.failAsync.set(true);
		try {
			escalation.escalate(id, "请三日内办结", county, null);
			await().atMost(Duration.ofSeconds(10)).until(() -> Listeners.asyncAttempts.get() > attempts);
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(publications(id)).isEqualTo(1));
		}
		finally {
			Listeners.failAsync.set(false);
		}
		// a fresh failure is not retried yet: its first delivery might still be under way
		resubmission.resubmitStale();
		assertThat(publications(id)).isEqualTo(1);
		assertThat(Listeners.escalationsSeen).doesNotContain(id);

		// ten minutes later the job hands it to its listener again
		jdbc.sql("update event_publication set publication_date = :then where completion_date is null"
				+ " and serialized_event like :id")
			.param("then", OffsetDateTime.now().minusMinutes(10))
			.param("id", "%\"opinionId\":" + id + ",%")
			.update();
		resubmission.resubmitStale();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(Listeners.escalationsSeen).containsOnlyOnce(id);
			assertThat(publications(id)).isZero();
		});
	}

}
