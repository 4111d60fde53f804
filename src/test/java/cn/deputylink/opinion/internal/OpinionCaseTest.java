package cn.deputylink.opinion.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.opinion.Action;
import cn.deputylink.opinion.Opinion;
import cn.deputylink.opinion.OpinionEvent;
import cn.deputylink.opinion.OpinionStatus;
import cn.deputylink.opinion.Outcome;
import cn.deputylink.opinion.Satisfaction;
import cn.deputylink.opinion.Source;
import cn.deputylink.organisation.Department;
import cn.deputylink.organisation.Tier;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;

/**
 * The aggregate's rules without a database: every step in every status (allowed where
 * {@link Lifecycle} allows it, a 409 elsewhere), who may take it (403), its input (400),
 * the version (409), and what it changes, writes on the timeline and publishes.
 */
class OpinionCaseTest {

	private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 3, 2, 10, 0, 0, 0, ZoneOffset.ofHours(8));

	private static final LocalDate TODAY = NOW.toLocalDate();

	private static final LocalDate DUE = TODAY.plusDays(21);

	private static final LocalDate RETURN_BY = TODAY.plusDays(3);

	private static final OpinionCase.Terms TERMS = new OpinionCase.Terms() {

		@Override
		public OffsetDateTime now() {
			return NOW;
		}

		@Override
		public LocalDate today() {
			return TODAY;
		}

		@Override
		public LocalDate dueDate(@Nullable String categoryCode) {
			return DUE;
		}

		@Override
		public LocalDate returnBy() {
			return RETURN_BY;
		}
	};

	private static CurrentUser user(long id, Role role, @Nullable Long township, @Nullable Long department) {
		return new CurrentUser(id, "u" + id, "U" + id, role, township, null, null, department, false, false, null, true,
				false);
	}

	private static final CurrentUser COUNTY = user(1, Role.COUNTY_ADMIN, null, null);

	private static final CurrentUser TOWNSHIP = user(2, Role.TOWNSHIP_ADMIN, 1L, null);

	private static final CurrentUser OTHER_TOWNSHIP = user(3, Role.TOWNSHIP_ADMIN, 2L, null);

	private static final CurrentUser HANDLER = user(4, Role.DEPARTMENT_HANDLER, null, 7L);

	private static final CurrentUser LIAISON = user(5, Role.STATION_LIAISON, 1L, null);

	private static final Department DEPT_7 = new Department(7, "镇政府", Tier.TOWNSHIP, 1L, List.of("OTHER"), true, 0);

	private static final Department DEPT_8 = new Department(8, "县交通局", Tier.COUNTY, null, List.of("ROADS"), true, 0);

	private static final Opinion TARGET = opinion(OpinionStatus.SUBMITTED, false, null).withDeputies(List.of());

	private static Opinion opinion(OpinionStatus status, boolean reopened, @Nullable LocalDate returnBy) {
		boolean withDept = status.isWithDepartment() || status == OpinionStatus.REPLIED;
		return new Opinion(1, "0000-0000-00000", Source.RECEPTION, 1L, null, null, "OTHER", Tier.TOWNSHIP, "x", NOW,
				NOW, "张三", "138****0000", false, status, status == OpinionStatus.REPLIED ? Outcome.RESOLVED : null,
				withDept ? 7L : null, null, withDept ? DUE : null, returnBy, false, reopened, null, null, null, null,
				5L, List.of(), 3);
	}

	private static OpinionCase in(OpinionStatus status) {
		return new OpinionCase(opinion(status, false, RETURN_BY), null);
	}

	/** Each step taken by a user allowed to take it, with valid input. */
	private static final Map<Action, BiFunction<OpinionCase, @Nullable Integer, OpinionCase.Change>> STEPS = Map
		.ofEntries(Map.entry(Action.TRIAGE, (c, v) -> c.triage(COUNTY, "OTHER", true, Tier.TOWNSHIP, null, v, TERMS)),
				Map.entry(Action.ASSIGN, (c, v) -> c.assign(COUNTY, 7L, DEPT_7, DEPT_7, null, v, TERMS)),
				Map.entry(Action.RETURN, (c, v) -> c.returnToTriage(HANDLER, "不属本部门职责", v, TERMS)),
				Map.entry(Action.ACCEPT, (c, v) -> c.accept(HANDLER, v, TERMS)),
				Map.entry(Action.PROGRESS, (c, v) -> c.progress(HANDLER, "已现场核实", v, TERMS)),
				Map.entry(Action.REPLY, (c, v) -> c.reply(HANDLER, "已修复", Outcome.RESOLVED, v, TERMS)),
				Map.entry(Action.FEEDBACK, (c, v) -> c.rate(TOWNSHIP, Satisfaction.SATISFIED, null, v, TERMS)),
				Map.entry(Action.REOPEN, (c, v) -> c.rate(TOWNSHIP, Satisfaction.UNSATISFIED, "没修好", v, TERMS)),
				Map.entry(Action.CLOSE,
						(c, v) -> c.state().status() == OpinionStatus.REPLIED
								? c.close(COUNTY, null, null, null, v, TERMS)
								: c.close(COUNTY, Outcome.NOT_ACCEPTED, "已进入司法程序", null, v, TERMS)),
				Map.entry(Action.MERGE, (c, v) -> c.merge(COUNTY, 2L, withId(TARGET, 2), v, TERMS)),
				Map.entry(Action.ESCALATE, (c, v) -> c.escalate(COUNTY, "请三日内办结", v, TERMS)));

	private static final Map<Action, Class<? extends OpinionEvent>> EVENTS = Map.ofEntries(
			Map.entry(Action.TRIAGE, OpinionEvent.Triaged.class), Map.entry(Action.ASSIGN, OpinionEvent.Assigned.class),
			Map.entry(Action.RETURN, OpinionEvent.Returned.class),
			Map.entry(Action.ACCEPT, OpinionEvent.Accepted.class),
			Map.entry(Action.PROGRESS, OpinionEvent.Progressed.class),
			Map.entry(Action.REPLY, OpinionEvent.Replied.class), Map.entry(Action.FEEDBACK, OpinionEvent.Rated.class),
			Map.entry(Action.REOPEN, OpinionEvent.Rated.class), Map.entry(Action.CLOSE, OpinionEvent.Closed.class),
			Map.entry(Action.MERGE, OpinionEvent.Merged.class),
			Map.entry(Action.ESCALATE, OpinionEvent.Escalated.class));

	private static Opinion withId(Opinion o, long id) {
		return new Opinion(id, o.trackingCode(), o.source(), o.townshipId(), o.stationId(), o.villageId(),
				o.categoryCode(), o.tier(), o.content(), o.receivedAt(), o.submittedAt(), o.constituentName(),
				o.phoneMasked(), o.anonymous(), o.status(), o.outcome(), o.departmentId(), o.assignedAt(), o.dueDate(),
				o.returnBy(), o.escalated(), o.reopened(), o.satisfaction(), o.reply(), o.repliedAt(), o.mergedIntoId(),
				o.createdBy(), o.deputyIds(), o.version());
	}

	@Test
	void everyStepInEveryStatusIsAllowedExactlyWhereTheLifecycleAllowsIt() {
		for (var step : STEPS.entrySet()) {
			Action action = step.getKey();
			for (OpinionStatus status : OpinionStatus.values()) {
				OpinionCase c = in(status);
				if (Lifecycle.allows(status, action, false)) {
					OpinionCase.Change change = step.getValue().apply(c, 3);
					OpinionStatus to = Lifecycle.next(status, action, false);
					assertThat(change.opinion().status()).as(action + " from " + status).isEqualTo(to);
					assertThat(change.opinion().version()).as("the version moves on").isEqualTo(4);
					assertThat(change.before()).isSameAs(c);
					assertThat(c.state().status()).as("the aggregate read is unchanged").isEqualTo(status);
					assertThat(change.line().action()).isEqualTo(action);
					assertThat(change.line().from()).isEqualTo(status);
					assertThat(change.line().to()).isEqualTo(to);
					assertThat(change.line().at()).isEqualTo(NOW);
					assertThat(change.event()).isInstanceOf(EVENTS.get(action));
					assertThat(change.event().opinionId()).isEqualTo(1);
					assertThat(change.event().status()).isEqualTo(to);
					assertThat(change.event().at()).isEqualTo(NOW);
					assertThat(change.event().townshipId()).isEqualTo(1L);
				}
				else {
					assertThatThrownBy(() -> step.getValue().apply(c, 3)).as(action + " from " + status)
						.isInstanceOf(ConflictException.class);
				}
			}
		}
	}

	@Test
	void aStaleVersionIsAConflictAndNoVersionIsNoCheck() {
		assertThatThrownBy(
				() -> in(OpinionStatus.SUBMITTED).triage(COUNTY, "OTHER", true, Tier.TOWNSHIP, null, 2, TERMS))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("error.staleVersion");
		assertThat(in(OpinionStatus.SUBMITTED).triage(COUNTY, "OTHER", true, Tier.TOWNSHIP, null, null, TERMS)
			.opinion()
			.status()).isEqualTo(OpinionStatus.TRIAGED);
	}

	@Test
	void checksComeInTheirOrderStatusThenRightThenInputThenVersion() {
		// a wrong status wins over a wrong user, bad input and a stale version
		assertThatThrownBy(() -> in(OpinionStatus.CLOSED).triage(HANDLER, null, false, null, null, 0, TERMS))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("opinion.illegalTransition");
		// then the user's right, before the input
		assertThatThrownBy(() -> in(OpinionStatus.SUBMITTED).triage(HANDLER, null, false, null, null, 0, TERMS))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> in(OpinionStatus.SUBMITTED).triage(OTHER_TOWNSHIP, "OTHER", true, Tier.TOWNSHIP, null,
				null, TERMS))
			.isInstanceOf(AccessDeniedException.class);
		// then the input, before the version
		assertThatThrownBy(() -> in(OpinionStatus.SUBMITTED).triage(COUNTY, null, false, null, null, 0, TERMS))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void everyStepIsRefusedToAUserWithoutTheRight() {
		CurrentUser stranger = user(9, Role.DEPARTMENT_HANDLER, null, 99L);
		assertThatThrownBy(() -> in(OpinionStatus.ASSIGNED).accept(stranger, null, TERMS))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> in(OpinionStatus.IN_PROGRESS).reply(stranger, "x", Outcome.RESOLVED, null, TERMS))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> in(OpinionStatus.ASSIGNED).escalate(TOWNSHIP, "x", null, TERMS))
			.as("only the county escalates")
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> in(OpinionStatus.REPLIED).rate(LIAISON, Satisfaction.SATISFIED, null, null, TERMS))
			.as("the station does not record follow-up ratings")
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> in(OpinionStatus.TRIAGED).assign(HANDLER, 7L, DEPT_7, DEPT_7, null, null, TERMS))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> in(OpinionStatus.SUBMITTED).checkAttach(user(9, Role.DEPUTY, null, null)))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void assignmentGivesDeadlinesClearsEscalationAndAsksForAReasonAgainstTheRoutingTable() {
		OpinionCase c = new OpinionCase(withEscalated(opinion(OpinionStatus.TRIAGED, false, null)), NOW.minusDays(9));
		OpinionCase.Change change = c.assign(TOWNSHIP, 7L, DEPT_7, DEPT_7, null, null, TERMS);
		assertThat(change.opinion().departmentId()).isEqualTo(7L);
		assertThat(change.opinion().dueDate()).isEqualTo(DUE);
		assertThat(change.opinion().returnBy()).isEqualTo(RETURN_BY);
		assertThat(change.opinion().assignedAt()).isEqualTo(NOW);
		assertThat(change.opinion().escalated()).isFalse();
		assertThat(change.newDeadline()).as("the overdue notice may go again").isTrue();
		assertThat(((OpinionEvent.Assigned) change.event()).dueDate()).isEqualTo(DUE);
		assertThat(change.line().departmentId()).isEqualTo(7L);

		assertThatThrownBy(() -> c.assign(COUNTY, null, null, null, null, null, TERMS))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("opinion.assign.noRoute");
		assertThatThrownBy(() -> c.assign(COUNTY, 8L, null, DEPT_7, "x", null, TERMS))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("opinion.unknown.department");
		assertThatThrownBy(() -> c.assign(COUNTY, 8L, DEPT_8, DEPT_7, "x", null, TERMS))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("opinion.assign.notCompetent");
		Department otherFitting = new Department(9, "镇综治办", Tier.TOWNSHIP, 1L, List.of("OTHER"), true, 0);
		assertThatThrownBy(() -> c.assign(COUNTY, 9L, otherFitting, DEPT_7, null, null, TERMS))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("opinion.assign.overrideReason");
		assertThat(c.assign(COUNTY, 9L, otherFitting, DEPT_7, "群众要求", null, TERMS).opinion().departmentId())
			.isEqualTo(9L);
		Department elsewhere = new Department(10, "邻镇政府", Tier.TOWNSHIP, 2L, List.of("OTHER"), true, 0);
		assertThatThrownBy(() -> c.assign(TOWNSHIP, 10L, elsewhere, null, "x", null, TERMS))
			.as("a township admin assigns within its township")
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("opinion.unknown.department");
	}

	private static Opinion withEscalated(Opinion o) {
		return new Opinion(o.id(), o.trackingCode(), o.source(), o.townshipId(), o.stationId(), o.villageId(),
				o.categoryCode(), o.tier(), o.content(), o.receivedAt(), o.submittedAt(), o.constituentName(),
				o.phoneMasked(), o.anonymous(), o.status(), o.outcome(), o.departmentId(), o.assignedAt(), o.dueDate(),
				o.returnBy(), true, o.reopened(), o.satisfaction(), o.reply(), o.repliedAt(), o.mergedIntoId(),
				o.createdBy(), o.deputyIds(), o.version());
	}

	@Test
	void aDepartmentReturnsOnlyInTimeAndTheCaseLosesItsDepartment() {
		OpinionCase.Change back = in(OpinionStatus.ASSIGNED).returnToTriage(HANDLER, " 不属本部门 ", null, TERMS);
		assertThat(back.opinion().departmentId()).isNull();
		assertThat(back.opinion().dueDate()).isNull();
		assertThat(back.opinion().returnBy()).isNull();
		assertThat(back.line().departmentId()).as("the timeline keeps who returned it").isEqualTo(7L);
		assertThat(back.line().note()).isEqualTo("不属本部门");
		assertThat(((OpinionEvent.Returned) back.event()).fromDepartmentId()).isEqualTo(7L);

		OpinionCase late = new OpinionCase(opinion(OpinionStatus.ASSIGNED, false, TODAY.minusDays(1)), null);
		assertThatThrownBy(() -> late.returnToTriage(HANDLER, "x", null, TERMS)).isInstanceOf(ConflictException.class)
			.hasMessageContaining("opinion.return.tooLate");
		assertThatThrownBy(() -> in(OpinionStatus.ASSIGNED).returnToTriage(HANDLER, " ", null, TERMS))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void aReplyNeedsTextAndAReplyOutcome() {
		OpinionCase c = in(OpinionStatus.IN_PROGRESS);
		assertThatThrownBy(() -> c.reply(HANDLER, " ", Outcome.RESOLVED, null, TERMS))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> c.reply(HANDLER, "x", null, null, TERMS)).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> c.reply(HANDLER, "x", Outcome.NOT_ACCEPTED, null, TERMS))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("opinion.outcome.notForReply");
		OpinionCase.Change r = c.reply(HANDLER, " 已修复 ", Outcome.RESOLVED, null, TERMS);
		assertThat(r.opinion().reply()).isEqualTo("已修复");
		assertThat(r.opinion().repliedAt()).isEqualTo(NOW);
		assertThat(r.opinion().outcome()).isEqualTo(Outcome.RESOLVED);
	}

	@Test
	void unsatisfiedReopensOnceWithANewDueDateAndThenEveryRatingCloses() {
		OpinionCase.Change reopened = in(OpinionStatus.REPLIED).rate(null, Satisfaction.UNSATISFIED, "没修好", null,
				TERMS);
		assertThat(reopened.opinion().status()).isEqualTo(OpinionStatus.ASSIGNED);
		assertThat(reopened.opinion().reopened()).isTrue();
		assertThat(reopened.opinion().dueDate()).isEqualTo(DUE);
		assertThat(reopened.opinion().returnBy()).isNull();
		assertThat(reopened.newDeadline()).isTrue();
		assertThat(reopened.line().action()).isEqualTo(Action.REOPEN);
		assertThat(reopened.line().actorName()).isEqualTo(OpinionCase.CONSTITUENT);
		assertThat(reopened.line().satisfaction()).isEqualTo(Satisfaction.UNSATISFIED);
		OpinionEvent.Rated event = (OpinionEvent.Rated) reopened.event();
		assertThat(event.reopened()).isTrue();
		assertThat(event.actorId()).isNull();

		OpinionCase second = new OpinionCase(opinion(OpinionStatus.REPLIED, true, null), null);
		OpinionCase.Change closed = second.rate(null, Satisfaction.UNSATISFIED, null, null, TERMS);
		assertThat(closed.opinion().status()).as("the second answer is final").isEqualTo(OpinionStatus.CLOSED);
		assertThat(closed.line().action()).isEqualTo(Action.FEEDBACK);
		assertThat(((OpinionEvent.Rated) closed.event()).reopened()).isFalse();

		assertThatThrownBy(() -> in(OpinionStatus.REPLIED).rate(null, null, null, null, TERMS))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(
				() -> in(OpinionStatus.REPLIED).rate(null, Satisfaction.SATISFIED, "x".repeat(1001), null, TERMS))
			.isInstanceOf(InvalidInputException.class);
		// the constituent's bad input is a 400 even on a case that cannot be rated (as
		// the public form always did)
		assertThatThrownBy(() -> in(OpinionStatus.CLOSED).rate(null, null, null, null, TERMS))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> in(OpinionStatus.CLOSED).rate(null, Satisfaction.SATISFIED, null, null, TERMS))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void closingEarlyIsTheAnswerAndNeedsItsText() {
		OpinionCase c = in(OpinionStatus.SUBMITTED);
		assertThatThrownBy(() -> c.close(COUNTY, null, null, null, null, TERMS))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> c.close(COUNTY, Outcome.NOT_ACCEPTED, null, null, null, TERMS))
			.hasMessageContaining("opinion.close.explanationRequired");
		assertThatThrownBy(() -> c.close(COUNTY, Outcome.EXPLAINED, null, null, null, TERMS))
			.hasMessageContaining("opinion.close.replyRequired");
		assertThatThrownBy(() -> c.close(COUNTY, Outcome.NOT_RESOLVABLE, null, null, null, TERMS))
			.hasMessageContaining("opinion.close.outcomeNotHere");
		OpinionCase.Change onTheSpot = c.close(COUNTY, Outcome.EXPLAINED, null, " 现场解释 ", null, TERMS);
		assertThat(onTheSpot.opinion().reply()).isEqualTo("现场解释");
		assertThat(onTheSpot.line().note()).isEqualTo("现场解释");
		assertThat(((OpinionEvent.Closed) onTheSpot.event()).answeredNow()).isTrue();
		OpinionCase.Change notAccepted = c.close(COUNTY, Outcome.NOT_ACCEPTED, "司法程序", null, null, TERMS);
		assertThat(notAccepted.opinion().reply()).isEqualTo("司法程序");

		// the liaison officer who registered it may close it answered on the spot, nobody
		// else at the station
		CurrentUser registrar = user(5L, Role.STATION_LIAISON, 1L, null);
		assertThat(c.close(registrar, Outcome.RESOLVED, null, "已解决", null, TERMS).opinion().status())
			.isEqualTo(OpinionStatus.CLOSED);
		assertThatThrownBy(
				() -> c.close(user(6L, Role.STATION_LIAISON, 1L, null), Outcome.RESOLVED, null, "x", null, TERMS))
			.isInstanceOf(AccessDeniedException.class);

		OpinionCase.Change replied = in(OpinionStatus.REPLIED).close(COUNTY, null, null, null, null, TERMS);
		assertThat(replied.opinion().outcome()).as("the reply's outcome stays").isEqualTo(Outcome.RESOLVED);
		assertThat(((OpinionEvent.Closed) replied.event()).answeredNow()).isFalse();
		assertThatThrownBy(() -> in(OpinionStatus.REPLIED).close(COUNTY, Outcome.NOT_ACCEPTED, "x", null, null, TERMS))
			.hasMessageContaining("opinion.close.outcomeNotHere");
	}

	@Test
	void aMergeNeedsAnotherVisibleUnmergedTarget() {
		OpinionCase c = in(OpinionStatus.SUBMITTED);
		assertThatThrownBy(() -> c.merge(COUNTY, null, null, null, TERMS)).hasMessageContaining("validation.required");
		assertThatThrownBy(() -> c.merge(COUNTY, 2L, null, null, TERMS))
			.hasMessageContaining("opinion.merge.badTarget");
		assertThatThrownBy(() -> c.merge(COUNTY, 1L, c.state(), null, TERMS))
			.hasMessageContaining("opinion.merge.badTarget");
		Opinion merged = withId(opinion(OpinionStatus.MERGED, false, null), 2);
		assertThatThrownBy(() -> c.merge(COUNTY, 2L, merged, null, TERMS))
			.hasMessageContaining("opinion.merge.badTarget");
		Opinion elsewhere = new Opinion(2, "1111-1111-11111", Source.RECEPTION, 2L, null, null, null, null, "y", NOW,
				NOW, null, null, true, OpinionStatus.SUBMITTED, null, null, null, null, null, false, false, null, null,
				null, null, null, List.of(), 0);
		assertThatThrownBy(() -> c.merge(TOWNSHIP, 2L, elsewhere, null, TERMS))
			.hasMessageContaining("opinion.merge.badTarget");
		OpinionCase.Change m = c.merge(COUNTY, 2L, withId(TARGET, 2), null, TERMS);
		assertThat(m.opinion().mergedIntoId()).isEqualTo(2L);
		assertThat(m.line().note()).isEqualTo(TARGET.trackingCode());
		assertThat(((OpinionEvent.Merged) m.event()).intoId()).isEqualTo(2L);
	}

	@Test
	void escalationMarksTheCaseAndKeepsItsStatus() {
		OpinionCase.Change e = in(OpinionStatus.IN_PROGRESS).escalate(COUNTY, "请三日内办结", null, TERMS);
		assertThat(e.opinion().escalated()).isTrue();
		assertThat(e.after().escalatedAt()).isEqualTo(NOW);
		assertThat(e.opinion().status()).isEqualTo(OpinionStatus.IN_PROGRESS);
		assertThatThrownBy(() -> in(OpinionStatus.IN_PROGRESS).escalate(COUNTY, "", null, TERMS))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void aCaseIsOverdueWithItsDepartmentAfterItsDueDateOnly() {
		for (OpinionStatus s : OpinionStatus.values()) {
			Opinion o = opinion(s, false, null);
			OpinionCase pastDue = new OpinionCase(withDue(o, TODAY.minusDays(1)), null);
			boolean withDepartment = EnumSet.of(OpinionStatus.ASSIGNED, OpinionStatus.IN_PROGRESS).contains(s);
			assertThat(pastDue.isOverdue(TODAY)).as(s.name()).isEqualTo(withDepartment);
			assertThat(pastDue.overdue(TERMS) != null).isEqualTo(withDepartment);
			assertThat(new OpinionCase(withDue(o, TODAY), null).overdue(TERMS)).as("due today is not overdue").isNull();
		}
		OpinionEvent.Overdue event = new OpinionCase(
				withDue(opinion(OpinionStatus.ASSIGNED, false, null), TODAY.minusDays(1)), null)
			.overdue(TERMS);
		assertThat(event).isNotNull();
		assertThat(event.dueDate()).isEqualTo(TODAY.minusDays(1));
		assertThat(event.departmentId()).isEqualTo(7L);
	}

	private static Opinion withDue(Opinion o, LocalDate due) {
		return new Opinion(o.id(), o.trackingCode(), o.source(), o.townshipId(), o.stationId(), o.villageId(),
				o.categoryCode(), o.tier(), o.content(), o.receivedAt(), o.submittedAt(), o.constituentName(),
				o.phoneMasked(), o.anonymous(), o.status(), o.outcome(), o.departmentId(), o.assignedAt(), due,
				o.returnBy(), o.escalated(), o.reopened(), o.satisfaction(), o.reply(), o.repliedAt(), o.mergedIntoId(),
				o.createdBy(), o.deputyIds(), o.version());
	}

	@Test
	void papersLeaveTheOpinionAsItIsAndAreOnTheTimeline() {
		OpinionCase c = in(OpinionStatus.ASSIGNED);
		c.checkAttach(HANDLER);
		OpinionCase.Change a = c.attach(HANDLER, List.of("a.jpg", "b.pdf"), NOW);
		assertThat(a.opinion()).isSameAs(c.state());
		assertThat(a.line().note()).isEqualTo("a.jpg, b.pdf");
		assertThatThrownBy(() -> in(OpinionStatus.CLOSED).checkAttach(COUNTY)).isInstanceOf(ConflictException.class);
	}

	@Test
	void eventsCarryNoPersonalData() {
		for (Class<?> type : OpinionEvent.class.getPermittedSubclasses()) {
			for (var component : type.getRecordComponents()) {
				assertThat(component.getName().toLowerCase()).as(type.getSimpleName())
					.doesNotContain("phone", "name", "content", "comment", "reply", "note");
			}
		}
	}

}
