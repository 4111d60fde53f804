package cn.deputylink.proposal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.security.access.AccessDeniedException;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.proposal.CoSignerState;
import cn.deputylink.proposal.Evaluation;
import cn.deputylink.proposal.HandlingUnit;
import cn.deputylink.proposal.NewProposal;
import cn.deputylink.proposal.Period;
import cn.deputylink.proposal.Proposal;
import cn.deputylink.proposal.ProposalEvent;
import cn.deputylink.proposal.ProposalStatus;
import cn.deputylink.proposal.ProposalStep;
import cn.deputylink.proposal.UnitRole;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;

/**
 * The proposal aggregate's rules without a database: every step in every status (legal
 * ones move the proposal as the lifecycle says, the others are 409), who may take each
 * step (403), the co-signers' rules, the evaluation's rounds, the version.
 */
class ProposalCaseTest {

	static final OffsetDateTime NOW = OffsetDateTime.of(2026, 3, 2, 10, 0, 0, 0, ZoneOffset.ofHours(8));

	static final long LEAD = 10;

	static final long CO = 11;

	static final long LEAD_UNIT = 100;

	static final long CO_UNIT = 101;

	static final CurrentUser LEAD_DEPUTY = user(1, Role.DEPUTY, LEAD, null);

	static final CurrentUser CO_DEPUTY = user(2, Role.DEPUTY, CO, null);

	static final CurrentUser OTHER_DEPUTY = user(3, Role.DEPUTY, 12L, null);

	static final CurrentUser COUNTY = user(4, Role.COUNTY_ADMIN, null, null);

	static final CurrentUser OTHER_COUNTY = user(5, Role.COUNTY_ADMIN, null, null);

	static final CurrentUser LEAD_HANDLER = user(6, Role.DEPARTMENT_HANDLER, null, LEAD_UNIT);

	static final CurrentUser CO_HANDLER = user(7, Role.DEPARTMENT_HANDLER, null, CO_UNIT);

	static final CurrentUser TOWNSHIP = user(8, Role.TOWNSHIP_ADMIN, null, null);

	static CurrentUser user(long id, Role role, @Nullable Long deputyId, @Nullable Long departmentId) {
		return new CurrentUser(id, "u" + id, "用户" + id, role, role == Role.TOWNSHIP_ADMIN ? 1L : null, null, deputyId,
				departmentId, false, false, null, true, false);
	}

	static final ProposalCase.Terms TERMS = new ProposalCase.Terms() {
		@Override
		public OffsetDateTime now() {
			return NOW;
		}

		@Override
		public LocalDate assignBy(LocalDate submitted) {
			return submitted.plusDays(7);
		}

		@Override
		public LocalDate replyDue(LocalDate assigned) {
			return assigned.plusMonths(3);
		}

		@Override
		public LocalDate extendedReplyDue(LocalDate assigned) {
			return assigned.plusMonths(6);
		}

		@Override
		public LocalDate rehandleDue(LocalDate evaluated) {
			return evaluated.plusMonths(1);
		}
	};

	static final ProposalCase.DraftChecks CHECKS = new ProposalCase.DraftChecks() {
		@Override
		public boolean activeDeputy(long deputyId) {
			return deputyId >= 10 && deputyId <= 19;
		}

		@Override
		public @Nullable String opinionError(long opinionId) {
			return opinionId == 1 ? null : "proposal.opinion.status";
		}
	};

	/**
	 * A proposal in {@code status} with its confirmed co-signer and, once assigned, its
	 * units.
	 */
	static ProposalCase inStatus(ProposalStatus status, int round) {
		boolean assigned = EnumSet
			.of(ProposalStatus.ASSIGNED, ProposalStatus.REPLIED, ProposalStatus.EVALUATED, ProposalStatus.CLOSED)
			.contains(status);
		Proposal p = new Proposal(7, "标题", "内容", LEAD, Period.SESSION, status, null, null, true, false, 1,
				NOW.minusDays(30), null, null, null, null, assigned ? LEAD_UNIT : null,
				assigned ? List.of(CO_UNIT) : List.of(), assigned ? NOW.minusDays(20) : null,
				assigned ? NOW.toLocalDate().plusMonths(2) : null, false, false, null, null, null, null, null, null,
				round, false, null, List.of(new Proposal.CoSigner(CO, CoSignerState.CONFIRMED, NOW.minusDays(29))),
				List.of(), 3);
		List<HandlingUnit> units = assigned ? List.of(new HandlingUnit(LEAD_UNIT, UnitRole.LEAD, null, null),
				new HandlingUnit(CO_UNIT, UnitRole.CO, null, null)) : List.of();
		return new ProposalCase(p, units, status == ProposalStatus.ASSIGNED);
	}

	static NewProposal draft(List<Long> coSigners) {
		return new NewProposal("修路", "请修村道", LEAD, coSigners, List.of(), Period.RECESS, false);
	}

	/** The step taken by the one who takes it, with valid input. */
	static ProposalCase.Change take(ProposalCase c, ProposalStep step, @Nullable Integer version) {
		return switch (step) {
			case EDIT -> c.edit(draft(List.of(CO)), LEAD_DEPUTY, CHECKS, version, NOW);
			case WITHDRAW -> c.withdraw(LEAD_DEPUTY, version, NOW);
			case SUBMIT -> c.submit(LEAD_DEPUTY, version, TERMS);
			case CO_SIGN -> c.answerCoSign(true, CO_DEPUTY, NOW);
			case REGISTER -> c.register(COUNTY, 2026, 5, null, version, NOW);
			case REFUSE -> c.refuse(COUNTY, "不属于建议范围", version, NOW);
			case ASSIGN -> c.assign(COUNTY, LEAD_UNIT, List.of(CO_UNIT), d -> true, null, version, TERMS);
			case SUPERVISE -> c.supervise(COUNTY, true, "重点督办", NOW);
			case CO_UNIT_INPUT -> c.coUnitInput(CO_HANDLER, "协办意见", NOW);
			case REQUEST_EXTENSION -> c.requestExtension(LEAD_HANDLER, "需要调研", NOW);
			case DECIDE_EXTENSION -> c.decideExtension(COUNTY, true, null, version, TERMS);
			case REPLY -> c.reply(LEAD_HANDLER, "已办理", "A", x -> true, version, NOW);
			case EVALUATE -> c.evaluate(LEAD_DEPUTY, Evaluation.SATISFIED, null, version, TERMS);
			case CLOSE -> c.close(COUNTY, null, version, NOW);
		};
	}

	/** The lifecycle as the domain describes it: the statuses each step is allowed in. */
	static final Map<ProposalStep, Set<ProposalStatus>> LEGAL = Map.ofEntries(
			Map.entry(ProposalStep.EDIT, EnumSet.of(ProposalStatus.DRAFT)),
			Map.entry(ProposalStep.WITHDRAW, EnumSet.of(ProposalStatus.DRAFT)),
			Map.entry(ProposalStep.SUBMIT, EnumSet.of(ProposalStatus.DRAFT)),
			Map.entry(ProposalStep.CO_SIGN, EnumSet.of(ProposalStatus.DRAFT)),
			Map.entry(ProposalStep.REGISTER, EnumSet.of(ProposalStatus.SUBMITTED)),
			Map.entry(ProposalStep.REFUSE, EnumSet.of(ProposalStatus.SUBMITTED)),
			Map.entry(ProposalStep.ASSIGN, EnumSet.of(ProposalStatus.REGISTERED)),
			Map.entry(ProposalStep.SUPERVISE,
					EnumSet.of(ProposalStatus.SUBMITTED, ProposalStatus.REGISTERED, ProposalStatus.ASSIGNED,
							ProposalStatus.REPLIED, ProposalStatus.EVALUATED)),
			Map.entry(ProposalStep.CO_UNIT_INPUT, EnumSet.of(ProposalStatus.ASSIGNED)),
			Map.entry(ProposalStep.REQUEST_EXTENSION, EnumSet.of(ProposalStatus.ASSIGNED)),
			Map.entry(ProposalStep.DECIDE_EXTENSION, EnumSet.of(ProposalStatus.ASSIGNED)),
			Map.entry(ProposalStep.REPLY, EnumSet.of(ProposalStatus.ASSIGNED)),
			Map.entry(ProposalStep.EVALUATE, EnumSet.of(ProposalStatus.REPLIED)),
			Map.entry(ProposalStep.CLOSE, EnumSet.of(ProposalStatus.EVALUATED)));

	/** Where a legal step leads. */
	static ProposalStatus target(ProposalStep step, ProposalStatus from) {
		return switch (step) {
			case WITHDRAW -> ProposalStatus.WITHDRAWN;
			case SUBMIT -> ProposalStatus.SUBMITTED;
			case REGISTER -> ProposalStatus.REGISTERED;
			case REFUSE -> ProposalStatus.REFUSED;
			case ASSIGN -> ProposalStatus.ASSIGNED;
			case REPLY -> ProposalStatus.REPLIED;
			case EVALUATE -> ProposalStatus.EVALUATED;
			case CLOSE -> ProposalStatus.CLOSED;
			default -> from;
		};
	}

	static Stream<Arguments> everyStatusAndStep() {
		List<Arguments> out = new ArrayList<>();
		for (ProposalStatus s : ProposalStatus.values()) {
			for (ProposalStep step : ProposalStep.values()) {
				out.add(Arguments.of(s, step));
			}
		}
		return out.stream();
	}

	@ParameterizedTest(name = "{1} in {0}")
	@MethodSource("everyStatusAndStep")
	void everyStepInEveryStatus(ProposalStatus status, ProposalStep step) {
		ProposalCase c = inStatus(status, 1);
		if (LEGAL.get(step).contains(status)) {
			ProposalCase.Change change = take(c, step, 3);
			assertThat(change.proposal().status()).isEqualTo(target(step, status));
			assertThat(change.line().from()).isEqualTo(status);
			assertThat(change.line().to()).isEqualTo(change.proposal().status());
			assertThat(change.event()).isNotNull();
			assertThat(change.event().status()).isEqualTo(change.proposal().status());
			assertThat(change.event().proposalId()).isEqualTo(7);
			assertThat(c.allowedSteps(actorOf(step))).contains(step);
		}
		else {
			assertThatThrownBy(() -> take(c, step, 3)).isInstanceOf(ConflictException.class);
			assertThat(c.allowedSteps(actorOf(step))).doesNotContain(step);
		}
	}

	static CurrentUser actorOf(ProposalStep step) {
		return switch (step) {
			case EDIT, WITHDRAW, SUBMIT, EVALUATE -> LEAD_DEPUTY;
			case CO_SIGN -> CO_DEPUTY;
			case CO_UNIT_INPUT -> CO_HANDLER;
			case REQUEST_EXTENSION, REPLY -> LEAD_HANDLER;
			default -> COUNTY;
		};
	}

	static Stream<Arguments> everyStepInItsStatus() {
		List<Arguments> out = new ArrayList<>();
		LEGAL.forEach((step, statuses) -> out.add(Arguments.of(step, statuses.iterator().next())));
		return out.stream();
	}

	@ParameterizedTest(name = "{0} by the wrong users")
	@MethodSource("everyStepInItsStatus")
	void onlyTheRightUserTakesAStep(ProposalStep step, ProposalStatus status) {
		ProposalCase c = inStatus(status, 1);
		for (CurrentUser u : List.of(LEAD_DEPUTY, CO_DEPUTY, OTHER_DEPUTY, COUNTY, LEAD_HANDLER, CO_HANDLER,
				TOWNSHIP)) {
			boolean actor = u == actorOf(step)
					|| (step == ProposalStep.EDIT || step == ProposalStep.WITHDRAW || step == ProposalStep.SUBMIT)
							&& u == LEAD_DEPUTY;
			assertThat(c.isActor(step, u)).as(step + " by " + u.role() + " " + u.id()).isEqualTo(actor);
		}
		// the township admin reads, never acts
		assertThat(c.allowedSteps(TOWNSHIP)).isEmpty();
		assertThatThrownBy(() -> c.withdraw(TOWNSHIP, null, NOW)).isInstanceOfAny(AccessDeniedException.class,
				ConflictException.class);
	}

	@Test
	void aStepOfTheWrongUserIs403() {
		assertThatThrownBy(() -> inStatus(ProposalStatus.SUBMITTED, 1).register(LEAD_DEPUTY, 2026, 1, null, null, NOW))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> inStatus(ProposalStatus.ASSIGNED, 1).reply(CO_HANDLER, "答", "A", x -> true, null, NOW))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> inStatus(ProposalStatus.ASSIGNED, 1).coUnitInput(LEAD_HANDLER, "意见", NOW))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(
				() -> inStatus(ProposalStatus.REPLIED, 1).evaluate(CO_DEPUTY, Evaluation.SATISFIED, null, null, TERMS))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> inStatus(ProposalStatus.DRAFT, 1).answerCoSign(true, OTHER_DEPUTY, NOW))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void aStaleVersionIs409AndChangesNothing() {
		ProposalCase c = inStatus(ProposalStatus.SUBMITTED, 1);
		assertThatThrownBy(() -> c.register(COUNTY, 2026, 1, null, 2, NOW)).isInstanceOf(ConflictException.class)
			.hasFieldOrPropertyWithValue("messageKey", "proposal.error.stale");
		assertThat(c.status()).isEqualTo(ProposalStatus.SUBMITTED);
		assertThat(c.register(COUNTY, 2026, 1, null, null, NOW).proposal().number()).isEqualTo("2026-001");
	}

	@Test
	void aDeputyDraftsForItselfAndTheCountyOnItsBehalf() {
		ProposalCase own = ProposalCase.draft(draft(List.of(CO)), LEAD_DEPUTY, CHECKS, NOW);
		assertThat(own.state().onBehalf()).isFalse();
		assertThat(own.state().leadDeputyId()).isEqualTo(LEAD);
		assertThat(own.state().coSigners()).extracting(Proposal.CoSigner::state).containsExactly(CoSignerState.PENDING);
		assertThatThrownBy(() -> ProposalCase.draft(draft(List.of()), OTHER_DEPUTY, CHECKS, NOW))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> ProposalCase.draft(draft(List.of()), LEAD_HANDLER, CHECKS, NOW))
			.isInstanceOf(AccessDeniedException.class);
		ProposalCase entered = ProposalCase.draft(draft(List.of()), COUNTY, CHECKS, NOW);
		assertThat(entered.state().onBehalf()).isTrue();
		assertThat(entered.state().enteredBy()).isEqualTo(COUNTY.id());
		ProposalCase saved = entered.drafted(9, COUNTY, NOW, "代录入").after();
		assertThat(saved.isDrafter(COUNTY)).isTrue();
		assertThat(saved.isDrafter(OTHER_COUNTY)).isFalse();
		assertThat(saved.isDrafter(LEAD_DEPUTY)).isTrue();
		ProposalEvent.Drafted e = (ProposalEvent.Drafted) entered.drafted(9, COUNTY, NOW, null).event();
		assertThat(e.onBehalf()).isTrue();
	}

	@Test
	void coSignersAreOtherActiveDeputiesOnce() {
		assertField(() -> ProposalCase.draft(draft(List.of(LEAD)), LEAD_DEPUTY, CHECKS, NOW), "coSignerIds");
		assertField(() -> ProposalCase.draft(draft(List.of(CO, CO)), LEAD_DEPUTY, CHECKS, NOW), "coSignerIds");
		assertField(() -> ProposalCase.draft(draft(List.of(99L)), LEAD_DEPUTY, CHECKS, NOW), "coSignerIds");
		assertField(() -> ProposalCase.draft(new NewProposal(" ", "x", null, null, null, Period.SESSION, false),
				LEAD_DEPUTY, CHECKS, NOW), "title");
		assertField(() -> ProposalCase.draft(new NewProposal("t", "x", null, null, List.of(2L), null, false),
				LEAD_DEPUTY, CHECKS, NOW), "period");
		assertField(() -> ProposalCase.draft(new NewProposal("t", "x", null, null, List.of(2L), Period.SESSION, false),
				LEAD_DEPUTY, CHECKS, NOW), "opinionIds");
		assertField(() -> ProposalCase.draft(new NewProposal("t", "x", null, null, null, Period.SESSION, false), COUNTY,
				CHECKS, NOW), "leadDeputyId");
	}

	@Test
	void submissionWaitsForEveryCoSignerAndEachAnswersForItself() {
		ProposalCase d = ProposalCase.draft(draft(List.of(CO, 12L)), LEAD_DEPUTY, CHECKS, NOW)
			.drafted(7, LEAD_DEPUTY, NOW, null)
			.after();
		assertThatThrownBy(() -> d.submit(LEAD_DEPUTY, null, TERMS)).isInstanceOf(ConflictException.class)
			.hasFieldOrPropertyWithValue("messageKey", "proposal.error.coSignersPending");
		ProposalCase one = d.answerCoSign(true, CO_DEPUTY, NOW).after();
		assertThat(one.state().coSigners()).extracting(Proposal.CoSigner::state)
			.containsExactly(CoSignerState.CONFIRMED, CoSignerState.PENDING);
		assertThatThrownBy(() -> one.submit(LEAD_DEPUTY, null, TERMS)).isInstanceOf(ConflictException.class);
		ProposalCase both = one.answerCoSign(false, OTHER_DEPUTY, NOW).after();
		assertThat(both.state().confirmedCoSignerIds()).containsExactly(CO);
		ProposalCase.Change submitted = both.submit(LEAD_DEPUTY, null, TERMS);
		assertThat(submitted.proposal().assignBy()).isEqualTo(NOW.toLocalDate().plusDays(7));
		// the lead may not answer in their stead
		assertThatThrownBy(() -> d.answerCoSign(true, LEAD_DEPUTY, NOW)).isInstanceOf(AccessDeniedException.class);
		// an edit keeps answers given and asks the new co-signers
		ProposalCase.Change edited = one.edit(draft(List.of(CO, 13L)), LEAD_DEPUTY, CHECKS, null, NOW);
		assertThat(edited.proposal().coSigners()).extracting(Proposal.CoSigner::state)
			.containsExactly(CoSignerState.CONFIRMED, CoSignerState.PENDING);
		assertThat(((ProposalEvent.Drafted) edited.event()).coSignerIds()).containsExactly(13L);
	}

	@Test
	void anUnsatisfiedEvaluationSendsItBackOnce() {
		ProposalCase.Change first = inStatus(ProposalStatus.REPLIED, 1).evaluate(LEAD_DEPUTY, Evaluation.UNSATISFIED,
				"没解决", null, TERMS);
		assertThat(first.proposal().status()).isEqualTo(ProposalStatus.ASSIGNED);
		assertThat(first.proposal().round()).isEqualTo(2);
		assertThat(first.proposal().replyDue()).isEqualTo(NOW.toLocalDate().plusMonths(1));
		assertThat(((ProposalEvent.Evaluated) first.event()).sentBack()).isTrue();
		ProposalCase.Change second = inStatus(ProposalStatus.REPLIED, 2).evaluate(LEAD_DEPUTY, Evaluation.UNSATISFIED,
				null, null, TERMS);
		assertThat(second.proposal().status()).isEqualTo(ProposalStatus.EVALUATED);
		assertThat(((ProposalEvent.Evaluated) second.event()).sentBack()).isFalse();
		assertThat(inStatus(ProposalStatus.REPLIED, 1)
			.evaluate(LEAD_DEPUTY, Evaluation.BASICALLY_SATISFIED, null, null, TERMS)
			.proposal()
			.status()).isEqualTo(ProposalStatus.EVALUATED);
		assertField(() -> inStatus(ProposalStatus.REPLIED, 1).evaluate(LEAD_DEPUTY, null, null, null, TERMS),
				"satisfaction");
	}

	@Test
	void theLeadUnitAsksForMoreTimeOnceAndTheCountyDecides() {
		ProposalCase assigned = new ProposalCase(inStatus(ProposalStatus.ASSIGNED, 1).state(),
				inStatus(ProposalStatus.ASSIGNED, 1).units(), false);
		assertThat(assigned.allowedSteps(COUNTY)).doesNotContain(ProposalStep.DECIDE_EXTENSION);
		ProposalCase asked = assigned.requestExtension(LEAD_HANDLER, "需调研", NOW).after();
		assertThat(asked.extensionPending()).isTrue();
		assertThatThrownBy(() -> asked.requestExtension(LEAD_HANDLER, "再延", NOW)).isInstanceOf(ConflictException.class);
		ProposalCase.Change approved = asked.decideExtension(COUNTY, true, null, null, TERMS);
		assertThat(approved.proposal().extended()).isTrue();
		assertThat(approved.proposal().replyDue()).isEqualTo(NOW.minusDays(20).toLocalDate().plusMonths(6));
		assertThat(approved.after().extensionPending()).isFalse();
		ProposalCase.Change rejected = asked.decideExtension(COUNTY, false, "不同意", null, TERMS);
		assertThat(rejected.proposal().extended()).isFalse();
		assertThat(rejected.proposal().replyDue()).isEqualTo(assigned.state().replyDue());
		assertField(() -> assigned.requestExtension(LEAD_HANDLER, " ", NOW), "reason");
	}

	@Test
	void assignmentAndReplyCheckTheirInput() {
		ProposalCase registered = inStatus(ProposalStatus.REGISTERED, 1);
		assertField(() -> registered.assign(COUNTY, null, List.of(), d -> true, null, null, TERMS), "leadDepartmentId");
		assertField(() -> registered.assign(COUNTY, LEAD_UNIT, List.of(LEAD_UNIT), d -> true, null, null, TERMS),
				"coDepartmentIds");
		assertField(() -> registered.assign(COUNTY, LEAD_UNIT, List.of(CO_UNIT, CO_UNIT), d -> true, null, null, TERMS),
				"coDepartmentIds");
		assertField(() -> registered.assign(COUNTY, LEAD_UNIT, List.of(CO_UNIT), d -> d != CO_UNIT, null, null, TERMS),
				"coDepartmentIds");
		ProposalCase.Change a = registered.assign(COUNTY, LEAD_UNIT, List.of(CO_UNIT), d -> true, null, null, TERMS);
		assertThat(a.proposal().replyDue()).isEqualTo(NOW.toLocalDate().plusMonths(3));
		assertThat(a.after().units()).extracting(HandlingUnit::role).containsExactly(UnitRole.LEAD, UnitRole.CO);
		ProposalCase assigned = inStatus(ProposalStatus.ASSIGNED, 1);
		assertField(() -> assigned.reply(LEAD_HANDLER, "答复", "Z", x -> false, null, NOW), "resultClass");
		assertField(() -> assigned.reply(LEAD_HANDLER, " ", "A", x -> true, null, NOW), "content");
		assertField(() -> inStatus(ProposalStatus.SUBMITTED, 1).refuse(COUNTY, " ", null, NOW), "reason");
		assertField(() -> inStatus(ProposalStatus.SUBMITTED, 1).supervise(COUNTY, true, null, NOW), "note");
	}

	static void assertField(Runnable step, String field) {
		assertThatThrownBy(step::run).isInstanceOf(InvalidInputException.class)
			.satisfies(ex -> assertThat(((InvalidInputException) ex).errors())
				.extracting(InvalidInputException.FieldError::field)
				.contains(field));
	}

}
