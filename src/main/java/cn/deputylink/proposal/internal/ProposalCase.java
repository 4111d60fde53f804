package cn.deputylink.proposal.internal;

import static cn.deputylink.shared.TextInput.blankToNull;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.proposal.CoSignerState;
import cn.deputylink.proposal.Evaluation;
import cn.deputylink.proposal.HandlingUnit;
import cn.deputylink.proposal.NewProposal;
import cn.deputylink.proposal.Period;
import cn.deputylink.proposal.Proposal;
import cn.deputylink.proposal.ProposalAction;
import cn.deputylink.proposal.ProposalEvent;
import cn.deputylink.proposal.ProposalStatus;
import cn.deputylink.proposal.ProposalStep;
import cn.deputylink.proposal.UnitRole;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.InvalidInputException.FieldError;

/**
 * The proposal aggregate: its state (the proposal, its handling units, whether a request
 * for more time waits for the county) and the steps that change it. Every step checks, in
 * this order, that it is allowed in the proposal's status (409), that the user may take
 * it (403), that the input is valid (400) and that the caller saw the current version
 * (409); it returns the proposal after the step with its timeline line and its event, and
 * changes nothing itself. Whether the user may see the proposal at all (403) is checked
 * before, on loading it. What a step needs from outside (the clock, the deadlines, the
 * registry's answers, the next number) comes in as arguments, so the rules run without a
 * database.
 */
public final class ProposalCase {

	static final int TITLE_MAX = 200;

	static final int CONTENT_MAX = 8000;

	static final int NOTE_MAX = 2000;

	static final int INPUT_MAX = 4000;

	private final Proposal state;

	private final List<HandlingUnit> units;

	private final boolean extensionPending;

	public ProposalCase(Proposal state, List<HandlingUnit> units, boolean extensionPending) {
		this.state = state;
		this.units = List.copyOf(units);
		this.extensionPending = extensionPending;
	}

	/** The clock and the deadlines (working-day rolled, from the county's calendar). */
	public interface Terms {

		OffsetDateTime now();

		/** A recess proposal submitted on {@code submitted} is to be assigned by. */
		LocalDate assignBy(LocalDate submitted);

		/** The reply to a proposal assigned on {@code assigned} is due. */
		LocalDate replyDue(LocalDate assigned);

		/** ... with an approved extension. */
		LocalDate extendedReplyDue(LocalDate assigned);

		/** The second reply after an unsatisfied evaluation on {@code evaluated}. */
		LocalDate rehandleDue(LocalDate evaluated);

	}

	/** One line of the timeline, as it will be stored. */
	public record Line(ProposalAction action, @Nullable ProposalStatus from, ProposalStatus to, long actorId,
			String actorName, @Nullable Long departmentId, OffsetDateTime at, @Nullable String note) {
	}

	/**
	 * A step taken: the proposal before and after it, its timeline line and its event
	 * (none for a file added).
	 */
	public record Change(ProposalCase before, ProposalCase after, Line line, @Nullable ProposalEvent event) {

		public Proposal proposal() {
			return after.state();
		}
	}

	public Proposal state() {
		return state;
	}

	public long id() {
		return state.id();
	}

	public ProposalStatus status() {
		return state.status();
	}

	public List<HandlingUnit> units() {
		return units;
	}

	public boolean extensionPending() {
		return extensionPending;
	}

	// ------------------------------------------------------------------ who may do what

	/** The statuses a step is allowed in (409 outside them) and who may take it (403). */
	private record Rule(Set<ProposalStatus> in, Predicate<ProposalCase> also) {
	}

	private static Rule rule(Predicate<ProposalCase> also, ProposalStatus first, ProposalStatus... rest) {
		return new Rule(EnumSet.of(first, rest), also);
	}

	private static Rule rule(ProposalStatus first, ProposalStatus... rest) {
		return rule(c -> true, first, rest);
	}

	private static Rule ruleOf(ProposalStep step) {
		return switch (step) {
			case EDIT, WITHDRAW, SUBMIT, CO_SIGN -> rule(ProposalStatus.DRAFT);
			case REGISTER, REFUSE -> rule(ProposalStatus.SUBMITTED);
			case ASSIGN -> rule(ProposalStatus.REGISTERED);
			case SUPERVISE -> rule(ProposalStatus.SUBMITTED, ProposalStatus.REGISTERED, ProposalStatus.ASSIGNED,
					ProposalStatus.REPLIED, ProposalStatus.EVALUATED);
			case CO_UNIT_INPUT, REPLY -> rule(ProposalStatus.ASSIGNED);
			case REQUEST_EXTENSION ->
				rule(c -> c.state.round() == 1 && !c.state.extensionRequested(), ProposalStatus.ASSIGNED);
			case DECIDE_EXTENSION -> rule(c -> c.extensionPending, ProposalStatus.ASSIGNED);
			case EVALUATE -> rule(ProposalStatus.REPLIED);
			case CLOSE -> rule(ProposalStatus.EVALUATED);
		};
	}

	/** Whether the step is allowed in the proposal's status (and state). */
	public boolean allowedNow(ProposalStep step) {
		Rule r = ruleOf(step);
		return r.in().contains(status()) && r.also().test(this);
	}

	/** Whether this user is the one who takes the step (whatever the status). */
	public boolean isActor(ProposalStep step, CurrentUser u) {
		return switch (step) {
			case EDIT, WITHDRAW, SUBMIT -> isDrafter(u);
			case CO_SIGN -> isCoSigner(u);
			case REGISTER, REFUSE, ASSIGN, SUPERVISE, DECIDE_EXTENSION, CLOSE -> u.isCountyAdmin();
			case CO_UNIT_INPUT -> unitOf(u) == UnitRole.CO;
			case REQUEST_EXTENSION, REPLY -> unitOf(u) == UnitRole.LEAD;
			case EVALUATE -> isLeadDeputy(u);
		};
	}

	/** The steps this user may take now (what the page offers). */
	public Set<ProposalStep> allowedSteps(CurrentUser u) {
		Set<ProposalStep> out = EnumSet.noneOf(ProposalStep.class);
		for (ProposalStep s : ProposalStep.values()) {
			if (allowedNow(s) && isActor(s, u)) {
				out.add(s);
			}
		}
		return out;
	}

	/** The lead deputy, or the county admin who entered the proposal on its behalf. */
	public boolean isDrafter(CurrentUser u) {
		return isLeadDeputy(u) || (u.isCountyAdmin() && state.onBehalf() && state.enteredBy() == u.id());
	}

	public boolean isLeadDeputy(CurrentUser u) {
		return u.is(Role.DEPUTY) && u.deputyId() != null && u.deputyId() == state.leadDeputyId();
	}

	public boolean isCoSigner(CurrentUser u) {
		return u.is(Role.DEPUTY) && u.deputyId() != null
				&& state.coSigners().stream().anyMatch(c -> c.deputyId() == u.deputyId());
	}

	/**
	 * The user's unit's part in the proposal, if the user is a handler of one of them.
	 */
	public @Nullable UnitRole unitOf(CurrentUser u) {
		if (!u.is(Role.DEPARTMENT_HANDLER) || u.departmentId() == null) {
			return null;
		}
		return units.stream()
			.filter(h -> h.departmentId() == u.departmentId())
			.map(HandlingUnit::role)
			.findFirst()
			.orElse(null);
	}

	private void begin(ProposalStep step, CurrentUser u, @Nullable Integer expectedVersion, Runnable validate) {
		if (!allowedNow(step)) {
			throw new ConflictException("proposal.error.status", status());
		}
		if (!isActor(step, u)) {
			throw new AccessDeniedException("proposal step " + step);
		}
		validate.run();
		requireVersion(expectedVersion);
	}

	/** 409 when the caller saw another version. */
	public void requireVersion(@Nullable Integer expected) {
		if (expected != null && expected != state.version()) {
			throw new ConflictException("proposal.error.stale");
		}
	}

	// ------------------------------------------------------------------ drafting

	/**
	 * What the registry and the opinion module say of a draft's deputies and opinions
	 * (checked by the step's service): {@code activeDeputy} answers whether an id is an
	 * active deputy; {@code opinionError} the message key of an opinion the draft may not
	 * come from (null when it may).
	 */
	public interface DraftChecks {

		boolean activeDeputy(long deputyId);

		@Nullable String opinionError(long opinionId);

	}

	/**
	 * A new draft (not yet saved: id 0): a deputy's own, or one a county admin enters for
	 * a deputy (代录入).
	 */
	public static ProposalCase draft(NewProposal in, CurrentUser u, DraftChecks checks, OffsetDateTime now) {
		boolean onBehalf;
		if (u.is(Role.DEPUTY) && u.deputyId() != null) {
			if (in.leadDeputyId() != null && !in.leadDeputyId().equals(u.deputyId())) {
				throw new AccessDeniedException("a deputy drafts its own proposals");
			}
			onBehalf = false;
		}
		else if (u.isCountyAdmin()) {
			onBehalf = true;
		}
		else {
			throw new AccessDeniedException("proposal drafting");
		}
		Long lead = onBehalf ? in.leadDeputyId() : u.deputyId();
		List<FieldError> errors = new ArrayList<>();
		if (lead == null) {
			errors.add(new FieldError("leadDeputyId", "validation.required"));
		}
		else if (!checks.activeDeputy(lead)) {
			errors.add(new FieldError("leadDeputyId", "proposal.deputy.unknown", lead));
		}
		validateDraft(in, lead, checks, errors);
		throwIfAny(errors);
		List<Proposal.CoSigner> coSigners = distinct(in.coSignerIds()).stream()
			.map(d -> new Proposal.CoSigner(d, CoSignerState.PENDING, null))
			.toList();
		Proposal p = new Proposal(0, Objects.requireNonNull(blankToNull(in.title())).strip(),
				Objects.requireNonNull(blankToNull(in.content())).strip(), Objects.requireNonNull(lead),
				Objects.requireNonNull(in.period()), ProposalStatus.DRAFT, null, null, in.publicConsent(), onBehalf,
				u.id(), now, null, null, null, null, null, List.of(), null, null, false, false, null, null, null, null,
				null, null, 1, false, null, coSigners, distinct(in.opinionIds()), 0);
		return new ProposalCase(p, List.of(), false);
	}

	/** The draft saved with its id: its timeline line and event. */
	public Change drafted(long id, CurrentUser u, OffsetDateTime now, @Nullable String note) {
		ProposalCase saved = new ProposalCase(copy().id(id).build(), units, false);
		return new Change(this, saved, line(ProposalAction.DRAFTED, null, ProposalStatus.DRAFT, u, null, now, note),
				new ProposalEvent.Drafted(id, ProposalStatus.DRAFT, state.leadDeputyId(), u.id(), now,
						state.coSigners().stream().map(Proposal.CoSigner::deputyId).toList(), state.onBehalf()));
	}

	private static void validateDraft(NewProposal in, @Nullable Long lead, DraftChecks checks,
			List<FieldError> errors) {
		required(errors, "title", in.title(), TITLE_MAX);
		required(errors, "content", in.content(), CONTENT_MAX);
		if (in.period() == null) {
			errors.add(new FieldError("period", "validation.required"));
		}
		List<Long> co = in.coSignerIds() == null ? List.of() : in.coSignerIds();
		Set<Long> seen = new HashSet<>();
		for (Long d : co) {
			if (d == null) {
				errors.add(new FieldError("coSignerIds", "validation.required"));
			}
			else if (!seen.add(d)) {
				errors.add(new FieldError("coSignerIds", "proposal.coSigner.duplicate", d));
			}
			else if (d.equals(lead)) {
				errors.add(new FieldError("coSignerIds", "proposal.coSigner.lead", d));
			}
			else if (!checks.activeDeputy(d)) {
				errors.add(new FieldError("coSignerIds", "proposal.deputy.unknown", d));
			}
		}
		List<Long> ops = in.opinionIds() == null ? List.of() : in.opinionIds();
		Set<Long> seenOps = new HashSet<>();
		for (Long o : ops) {
			if (o == null) {
				errors.add(new FieldError("opinionIds", "validation.required"));
			}
			else if (!seenOps.add(o)) {
				errors.add(new FieldError("opinionIds", "proposal.opinion.duplicate", o));
			}
			else {
				String key = checks.opinionError(o);
				if (key != null) {
					errors.add(new FieldError("opinionIds", key, o));
				}
			}
		}
	}

	/**
	 * New text of a draft; co-signers kept keep their answer, new ones are asked (their
	 * ids in the event's list).
	 */
	public Change edit(NewProposal in, CurrentUser u, DraftChecks checks, @Nullable Integer expectedVersion,
			OffsetDateTime now) {
		begin(ProposalStep.EDIT, u, expectedVersion, () -> {
			List<FieldError> errors = new ArrayList<>();
			if (in.leadDeputyId() != null && in.leadDeputyId() != state.leadDeputyId()) {
				errors.add(new FieldError("leadDeputyId", "proposal.lead.fixed"));
			}
			validateDraft(in, state.leadDeputyId(), checks, errors);
			throwIfAny(errors);
		});
		List<Proposal.CoSigner> coSigners = new ArrayList<>();
		List<Long> asked = new ArrayList<>();
		for (Long d : distinct(in.coSignerIds())) {
			Proposal.CoSigner kept = state.coSigners().stream().filter(c -> c.deputyId() == d).findFirst().orElse(null);
			if (kept == null) {
				asked.add(d);
			}
			coSigners.add(kept != null ? kept : new Proposal.CoSigner(d, CoSignerState.PENDING, null));
		}
		Proposal p = copy().title(Objects.requireNonNull(blankToNull(in.title())).strip())
			.content(Objects.requireNonNull(blankToNull(in.content())).strip())
			.period(Objects.requireNonNull(in.period()))
			.publicConsent(in.publicConsent())
			.coSigners(coSigners)
			.opinionIds(distinct(in.opinionIds()))
			.build();
		return change(p, line(ProposalAction.EDITED, status(), status(), u, null, now, null),
				new ProposalEvent.Drafted(id(), status(), state.leadDeputyId(), u.id(), now, asked, state.onBehalf()));
	}

	public Change withdraw(CurrentUser u, @Nullable Integer expectedVersion, OffsetDateTime now) {
		begin(ProposalStep.WITHDRAW, u, expectedVersion, () -> {
		});
		ProposalStatus to = ProposalStatus.WITHDRAWN;
		return change(copy().status(to).build(), line(ProposalAction.WITHDRAWN, status(), to, u, null, now, null),
				new ProposalEvent.Withdrawn(id(), to, state.leadDeputyId(), u.id(), now));
	}

	/**
	 * The calling co-signer confirms or declines (it may change its answer while a
	 * draft).
	 */
	public Change answerCoSign(boolean confirm, CurrentUser u, OffsetDateTime now) {
		begin(ProposalStep.CO_SIGN, u, null, () -> {
		});
		long me = Objects.requireNonNull(u.deputyId());
		CoSignerState answer = confirm ? CoSignerState.CONFIRMED : CoSignerState.DECLINED;
		List<Proposal.CoSigner> coSigners = state.coSigners()
			.stream()
			.map(c -> c.deputyId() == me ? new Proposal.CoSigner(me, answer, now) : c)
			.toList();
		return change(copy().coSigners(coSigners).build(),
				line(confirm ? ProposalAction.CO_SIGNED : ProposalAction.CO_SIGN_DECLINED, status(), status(), u, null,
						now, null),
				new ProposalEvent.CoSignAnswered(id(), status(), state.leadDeputyId(), u.id(), now, me, answer));
	}

	/**
	 * DRAFT → SUBMITTED once every co-signer has answered; a recess one gets its
	 * assignBy.
	 */
	public Change submit(CurrentUser u, @Nullable Integer expectedVersion, Terms t) {
		begin(ProposalStep.SUBMIT, u, expectedVersion, () -> {
		});
		if (!state.coSignersAnswered()) {
			throw new ConflictException("proposal.error.coSignersPending");
		}
		OffsetDateTime now = t.now();
		LocalDate assignBy = state.period() == Period.RECESS ? t.assignBy(now.toLocalDate()) : null;
		ProposalStatus to = ProposalStatus.SUBMITTED;
		return change(copy().status(to).submittedAt(now).assignBy(assignBy).build(),
				line(ProposalAction.SUBMITTED, status(), to, u, null, now, null), new ProposalEvent.Submitted(id(), to,
						state.leadDeputyId(), u.id(), now, state.period(), assignBy, state.opinionIds()));
	}

	// ------------------------------------------------------------------ the county

	/** SUBMITTED → REGISTERED with number {@code year}-{@code sequence}. */
	public Change register(CurrentUser u, int year, int sequence, @Nullable String note,
			@Nullable Integer expectedVersion, OffsetDateTime now) {
		begin(ProposalStep.REGISTER, u, expectedVersion, () -> noteMax("note", note));
		ProposalStatus to = ProposalStatus.REGISTERED;
		return change(copy().status(to).year(year).sequence(sequence).registeredAt(now).build(),
				line(ProposalAction.REGISTERED, status(), to, u, null, now, blankToNull(note)),
				new ProposalEvent.Registered(id(), to, state.leadDeputyId(), u.id(), now, year, sequence));
	}

	/**
	 * The checks of a registration before a number is taken (a refused one takes none).
	 */
	public void checkRegister(CurrentUser u, @Nullable String note, @Nullable Integer expectedVersion) {
		begin(ProposalStep.REGISTER, u, expectedVersion, () -> noteMax("note", note));
	}

	public Change refuse(CurrentUser u, @Nullable String reason, @Nullable Integer expectedVersion,
			OffsetDateTime now) {
		begin(ProposalStep.REFUSE, u, expectedVersion, () -> {
			List<FieldError> errors = new ArrayList<>();
			required(errors, "reason", reason, NOTE_MAX);
			throwIfAny(errors);
		});
		ProposalStatus to = ProposalStatus.REFUSED;
		String r = Objects.requireNonNull(blankToNull(reason)).strip();
		return change(copy().status(to).refusalReason(r).build(),
				line(ProposalAction.REFUSED, status(), to, u, null, now, r),
				new ProposalEvent.Refused(id(), to, state.leadDeputyId(), u.id(), now));
	}

	/**
	 * REGISTERED → ASSIGNED to a lead unit and co-units; {@code activeDepartment} answers
	 * whether an id is an active department.
	 */
	public Change assign(CurrentUser u, @Nullable Long leadDepartmentId, @Nullable List<Long> coDepartmentIds,
			Predicate<Long> activeDepartment, @Nullable String note, @Nullable Integer expectedVersion, Terms t) {
		List<Long> co = coDepartmentIds == null ? List.of() : coDepartmentIds;
		begin(ProposalStep.ASSIGN, u, expectedVersion, () -> {
			List<FieldError> errors = new ArrayList<>();
			if (leadDepartmentId == null) {
				errors.add(new FieldError("leadDepartmentId", "validation.required"));
			}
			else if (!activeDepartment.test(leadDepartmentId)) {
				errors.add(new FieldError("leadDepartmentId", "proposal.department.unknown", leadDepartmentId));
			}
			Set<Long> seen = new HashSet<>();
			for (Long d : co) {
				if (d == null) {
					errors.add(new FieldError("coDepartmentIds", "validation.required"));
				}
				else if (!seen.add(d)) {
					errors.add(new FieldError("coDepartmentIds", "proposal.department.duplicate", d));
				}
				else if (d.equals(leadDepartmentId)) {
					errors.add(new FieldError("coDepartmentIds", "proposal.department.lead", d));
				}
				else if (!activeDepartment.test(d)) {
					errors.add(new FieldError("coDepartmentIds", "proposal.department.unknown", d));
				}
			}
			noteMax(errors, "note", note);
			throwIfAny(errors);
		});
		OffsetDateTime now = t.now();
		long lead = Objects.requireNonNull(leadDepartmentId);
		LocalDate due = t.replyDue(now.toLocalDate());
		List<HandlingUnit> newUnits = new ArrayList<>();
		newUnits.add(new HandlingUnit(lead, UnitRole.LEAD, null, null));
		co.forEach(d -> newUnits.add(new HandlingUnit(d, UnitRole.CO, null, null)));
		ProposalStatus to = ProposalStatus.ASSIGNED;
		Proposal p = copy().status(to)
			.leadDepartmentId(lead)
			.coDepartmentIds(List.copyOf(co))
			.assignedAt(now)
			.replyDue(due)
			.build();
		return new Change(this, new ProposalCase(p, newUnits, false),
				line(ProposalAction.ASSIGNED, status(), to, u, null, now, blankToNull(note)),
				new ProposalEvent.Assigned(id(), to, state.leadDeputyId(), u.id(), now, lead, List.copyOf(co), due));
	}

	/** Marks or unmarks key supervision (重点督办); marking needs a note. */
	public Change supervise(CurrentUser u, boolean keySupervised, @Nullable String note, OffsetDateTime now) {
		begin(ProposalStep.SUPERVISE, u, null, () -> {
			List<FieldError> errors = new ArrayList<>();
			if (keySupervised) {
				required(errors, "note", note, NOTE_MAX);
			}
			else {
				noteMax(errors, "note", note);
			}
			throwIfAny(errors);
		});
		return change(copy().keySupervised(keySupervised).build(),
				line(ProposalAction.SUPERVISED, status(), status(), u, null, now, blankToNull(note)),
				new ProposalEvent.Supervised(id(), status(), state.leadDeputyId(), u.id(), now, keySupervised));
	}

	/**
	 * Approves (due {@code extendedReplyDue} after assignment) or rejects the request.
	 */
	public Change decideExtension(CurrentUser u, boolean approve, @Nullable String note,
			@Nullable Integer expectedVersion, Terms t) {
		begin(ProposalStep.DECIDE_EXTENSION, u, expectedVersion, () -> noteMax("note", note));
		OffsetDateTime now = t.now();
		OffsetDateTime assigned = Objects.requireNonNull(state.assignedAt());
		LocalDate due = approve ? t.extendedReplyDue(assigned.toLocalDate()) : Objects.requireNonNull(state.replyDue());
		Proposal p = copy().extended(approve).replyDue(due).build();
		return new Change(this, new ProposalCase(p, units, false),
				line(approve ? ProposalAction.EXTENSION_APPROVED : ProposalAction.EXTENSION_REJECTED, status(),
						status(), u, null, now, blankToNull(note)),
				new ProposalEvent.ExtensionDecided(id(), status(), state.leadDeputyId(), u.id(), now, approve, due));
	}

	/** EVALUATED → CLOSED. */
	public Change close(CurrentUser u, @Nullable String note, @Nullable Integer expectedVersion, OffsetDateTime now) {
		begin(ProposalStep.CLOSE, u, expectedVersion, () -> noteMax("note", note));
		ProposalStatus to = ProposalStatus.CLOSED;
		return change(copy().status(to).closedAt(now).build(),
				line(ProposalAction.CLOSED, status(), to, u, null, now, blankToNull(note)),
				new ProposalEvent.Closed(id(), to, state.leadDeputyId(), u.id(), now));
	}

	// ------------------------------------------------------------------ the units

	/** A co-unit's input to the lead unit (its latest replaces an earlier one). */
	public Change coUnitInput(CurrentUser u, @Nullable String input, OffsetDateTime now) {
		begin(ProposalStep.CO_UNIT_INPUT, u, null, () -> {
			List<FieldError> errors = new ArrayList<>();
			required(errors, "input", input, INPUT_MAX);
			throwIfAny(errors);
		});
		long dept = Objects.requireNonNull(u.departmentId());
		String text = Objects.requireNonNull(blankToNull(input)).strip();
		List<HandlingUnit> newUnits = units.stream()
			.map(h -> h.departmentId() == dept ? new HandlingUnit(dept, h.role(), text, now) : h)
			.toList();
		return new Change(this, new ProposalCase(copy().build(), newUnits, extensionPending),
				line(ProposalAction.CO_UNIT_INPUT, status(), status(), u, dept, now, text),
				new ProposalEvent.CoUnitInput(id(), status(), state.leadDeputyId(), u.id(), now, dept));
	}

	/** The lead unit asks once for more time, with its reason. */
	public Change requestExtension(CurrentUser u, @Nullable String reason, OffsetDateTime now) {
		begin(ProposalStep.REQUEST_EXTENSION, u, null, () -> {
			List<FieldError> errors = new ArrayList<>();
			required(errors, "reason", reason, NOTE_MAX);
			throwIfAny(errors);
		});
		long dept = Objects.requireNonNull(u.departmentId());
		String r = Objects.requireNonNull(blankToNull(reason)).strip();
		return new Change(this, new ProposalCase(copy().extensionRequested(true).build(), units, true),
				line(ProposalAction.EXTENSION_REQUESTED, status(), status(), u, dept, now, r),
				new ProposalEvent.ExtensionRequested(id(), status(), state.leadDeputyId(), u.id(), now, dept));
	}

	/**
	 * ASSIGNED → REPLIED by the lead unit for all; {@code activeClass} answers whether a
	 * code is an active result class.
	 */
	public Change reply(CurrentUser u, @Nullable String content, @Nullable String resultClass,
			Predicate<String> activeClass, @Nullable Integer expectedVersion, OffsetDateTime now) {
		begin(ProposalStep.REPLY, u, expectedVersion, () -> {
			List<FieldError> errors = new ArrayList<>();
			required(errors, "content", content, CONTENT_MAX);
			String rc = blankToNull(resultClass);
			if (rc == null) {
				errors.add(new FieldError("resultClass", "validation.required"));
			}
			else if (!activeClass.test(rc.strip())) {
				errors.add(new FieldError("resultClass", "proposal.resultClass.unknown", rc));
			}
			throwIfAny(errors);
		});
		long dept = Objects.requireNonNull(u.departmentId());
		String rc = Objects.requireNonNull(blankToNull(resultClass)).strip();
		ProposalStatus to = ProposalStatus.REPLIED;
		return new Change(this,
				new ProposalCase(copy().status(to)
					.reply(Objects.requireNonNull(blankToNull(content)).strip())
					.resultClass(rc)
					.repliedAt(now)
					.build(), units, false),
				line(ProposalAction.REPLIED, status(), to, u, dept, now, rc),
				new ProposalEvent.Replied(id(), to, state.leadDeputyId(), u.id(), now, dept, rc, state.round()));
	}

	/** A file added (the letter or more): a timeline line, no event, no new version. */
	public Change attached(CurrentUser u, String fileName, OffsetDateTime now) {
		if (!(status() == ProposalStatus.ASSIGNED || status() == ProposalStatus.REPLIED)) {
			throw new ConflictException("proposal.error.status", status());
		}
		if (!(unitOf(u) == UnitRole.LEAD || u.isCountyAdmin())) {
			throw new AccessDeniedException("proposal attachment");
		}
		return new Change(this, this,
				line(ProposalAction.ATTACHED, status(), status(), u, u.departmentId(), now, fileName), null);
	}

	// ------------------------------------------------------------------ the deputy

	/**
	 * The lead deputy's evaluation: satisfied or basically → EVALUATED; unsatisfied in
	 * the first round → back to ASSIGNED, round 2, due {@code rehandleDue}; the second
	 * round's evaluation is final.
	 */
	public Change evaluate(CurrentUser u, @Nullable Evaluation evaluation, @Nullable String comment,
			@Nullable Integer expectedVersion, Terms t) {
		begin(ProposalStep.EVALUATE, u, expectedVersion, () -> {
			List<FieldError> errors = new ArrayList<>();
			if (evaluation == null) {
				errors.add(new FieldError("satisfaction", "validation.required"));
			}
			noteMax(errors, "comment", comment);
			throwIfAny(errors);
		});
		OffsetDateTime now = t.now();
		Evaluation e = Objects.requireNonNull(evaluation);
		boolean sentBack = e == Evaluation.UNSATISFIED && state.round() == 1;
		String c = blankToNull(comment);
		if (sentBack) {
			LocalDate due = t.rehandleDue(now.toLocalDate());
			ProposalStatus to = ProposalStatus.ASSIGNED;
			Proposal p = copy().status(to)
				.evaluation(e)
				.evaluationComment(c)
				.evaluatedAt(now)
				.round(2)
				.replyDue(due)
				.build();
			return new Change(this, new ProposalCase(p, units, false),
					line(ProposalAction.SENT_BACK, status(), to, u, null, now, c),
					new ProposalEvent.Evaluated(id(), to, state.leadDeputyId(), u.id(), now, e, true, due));
		}
		ProposalStatus to = ProposalStatus.EVALUATED;
		return change(copy().status(to).evaluation(e).evaluationComment(c).evaluatedAt(now).build(),
				line(ProposalAction.EVALUATED, status(), to, u, null, now, c),
				new ProposalEvent.Evaluated(id(), to, state.leadDeputyId(), u.id(), now, e, false, null));
	}

	// ------------------------------------------------------------------ helpers

	private Change change(Proposal p, Line line, ProposalEvent event) {
		return new Change(this, new ProposalCase(p, units, extensionPending), line, event);
	}

	private Line line(ProposalAction action, @Nullable ProposalStatus from, ProposalStatus to, CurrentUser u,
			@Nullable Long departmentId, OffsetDateTime at, @Nullable String note) {
		return new Line(action, from, to, u.id(), u.displayName(), departmentId, at, note);
	}

	private static List<Long> distinct(@Nullable List<Long> ids) {
		return ids == null ? List.of()
				: List.copyOf(new LinkedHashSet<>(ids.stream().filter(Objects::nonNull).toList()));
	}

	private static void required(List<FieldError> errors, String field, @Nullable String value, int max) {
		if (value == null || blankToNull(value) == null) {
			errors.add(new FieldError(field, "validation.required"));
		}
		else if (value.length() > max) {
			errors.add(new FieldError(field, "validation.size.max", max));
		}
	}

	private static void noteMax(List<FieldError> errors, String field, @Nullable String note) {
		if (note != null && note.length() > NOTE_MAX) {
			errors.add(new FieldError(field, "validation.size.max", NOTE_MAX));
		}
	}

	private static void noteMax(String field, @Nullable String note) {
		List<FieldError> errors = new ArrayList<>();
		noteMax(errors, field, note);
		throwIfAny(errors);
	}

	private static void throwIfAny(List<FieldError> errors) {
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	private Builder copy() {
		return new Builder(state);
	}

	/**
	 * The proposal with some fields changed and its version unchanged (the store bumps
	 * it).
	 */
	private static final class Builder {

		private long id;

		private String title;

		private String content;

		private final long leadDeputyId;

		private Period period;

		private ProposalStatus status;

		private @Nullable Integer year;

		private @Nullable Integer sequence;

		private boolean publicConsent;

		private final boolean onBehalf;

		private final long enteredBy;

		private final OffsetDateTime createdAt;

		private @Nullable OffsetDateTime submittedAt;

		private @Nullable LocalDate assignBy;

		private @Nullable OffsetDateTime registeredAt;

		private @Nullable String refusalReason;

		private @Nullable Long leadDepartmentId;

		private List<Long> coDepartmentIds;

		private @Nullable OffsetDateTime assignedAt;

		private @Nullable LocalDate replyDue;

		private boolean extensionRequested;

		private boolean extended;

		private @Nullable String reply;

		private @Nullable String resultClass;

		private @Nullable OffsetDateTime repliedAt;

		private @Nullable Evaluation evaluation;

		private @Nullable String evaluationComment;

		private @Nullable OffsetDateTime evaluatedAt;

		private int round;

		private boolean keySupervised;

		private @Nullable OffsetDateTime closedAt;

		private List<Proposal.CoSigner> coSigners;

		private List<Long> opinionIds;

		private final int version;

		Builder(Proposal p) {
			id = p.id();
			title = p.title();
			content = p.content();
			leadDeputyId = p.leadDeputyId();
			period = p.period();
			status = p.status();
			year = p.year();
			sequence = p.sequence();
			publicConsent = p.publicConsent();
			onBehalf = p.onBehalf();
			enteredBy = p.enteredBy();
			createdAt = p.createdAt();
			submittedAt = p.submittedAt();
			assignBy = p.assignBy();
			registeredAt = p.registeredAt();
			refusalReason = p.refusalReason();
			leadDepartmentId = p.leadDepartmentId();
			coDepartmentIds = p.coDepartmentIds();
			assignedAt = p.assignedAt();
			replyDue = p.replyDue();
			extensionRequested = p.extensionRequested();
			extended = p.extended();
			reply = p.reply();
			resultClass = p.resultClass();
			repliedAt = p.repliedAt();
			evaluation = p.evaluation();
			evaluationComment = p.evaluationComment();
			evaluatedAt = p.evaluatedAt();
			round = p.round();
			keySupervised = p.keySupervised();
			closedAt = p.closedAt();
			coSigners = p.coSigners();
			opinionIds = p.opinionIds();
			version = p.version();
		}

		Builder id(long v) {
			id = v;
			return this;
		}

		Builder title(String v) {
			title = v;
			return this;
		}

		Builder content(String v) {
			content = v;
			return this;
		}

		Builder period(Period v) {
			period = v;
			return this;
		}

		Builder status(ProposalStatus v) {
			status = v;
			return this;
		}

		Builder year(int v) {
			year = v;
			return this;
		}

		Builder sequence(int v) {
			sequence = v;
			return this;
		}

		Builder publicConsent(boolean v) {
			publicConsent = v;
			return this;
		}

		Builder submittedAt(OffsetDateTime v) {
			submittedAt = v;
			return this;
		}

		Builder assignBy(@Nullable LocalDate v) {
			assignBy = v;
			return this;
		}

		Builder registeredAt(OffsetDateTime v) {
			registeredAt = v;
			return this;
		}

		Builder refusalReason(String v) {
			refusalReason = v;
			return this;
		}

		Builder leadDepartmentId(long v) {
			leadDepartmentId = v;
			return this;
		}

		Builder coDepartmentIds(List<Long> v) {
			coDepartmentIds = v;
			return this;
		}

		Builder assignedAt(OffsetDateTime v) {
			assignedAt = v;
			return this;
		}

		Builder replyDue(LocalDate v) {
			replyDue = v;
			return this;
		}

		Builder extensionRequested(boolean v) {
			extensionRequested = v;
			return this;
		}

		Builder extended(boolean v) {
			extended = v;
			return this;
		}

		Builder reply(String v) {
			reply = v;
			return this;
		}

		Builder resultClass(String v) {
			resultClass = v;
			return this;
		}

		Builder repliedAt(OffsetDateTime v) {
			repliedAt = v;
			return this;
		}

		Builder evaluation(Evaluation v) {
			evaluation = v;
			return this;
		}

		Builder evaluationComment(@Nullable String v) {
			evaluationComment = v;
			return this;
		}

		Builder evaluatedAt(OffsetDateTime v) {
			evaluatedAt = v;
			return this;
		}

		Builder round(int v) {
			round = v;
			return this;
		}

		Builder keySupervised(boolean v) {
			keySupervised = v;
			return this;
		}

		Builder closedAt(OffsetDateTime v) {
			closedAt = v;
			return this;
		}

		Builder coSigners(List<Proposal.CoSigner> v) {
			coSigners = List.copyOf(v);
			return this;
		}

		Builder opinionIds(List<Long> v) {
			opinionIds = List.copyOf(v);
			return this;
		}

		Proposal build() {
			return new Proposal(id, title, content, leadDeputyId, period, status, year, sequence, publicConsent,
					onBehalf, enteredBy, createdAt, submittedAt, assignBy, registeredAt, refusalReason,
					leadDepartmentId, coDepartmentIds, assignedAt, replyDue, extensionRequested, extended, reply,
					resultClass, repliedAt, evaluation, evaluationComment, evaluatedAt, round, keySupervised, closedAt,
					coSigners, opinionIds, version);
		}

	}

}
