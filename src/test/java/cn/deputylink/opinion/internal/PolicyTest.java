package cn.deputylink.opinion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.opinion.Action;
import cn.deputylink.opinion.Opinion;
import cn.deputylink.opinion.OpinionStatus;
import cn.deputylink.opinion.Outcome;
import cn.deputylink.opinion.Source;

/** Who may see an opinion and take which action, per role and relation (status aside). */
class PolicyTest {

	private static CurrentUser user(long id, Role role, Long township, Long department, Long deputy) {
		return new CurrentUser(id, "u" + id, "U" + id, role, township, null, deputy, department, false, false, null,
				true, false);
	}

	private static final CurrentUser COUNTY = user(1, Role.COUNTY_ADMIN, null, null, null);

	private static final CurrentUser TOWNSHIP_1 = user(2, Role.TOWNSHIP_ADMIN, 1L, null, null);

	private static final CurrentUser TOWNSHIP_2 = user(3, Role.TOWNSHIP_ADMIN, 2L, null, null);

	private static final CurrentUser LIAISON_1 = user(4, Role.STATION_LIAISON, 1L, null, null);

	private static final CurrentUser DEPT_7 = user(5, Role.DEPARTMENT_HANDLER, null, 7L, null);

	private static final CurrentUser DEPT_8 = user(6, Role.DEPARTMENT_HANDLER, null, 8L, null);

	private static final CurrentUser DEPUTY_9 = user(7, Role.DEPUTY, null, null, 9L);

	private static Opinion opinion(OpinionStatus status, Long township, Long department, List<Long> deputies,
			Long createdBy) {
		OffsetDateTime now = OffsetDateTime.now();
		return new Opinion(1, "0000-0000-00000", Source.RECEPTION, township, null, null, "OTHER", null, "x", now, now,
				"张三", "138****0000", false, status, null, department, null, null, null, false, false, null, null, null,
				null, createdBy, deputies, 0);
	}

	@Test
	void visibilityFollowsTheDataScope() {
		Opinion o = opinion(OpinionStatus.ASSIGNED, 1L, 7L, List.of(9L), 4L);
		assertThat(Policy.canSee(COUNTY, o, false)).isTrue();
		assertThat(Policy.canSee(TOWNSHIP_1, o, false)).isTrue();
		assertThat(Policy.canSee(TOWNSHIP_2, o, false)).isFalse();
		assertThat(Policy.canSee(LIAISON_1, o, false)).isTrue();
		assertThat(Policy.canSee(DEPT_7, o, false)).isTrue();
		assertThat(Policy.canSee(DEPT_8, o, false)).isFalse();
		assertThat(Policy.canSee(DEPT_8, o, true)).as("a department that returned it still reads it").isTrue();
		assertThat(Policy.canSee(DEPUTY_9, o, false)).isTrue();
		assertThat(Policy.canSee(user(8, Role.DEPUTY, null, null, 10L), o, false)).isFalse();
		Opinion countyLevel = opinion(OpinionStatus.SUBMITTED, null, null, List.of(), null);
		assertThat(Policy.canSee(TOWNSHIP_1, countyLevel, false)).as("no township: the county's").isFalse();
	}

	@Test
	void triageBelongsToTheTownshipAndTheCounty() {
		Opinion o = opinion(OpinionStatus.SUBMITTED, 1L, null, List.of(), 4L);
		assertThat(Policy.mayAct(COUNTY, o, Action.TRIAGE, null)).isTrue();
		assertThat(Policy.mayAct(TOWNSHIP_1, o, Action.TRIAGE, null)).isTrue();
		assertThat(Policy.mayAct(TOWNSHIP_2, o, Action.TRIAGE, null)).isFalse();
		assertThat(Policy.mayAct(LIAISON_1, o, Action.TRIAGE, null)).isFalse();
		assertThat(Policy.mayAct(DEPT_7, o, Action.TRIAGE, null)).isFalse();
		assertThat(Policy.allowedActions(TOWNSHIP_1, o)).containsExactlyInAnyOrder(Action.TRIAGE, Action.CLOSE,
				Action.MERGE, Action.ATTACH);
	}

	@Test
	void onlyTheAssignedDepartmentHandles() {
		Opinion o = opinion(OpinionStatus.ASSIGNED, 1L, 7L, List.of(), null);
		assertThat(Policy.allowedActions(DEPT_7, o)).containsExactlyInAnyOrder(Action.ACCEPT, Action.RETURN,
				Action.ATTACH);
		assertThat(Policy.allowedActions(DEPT_8, o)).isEmpty();
		assertThat(Policy.allowedActions(COUNTY, o)).containsExactlyInAnyOrder(Action.ESCALATE, Action.ATTACH);
		assertThat(Policy.allowedActions(TOWNSHIP_1, o)).containsExactly(Action.ATTACH);
	}

	@Test
	void aFollowUpRatingIsRecordedByTheTownshipNotByTheStationOrTheDepartment() {
		Opinion replied = opinion(OpinionStatus.REPLIED, 1L, 7L, List.of(), 4L);
		assertThat(Policy.allowedActions(TOWNSHIP_1, replied)).containsExactlyInAnyOrder(Action.FEEDBACK, Action.REOPEN,
				Action.CLOSE, Action.ATTACH);
		assertThat(Policy.allowedActions(COUNTY, replied)).contains(Action.FEEDBACK, Action.REOPEN);
		// even the liaison officer who registered it: follow-up calls (回访) are the
		// township's and the county's
		assertThat(Policy.allowedActions(LIAISON_1, replied)).doesNotContain(Action.FEEDBACK, Action.REOPEN,
				Action.CLOSE);
		assertThat(Policy.allowedActions(DEPT_7, replied)).containsExactly(Action.ATTACH);
		assertThat(Policy.allowedActions(TOWNSHIP_2, replied)).isEmpty();
	}

	@Test
	void liaisonAndDeputyCloseOnlyWhatTheyRegisteredAndAnsweredOnTheSpot() {
		Opinion byLiaison = opinion(OpinionStatus.SUBMITTED, 1L, null, List.of(9L), 4L);
		assertThat(Policy.mayAct(LIAISON_1, byLiaison, Action.CLOSE, Outcome.RESOLVED)).isTrue();
		assertThat(Policy.mayAct(LIAISON_1, byLiaison, Action.CLOSE, Outcome.NOT_ACCEPTED)).isFalse();
		// the receiving deputy did not register it: not its to close
		assertThat(Policy.mayAct(DEPUTY_9, byLiaison, Action.CLOSE, Outcome.EXPLAINED)).isFalse();
		Opinion byDeputy = opinion(OpinionStatus.SUBMITTED, 1L, null, List.of(9L), 7L);
		assertThat(Policy.mayAct(DEPUTY_9, byDeputy, Action.CLOSE, Outcome.EXPLAINED)).isTrue();
		// another liaison officer of the same township, or the township's own
		// registration: no
		assertThat(Policy.mayAct(LIAISON_1, byDeputy, Action.CLOSE, Outcome.RESOLVED)).isFalse();
		Opinion byTownship = opinion(OpinionStatus.SUBMITTED, 1L, null, List.of(), 2L);
		assertThat(Policy.mayAct(LIAISON_1, byTownship, Action.CLOSE, Outcome.RESOLVED)).isFalse();
		assertThat(Policy.allowedActions(LIAISON_1, byTownship)).containsExactly(Action.ATTACH);
		Opinion triaged = opinion(OpinionStatus.TRIAGED, 1L, null, List.of(9L), 7L);
		assertThat(Policy.mayAct(DEPUTY_9, triaged, Action.CLOSE, Outcome.EXPLAINED)).isFalse();
	}

	@Test
	void fullPhoneOnlyForThoseWhoCallBack() {
		Opinion o = opinion(OpinionStatus.IN_PROGRESS, 1L, 7L, List.of(9L), 7L);
		assertThat(Policy.mayRevealPhone(TOWNSHIP_1, o)).isTrue();
		assertThat(Policy.mayRevealPhone(DEPT_7, o)).isTrue();
		assertThat(Policy.mayRevealPhone(DEPT_8, o)).isFalse();
		assertThat(Policy.mayRevealPhone(DEPUTY_9, o)).isFalse();
		assertThat(Policy.mayRevealPhone(DEPT_7, opinion(OpinionStatus.CLOSED, 1L, 7L, List.of(), null))).isFalse();
	}

}
