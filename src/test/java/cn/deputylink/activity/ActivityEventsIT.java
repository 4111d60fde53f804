package cn.deputylink.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.security.access.AccessDeniedException;

import cn.deputylink.account.Accounts;
import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.UserAccount;
import cn.deputylink.support.IntegrationTest;

/**
 * Each recorded, approved or withdrawn activity publishes its event with the facts it
 * counts with; a report awaiting review, a rejection and the withdrawal of a report never
 * counted publish nothing: what statistics count from is exactly what counts.
 */
@IntegrationTest
class ActivityEventsIT {

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	Accounts accounts;

	@Autowired
	ActivityRecording recording;

	@Autowired
	ActivityReports reports;

	private final List<ActivityEvent> events = new CopyOnWriteArrayList<>();

	private final ApplicationListener<ApplicationEvent> listener = e -> {
		if (e instanceof PayloadApplicationEvent<?> p && p.getPayload() instanceof ActivityEvent a) {
			events.add(a);
		}
	};

	CurrentUser liaison;

	CurrentUser deputy;

	@BeforeEach
	void listen() {
		context.addApplicationListener(listener);
		liaison = user("liaison");
		deputy = user("deputy");
	}

	@AfterEach
	void stop() {
		context.removeApplicationListener(listener);
	}

	private CurrentUser user(String name) {
		UserAccount a = accounts.findByUsername(name).orElseThrow();
		return new CurrentUser(a.id(), a.username(), a.displayName(), a.role(), a.townshipId(), a.stationId(),
				a.deputyId(), a.departmentId(), false, false, null, true, false);
	}

	private NewActivity activity(ActivityType type, String title) {
		return new NewActivity(type, LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1), liaison.stationId(),
				List.of(), 5, 4, title, null, null);
	}

	private List<ActivityEvent> of(long id) {
		return events.stream().filter(e -> e.activityId() == id).toList();
	}

	@Test
	void recordingPublishesRecordedWithTheFacts() {
		NewActivity a = new NewActivity(ActivityType.STUDY, LocalDate.now(ZoneId.of("Asia/Shanghai")),
				liaison.stationId(), List.of(deputy.deputyId()), 7, 0, "事件测试：学习", null, null);
		long id = recording.record(a, liaison);
		assertThat(of(id)).singleElement().isInstanceOfSatisfying(ActivityEvent.Recorded.class, e -> {
			assertThat(e.type()).isEqualTo(ActivityType.STUDY);
			assertThat(e.stationId()).isEqualTo(liaison.stationId());
			assertThat(e.townshipId()).isEqualTo(liaison.townshipId());
			assertThat(e.deputyIds()).containsExactly(deputy.deputyId());
			assertThat(e.constituentsReceived()).isEqualTo(7);
			assertThat(e.actorId()).isEqualTo(liaison.id());
		});
	}

	@Test
	void aReportCountsFromItsApprovalAndStopsAtItsWithdrawal() {
		Activity r = reports.report(activity(ActivityType.VISIT, "事件测试：走访"), List.of(), deputy);
		assertThat(of(r.id())).isEmpty();
		assertThatThrownBy(() -> reports.approve(r.id(), null, deputy)).isInstanceOf(AccessDeniedException.class);
		assertThat(of(r.id())).isEmpty();
		Activity approved = reports.approve(r.id(), r.version(), liaison);
		assertThat(of(r.id())).singleElement().isInstanceOfSatisfying(ActivityEvent.Approved.class, e -> {
			assertThat(e.type()).isEqualTo(ActivityType.VISIT);
			assertThat(e.householdsVisited()).isEqualTo(4);
			assertThat(e.deputyIds()).containsExactly(deputy.deputyId());
			assertThat(e.actorId()).isEqualTo(liaison.id());
		});
		reports.withdraw(r.id(), approved.version(), liaison);
		assertThat(of(r.id())).hasSize(2).last().isInstanceOfSatisfying(ActivityEvent.Withdrawn.class, e -> {
			assertThat(e.householdsVisited()).isEqualTo(4);
			assertThat(e.deputyIds()).containsExactly(deputy.deputyId());
		});
	}

	@Test
	void aRejectedOrWithdrawnReportPublishesNothing() {
		Activity r = reports.report(activity(ActivityType.PRACTICAL_DEED, "事件测试：办实事"), List.of(), deputy);
		Activity rejected = reports.reject(r.id(), "材料不全", null, liaison);
		assertThat(rejected.status()).isEqualTo(ActivityStatus.REJECTED);
		reports.withdraw(r.id(), rejected.version(), deputy);
		assertThat(of(r.id())).isEmpty();
	}

}
