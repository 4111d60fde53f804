package cn.deputylink.opinion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

import cn.deputylink.account.Accounts;
import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.UserAccount;
import cn.deputylink.organisation.Tier;
import cn.deputylink.shared.Upload;
import cn.deputylink.support.IntegrationTest;

/**
 * Every step publishes its event, with the opinion's ids, status, township, department,
 * actor and time: Spring Modulith's {@link Scenario}s, in the whole application (the
 * steps need security's users, the registry and the demo county, which a single-module
 * test would not start).
 */
@IntegrationTest
@EnableScenarios
class OpinionEventsIT {

	@Autowired
	Accounts accounts;

	@Autowired
	OpinionIntake intake;

	@Autowired
	OpinionTriage triage;

	@Autowired
	DepartmentHandling handling;

	@Autowired
	ConstituentFeedback feedback;

	@Autowired
	OpinionEscalation escalation;

	@Autowired
	OpinionTime time;

	CurrentUser county;

	CurrentUser township;

	CurrentUser liaison;

	CurrentUser department;

	@BeforeEach
	void users() {
		county = user("county");
		township = user("township");
		liaison = user("liaison");
		department = user("department");
	}

	private CurrentUser user(String name) {
		UserAccount a = accounts.findByUsername(name).orElseThrow();
		return new CurrentUser(a.id(), a.username(), a.displayName(), a.role(), a.townshipId(), a.stationId(),
				a.deputyId(), a.departmentId(), false, false, null, true, false);
	}

	private static Intake intake(String content) {
		return new Intake(Source.RECEPTION, null, null, null, content, null, List.of(), "张三", "13800001111", false);
	}

	private long deptId() {
		Long id = department.departmentId();
		assertThat(id).isNotNull();
		return id;
	}

	private Opinion submitted(String content) {
		return intake.submit(intake(content), liaison, null, List.of()).opinion();
	}

	private Opinion assigned(String content) {
		Opinion o = submitted(content);
		triage.triage(o.id(), "RURAL_INFRASTRUCTURE", Tier.TOWNSHIP, null, township, null);
		return triage.assign(o.id(), deptId(), "由镇人民政府统筹办理", township, null);
	}

	@Test
	void intakeTriageAndAssignmentPublishTheirEvents(Scenario scenario) {
		scenario.stimulate(() -> submitted("事件测试：路灯不亮" + System.nanoTime()))
			.andWaitForEventOfType(OpinionEvent.Submitted.class)
			.toArriveAndVerify((e, o) -> {
				assertThat(e.opinionId()).isEqualTo(o.id());
				assertThat(e.trackingCode()).isEqualTo(o.trackingCode());
				assertThat(e.status()).isEqualTo(OpinionStatus.SUBMITTED);
				assertThat(e.townshipId()).isEqualTo(liaison.townshipId());
				assertThat(e.stationId()).isEqualTo(liaison.stationId());
				assertThat(e.departmentId()).isNull();
				assertThat(e.actorId()).isEqualTo(liaison.id());
				assertThat(e.source()).isEqualTo(Source.RECEPTION);
				assertThat(e.at()).isEqualTo(o.submittedAt());
			});
		long id = submitted("事件测试：分流" + System.nanoTime()).id();
		scenario.stimulate(() -> triage.triage(id, "RURAL_INFRASTRUCTURE", Tier.TOWNSHIP, null, township, null))
			.andWaitForEventOfType(OpinionEvent.Triaged.class)
			.matching(e -> e.opinionId() == id)
			.toArriveAndVerify(e -> {
				assertThat(e.status()).isEqualTo(OpinionStatus.TRIAGED);
				assertThat(e.categoryCode()).isEqualTo("RURAL_INFRASTRUCTURE");
				assertThat(e.tier()).isEqualTo(Tier.TOWNSHIP);
				assertThat(e.actorId()).isEqualTo(township.id());
			});
		scenario.stimulate(() -> triage.assign(id, deptId(), "由镇人民政府统筹办理", township, null))
			.andWaitForEventOfType(OpinionEvent.Assigned.class)
			.matching(e -> e.opinionId() == id)
			.toArriveAndVerify((e, o) -> {
				assertThat(e.status()).isEqualTo(OpinionStatus.ASSIGNED);
				assertThat(e.departmentId()).isEqualTo(deptId());
				assertThat(e.dueDate()).isEqualTo(o.dueDate());
			});
	}

	@Test
	void theDepartmentsStepsPublishTheirEvents(Scenario scenario) {
		long id = assigned("事件测试：退回" + System.nanoTime()).id();
		scenario.stimulate(() -> handling.returnToTriage(id, "不属本部门职责", department, null))
			.andWaitForEventOfType(OpinionEvent.Returned.class)
			.matching(e -> e.opinionId() == id)
			.toArriveAndVerify(e -> {
				assertThat(e.status()).isEqualTo(OpinionStatus.TRIAGED);
				assertThat(e.departmentId()).isNull();
				assertThat(e.fromDepartmentId()).isEqualTo(deptId());
				assertThat(e.actorId()).isEqualTo(department.id());
			});
		triage.assign(id, deptId(), "由镇人民政府统筹办理", township, null);
		scenario.stimulate(() -> handling.accept(id, department, null))
			.andWaitForEventOfType(OpinionEvent.Accepted.class)
			.matching(e -> e.opinionId() == id)
			.toArriveAndVerify(e -> assertThat(e.status()).isEqualTo(OpinionStatus.IN_PROGRESS));
		scenario.stimulate(() -> handling.progress(id, "已现场核实", department, null))
			.andWaitForEventOfType(OpinionEvent.Progressed.class)
			.matching(e -> e.opinionId() == id)
			.toArriveAndVerify(e -> assertThat(e.departmentId()).isEqualTo(deptId()));
		scenario.stimulate(() -> escalation.escalate(id, "请三日内办结", county, null))
			.andWaitForEventOfType(OpinionEvent.Escalated.class)
			.matching(e -> e.opinionId() == id)
			.toArriveAndVerify(e -> {
				assertThat(e.status()).isEqualTo(OpinionStatus.IN_PROGRESS);
				assertThat(e.actorId()).isEqualTo(county.id());
				assertThat(e.departmentId()).isEqualTo(deptId());
			});
		scenario.stimulate(() -> handling.reply(id, "已修复", Outcome.RESOLVED, department, null))
			.andWaitForEventOfType(OpinionEvent.Replied.class)
			.matching(e -> e.opinionId() == id)
			.toArriveAndVerify(e -> {
				assertThat(e.status()).isEqualTo(OpinionStatus.REPLIED);
				assertThat(e.outcome()).isEqualTo(Outcome.RESOLVED);
			});
	}

	@Test
	void theConstituentsRatingsPublishTheirEvents(Scenario scenario) {
		Opinion o = assigned("事件测试：评价" + System.nanoTime());
		handling.accept(o.id(), department, null);
		handling.reply(o.id(), "已修复", Outcome.RESOLVED, department, null);
		scenario.stimulate(() -> feedback.feedback(o.trackingCode(), Satisfaction.UNSATISFIED, "还是不亮"))
			.andWaitForEventOfType(OpinionEvent.Rated.class)
			.matching(e -> e.opinionId() == o.id())
			.toArriveAndVerify(e -> {
				assertThat(e.status()).isEqualTo(OpinionStatus.ASSIGNED);
				assertThat(e.reopened()).isTrue();
				assertThat(e.dueDate()).isNotNull();
				assertThat(e.actorId()).as("the constituent").isNull();
				assertThat(e.satisfaction()).isEqualTo(Satisfaction.UNSATISFIED);
			});
		handling.accept(o.id(), department, null);
		handling.reply(o.id(), "已更换灯具", Outcome.RESOLVED, department, null);
		scenario.stimulate(() -> feedback.recordFeedback(o.id(), Satisfaction.SATISFIED, null, township, null))
			.andWaitForEventOfType(OpinionEvent.Rated.class)
			.matching(e -> e.opinionId() == o.id() && !e.reopened())
			.toArriveAndVerify(e -> {
				assertThat(e.status()).isEqualTo(OpinionStatus.CLOSED);
				assertThat(e.actorId()).isEqualTo(township.id());
			});
	}

	@Test
	void mergingClosingAndPapersPublishTheirEvents(Scenario scenario) {
		long first = submitted("事件测试：合并目标" + System.nanoTime()).id();
		long second = submitted("事件测试：合并" + System.nanoTime()).id();
		scenario.stimulate(() -> triage.merge(second, first, township, null))
			.andWaitForEventOfType(OpinionEvent.Merged.class)
			.matching(e -> e.opinionId() == second)
			.toArriveAndVerify(e -> {
				assertThat(e.status()).isEqualTo(OpinionStatus.MERGED);
				assertThat(e.intoId()).isEqualTo(first);
			});
		scenario.stimulate(() -> triage.close(first, Outcome.NOT_ACCEPTED, "已进入司法程序", null, township, null))
			.andWaitForEventOfType(OpinionEvent.Closed.class)
			.matching(e -> e.opinionId() == first)
			.toArriveAndVerify(e -> {
				assertThat(e.status()).isEqualTo(OpinionStatus.CLOSED);
				assertThat(e.outcome()).isEqualTo(Outcome.NOT_ACCEPTED);
				assertThat(e.answeredNow()).isTrue();
			});
		long third = submitted("事件测试：材料" + System.nanoTime()).id();
		byte[] pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes();
		scenario.stimulate(() -> intake.attach(third, List.of(new Upload("a.pdf", pdf)), liaison))
			.andWaitForEventOfType(OpinionEvent.Attached.class)
			.matching(e -> e.opinionId() == third)
			.toArriveAndVerify(e -> {
				assertThat(e.files()).isEqualTo(1);
				assertThat(e.status()).isEqualTo(OpinionStatus.SUBMITTED);
			});
	}

	@Test
	void aCasePastItsDueDatePublishesOverdueOnce(Scenario scenario) {
		// assigned five weeks ago: its due date has passed
		Clock past = Clock.fixed(Instant.now().minus(Duration.ofDays(35)), time.now().getOffset());
		long id = time.at(past, () -> assigned("事件测试：超期" + System.nanoTime())).id();
		scenario.stimulate(() -> escalation.runOverdueNotices())
			.andWaitForEventOfType(OpinionEvent.Overdue.class)
			.matching(e -> e.opinionId() == id)
			.toArriveAndVerify(e -> {
				assertThat(e.status()).isEqualTo(OpinionStatus.ASSIGNED);
				assertThat(e.departmentId()).isEqualTo(deptId());
				assertThat(e.dueDate()).isBefore(time.today());
				assertThat(e.actorId()).isNull();
			});
	}

}
