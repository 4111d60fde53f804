package cn.deputylink.opinion.internal;

import static cn.deputylink.shared.TextInput.blankToNull;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.opinion.Action;
import cn.deputylink.opinion.Opinion;
import cn.deputylink.opinion.OpinionEvent;
import cn.deputylink.opinion.OpinionStatus;
import cn.deputylink.opinion.Outcome;
import cn.deputylink.opinion.Satisfaction;
import cn.deputylink.organisation.Department;
import cn.deputylink.organisation.Tier;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.InvalidInputException.FieldError;

/**
 * The opinion aggregate: its state and the steps that change it. Every step checks, in
 * this order, that the action is allowed in the opinion's status (409,
 * {@link Lifecycle}), that the user may take it (403, {@link Policy}), that the input is
 * valid (400) and that the caller saw the current version (409); it returns the opinion
 * after the step with its timeline line and its event, and changes nothing itself.
 * Whether the user may see the opinion at all (403) is checked before, on loading it.
 * Everything a step needs from outside (the time, the calendar, the registry's answers)
 * comes in as arguments, so the rules run without a database.
 */
public final class OpinionCase {

	/** Actor name stored for the constituent's own steps (public form, feedback). */
	public static final String CONSTITUENT = "constituent";

	static final int CONTENT_MAX = 4000;

	static final int NOTE_MAX = 2000;

	private final Opinion state;

	private final @Nullable OffsetDateTime escalatedAt;

	public OpinionCase(Opinion state, @Nullable OffsetDateTime escalatedAt) {
		this.state = state;
		this.escalatedAt = escalatedAt;
	}

	public Opinion state() {
		return state;
	}

	public long id() {
		return state.id();
	}

	@Nullable OffsetDateTime escalatedAt() {
		return escalatedAt;
	}

	/**
	 * What a step's deadlines are counted from: the clock and the county's working
	 * calendar.
	 */
	public interface Terms {

		OffsetDateTime now();

		LocalDate today();

		/** The due date of a case of this category given to a department today. */
		LocalDate dueDate(@Nullable String categoryCode);

		/** The last day a department may return a case given to it today. */
		LocalDate returnBy();

	}

	/** One line of the timeline, as it will be stored. */
	public record Line(Action action, @Nullable OpinionStatus from, OpinionStatus to, @Nullable Long actorId,
			String actorName, @Nullable Long departmentId, OffsetDateTime at, @Nullable String note,
			@Nullable Satisfaction satisfaction) {
	}

	/**
	 * A step taken: the opinion before and after it, its timeline line and its event;
	 * {@code newDeadline} when the case got a new due date (its overdue notice may go
	 * again).
	 */
	public record Change(OpinionCase before, OpinionCase after, Line line, OpinionEvent event, boolean newDeadline) {

		public Opinion opinion() {
			return after.state();
		}
	}

	// ------------------------------------------------------------------ the steps

	public Change triage(CurrentUser u, @Nullable String categoryCode, boolean categoryKnown, @Nullable Tier tier,
			@Nullable String note, @Nullable Integer expectedVersion, Terms t) {
		OpinionStatus to = begin(u, Action.TRIAGE, null, expectedVersion, () -> {
			List<FieldError> errors = new ArrayList<>();
			if (blankToNull(categoryCode) == null) {
				errors.add(new FieldError("categoryCode", "validation.required"));
			}
			else if (!categoryKnown) {
				errors.add(new FieldError("categoryCode", "opinion.unknown.category"));
			}
			if (tier == null) {
				errors.add(new FieldError("tier", "validation.required"));
			}
			noteMax(errors, "note", note);
			throwIfAny(errors);
		});
		Opinion o = copy().categoryCode(Objects.requireNonNull(categoryCode))
			.tier(Objects.requireNonNull(tier))
			.status(to)
			.build();
		OffsetDateTime now = t.now();
		return change(o, escalatedAt, line(Action.TRIAGE, to, u, null, now, blankToNull(note), null),
				new OpinionEvent.Triaged(o.id(), o.trackingCode(), to, o.townshipId(), o.departmentId(), u.id(), now,
						categoryCode, tier),
				false);
	}

	/**
	 * Gives the case to a department: {@code chosen} (the routed one unless the user
	 * named another), found in the registry as {@code department} (null: unknown or
	 * inactive).
	 */
	public Change assign(CurrentUser u, @Nullable Long chosen, @Nullable Department department,
			@Nullable Department routed, @Nullable String note, @Nullable Integer expectedVersion, Terms t) {
		OpinionStatus to = begin(u, Action.ASSIGN, null, expectedVersion, () -> {
			List<FieldError> errors = new ArrayList<>();
			noteMax(errors, "note", note);
			if (chosen == null) {
				errors.add(new FieldError("departmentId", "opinion.assign.noRoute"));
			}
			else if (department == null || (u.townshipScope().isPresent() && department.townshipId() != null
					&& !department.townshipId().equals(u.townshipScope().get()))) {
				errors.add(new FieldError("departmentId", "opinion.unknown.department"));
			}
			else if (!(routed != null && routed.id() == chosen) && !fits(department, state)) {
				// 归口办理: the department must handle this category at the opinion's tier
				errors.add(new FieldError("departmentId", "opinion.assign.notCompetent"));
			}
			else if (routed != null && routed.id() != chosen && blankToNull(note) == null) {
				// 交办 against the routing table must say why
				errors.add(new FieldError("note", "opinion.assign.overrideReason"));
			}
			throwIfAny(errors);
		});
		long dept = Objects.requireNonNull(chosen);
		OffsetDateTime now = t.now();
		LocalDate due = t.dueDate(state.categoryCode());
		Opinion o = copy().departmentId(dept)
			.assignedAt(now)
			.dueDate(due)
			.returnBy(t.returnBy())
			.escalated(false)
			.status(to)
			.build();
		return change(o, escalatedAt, line(Action.ASSIGN, to, u, dept, now, blankToNull(note), null),
				new OpinionEvent.Assigned(o.id(), o.trackingCode(), to, o.townshipId(), dept, u.id(), now, due), true);
	}

	public Change returnToTriage(CurrentUser u, @Nullable String reason, @Nullable Integer expectedVersion, Terms t) {
		OpinionStatus to = begin(u, Action.RETURN, null, expectedVersion, () -> requireNote("reason", reason));
		LocalDate returnBy = state.returnBy();
		if (returnBy == null || t.today().isAfter(returnBy)) {
			throw new ConflictException("opinion.return.tooLate", returnBy == null ? "-" : returnBy);
		}
		OffsetDateTime now = t.now();
		Opinion o = copy().departmentId(null).assignedAt(null).dueDate(null).returnBy(null).status(to).build();
		return change(o, escalatedAt,
				line(Action.RETURN, to, u, state.departmentId(), now, Objects.requireNonNull(reason).strip(), null),
				new OpinionEvent.Returned(o.id(), o.trackingCode(), to, o.townshipId(), null, u.id(), now,
						state.departmentId()),
				false);
	}

	public Change accept(CurrentUser u, @Nullable Integer expectedVersion, Terms t) {
		OpinionStatus to = begin(u, Action.ACCEPT, null, expectedVersion, () -> {
		});
		OffsetDateTime now = t.now();
		Opinion o = copy().status(to).build();
		return change(o, escalatedAt, line(Action.ACCEPT, to, u, state.departmentId(), now, null, null),
				new OpinionEvent.Accepted(o.id(), o.trackingCode(), to, o.townshipId(), o.departmentId(), u.id(), now),
				false);
	}

	public Change progress(CurrentUser u, @Nullable String note, @Nullable Integer expectedVersion, Terms t) {
		OpinionStatus to = begin(u, Action.PROGRESS, null, expectedVersion, () -> requireNote("note", note));
		OffsetDateTime now = t.now();
		Opinion o = copy().status(to).build();
		return change(o, escalatedAt,
				line(Action.PROGRESS, to, u, state.departmentId(), now, Objects.requireNonNull(note).strip(), null),
				new OpinionEvent.Progressed(o.id(), o.trackingCode(), to, o.townshipId(), o.departmentId(), u.id(),
						now),
				false);
	}

	public Change reply(CurrentUser u, @Nullable String content, @Nullable Outcome outcome,
			@Nullable Integer expectedVersion, Terms t) {
		String text = blankToNull(content);
		OpinionStatus to = begin(u, Action.REPLY, outcome, expectedVersion, () -> {
			List<FieldError> errors = new ArrayList<>();
			if (text == null) {
				errors.add(new FieldError("content", "validation.required"));
			}
			else if (text.length() > CONTENT_MAX) {
				errors.add(new FieldError("content", "validation.size.max", CONTENT_MAX));
			}
			if (outcome == null) {
				errors.add(new FieldError("outcome", "validation.required"));
			}
			else if (!outcome.isReplyOutcome()) {
				errors.add(new FieldError("outcome", "opinion.outcome.notForReply"));
			}
			throwIfAny(errors);
		});
		OffsetDateTime now = t.now();
		Outcome out = Objects.requireNonNull(outcome);
		Opinion o = copy().reply(Objects.requireNonNull(text)).repliedAt(now).outcome(out).status(to).build();
		return change(o, escalatedAt, line(Action.REPLY, to, u, state.departmentId(), now, text, null),
				new OpinionEvent.Replied(o.id(), o.trackingCode(), to, o.townshipId(), o.departmentId(), u.id(), now,
						out),
				false);
	}

	/**
	 * Closes the case: a replied one (outcome from the reply unless given); or, before
	 * assignment, one that is not accepted (outcome NOT_ACCEPTED with the explanation the
	 * constituent sees) or was answered on the spot (RESOLVED/EXPLAINED with the answer
	 * given as {@code reply}).
	 */
	public Change close(CurrentUser u, @Nullable Outcome outcome, @Nullable String note, @Nullable String reply,
			@Nullable Integer expectedVersion, Terms t) {
		boolean early = state.status() == OpinionStatus.SUBMITTED || state.status() == OpinionStatus.TRIAGED;
		OpinionStatus to = begin(u, Action.CLOSE, outcome, expectedVersion, () -> {
			List<FieldError> errors = new ArrayList<>();
			noteMax(errors, "note", note);
			if (reply != null && reply.strip().length() > CONTENT_MAX) {
				errors.add(new FieldError("reply", "validation.size.max", CONTENT_MAX));
			}
			if (early) {
				if (outcome == null) {
					errors.add(new FieldError("outcome", "validation.required"));
				}
				else if (outcome == Outcome.NOT_ACCEPTED && blankToNull(note) == null) {
					errors.add(new FieldError("note", "opinion.close.explanationRequired"));
				}
				else if (outcome.isOnTheSpot() && blankToNull(reply) == null) {
					errors.add(new FieldError("reply", "opinion.close.replyRequired"));
				}
				else if (outcome == Outcome.NOT_RESOLVABLE) {
					errors.add(new FieldError("outcome", "opinion.close.outcomeNotHere"));
				}
			}
			else if (outcome == Outcome.NOT_ACCEPTED) {
				errors.add(new FieldError("outcome", "opinion.close.outcomeNotHere"));
			}
			throwIfAny(errors);
		});
		OffsetDateTime now = t.now();
		OpinionFields b = copy().status(to);
		String timelineNote = blankToNull(note);
		if (early) {
			Outcome out = Objects.requireNonNull(outcome);
			String answer = out == Outcome.NOT_ACCEPTED ? Objects.requireNonNull(note).strip()
					: Objects.requireNonNull(reply).strip();
			b.outcome(out).reply(answer).repliedAt(now);
			if (out.isOnTheSpot()) {
				timelineNote = answer;
			}
		}
		else if (outcome != null) {
			b.outcome(outcome);
		}
		Opinion o = b.build();
		return change(o, escalatedAt, line(Action.CLOSE, to, u, null, now, timelineNote, null),
				new OpinionEvent.Closed(o.id(), o.trackingCode(), to, o.townshipId(), o.departmentId(), u.id(), now,
						o.outcome(), early),
				false);
	}

	/** Merges the case into {@code target} (null: no opinion of that id). */
	public Change merge(CurrentUser u, @Nullable Long intoId, @Nullable Opinion target,
			@Nullable Integer expectedVersion, Terms t) {
		OpinionStatus to = begin(u, Action.MERGE, null, expectedVersion, () -> {
			if (intoId == null) {
				throw new InvalidInputException("intoId", "validation.required");
			}
			if (target == null || intoId == state.id() || target.status() == OpinionStatus.MERGED
					|| !Policy.canSee(u, target, false)) {
				throw new InvalidInputException("intoId", "opinion.merge.badTarget");
			}
		});
		Opinion into = Objects.requireNonNull(target);
		OffsetDateTime now = t.now();
		Opinion o = copy().mergedIntoId(into.id()).status(to).build();
		return change(o, escalatedAt, line(Action.MERGE, to, u, null, now, into.trackingCode(), null),
				new OpinionEvent.Merged(o.id(), o.trackingCode(), to, o.townshipId(), o.departmentId(), u.id(), now,
						into.id()),
				false);
	}

	public Change escalate(CurrentUser u, @Nullable String note, @Nullable Integer expectedVersion, Terms t) {
		OpinionStatus to = begin(u, Action.ESCALATE, null, expectedVersion, () -> requireNote("note", note));
		OffsetDateTime now = t.now();
		Opinion o = copy().escalated(true).status(to).build();
		return change(o, now,
				line(Action.ESCALATE, to, u, state.departmentId(), now, Objects.requireNonNull(note).strip(), null),
				new OpinionEvent.Escalated(o.id(), o.trackingCode(), to, o.townshipId(), o.departmentId(), u.id(), now),
				false);
	}

	/**
	 * The constituent's rating ({@code user} null: by tracking code) or one staff record
	 * from a follow-up call (回访). Satisfied or basically satisfied closes the case;
	 * unsatisfied sends it back to the department once, with a new due date; after that
	 * every rating closes it (it is the final answer).
	 */
	public Change rate(@Nullable CurrentUser u, @Nullable Satisfaction satisfaction, @Nullable String comment,
			@Nullable Integer expectedVersion, Terms t) {
		if (u != null) {
			Lifecycle.next(state.status(), Action.FEEDBACK, state.reopened());
			if (!Policy.mayAct(u, state, Action.FEEDBACK, null)) {
				throw new AccessDeniedException("feedback");
			}
		}
		if (satisfaction == null) {
			throw new InvalidInputException("satisfaction", "validation.required");
		}
		if (comment != null && comment.strip().length() > 1000) {
			throw new InvalidInputException("comment", "validation.size.max", 1000);
		}
		boolean reopen = satisfaction == Satisfaction.UNSATISFIED && !state.reopened();
		Action action = reopen ? Action.REOPEN : Action.FEEDBACK;
		OpinionStatus to = Lifecycle.next(state.status(), action, state.reopened());
		checkVersion(expectedVersion);
		OffsetDateTime now = t.now();
		OpinionFields b = copy().satisfaction(satisfaction).status(to);
		if (reopen) {
			b.reopened(true).assignedAt(now).dueDate(t.dueDate(state.categoryCode())).returnBy(null);
		}
		Opinion o = b.build();
		Line line = new Line(action, state.status(), to, u == null ? null : u.id(), actorName(u),
				reopen ? state.departmentId() : null, now, blankToNull(comment), satisfaction);
		return change(o, escalatedAt, line, new OpinionEvent.Rated(o.id(), o.trackingCode(), to, o.townshipId(),
				o.departmentId(), u == null ? null : u.id(), now, satisfaction, reopen, reopen ? o.dueDate() : null),
				reopen);
	}

	/**
	 * Whether the case is past its due date with its department today: its overdue notice
	 * is due (once per due date; the caller claims it).
	 */
	public boolean isOverdue(LocalDate today) {
		return state.status().isWithDepartment() && state.dueDate() != null && today.isAfter(state.dueDate());
	}

	/**
	 * The event of a case that went past its due date, or null when it is no longer
	 * overdue (replied or given a new due date since it was found).
	 */
	public OpinionEvent.@Nullable Overdue overdue(Terms t) {
		LocalDate due = state.dueDate();
		if (!isOverdue(t.today()) || due == null) {
			return null;
		}
		return new OpinionEvent.Overdue(state.id(), state.trackingCode(), state.status(), state.townshipId(),
				state.departmentId(), null, t.now(), due);
	}

	/** Papers added to an open case (status unchanged). */
	public Change attach(CurrentUser u, List<String> names, OffsetDateTime now) {
		OpinionStatus to = state.status();
		return change(state, escalatedAt,
				line(Action.ATTACH, to, u, u.departmentId(), now, String.join(", ", names), null),
				new OpinionEvent.Attached(state.id(), state.trackingCode(), to, state.townshipId(),
						state.departmentId(), u.id(), now, names.size()),
				false);
	}

	/**
	 * Checks, before taking papers, that the case is open (409) and the user may add to
	 * it (403).
	 */
	public void checkAttach(CurrentUser u) {
		Lifecycle.next(state.status(), Action.ATTACH, state.reopened());
		if (!Policy.mayAct(u, state, Action.ATTACH, null)) {
			throw new AccessDeniedException("attach");
		}
	}

	// ------------------------------------------------------------------ rules shared by
	// the steps

	/**
	 * Checks the transition (409), the user's right to take it (403), the input (400) and
	 * an expected version (409); returns the status the action leads to.
	 */
	private OpinionStatus begin(CurrentUser u, Action action, @Nullable Outcome outcome,
			@Nullable Integer expectedVersion, Runnable validate) {
		OpinionStatus to = Lifecycle.next(state.status(), action, state.reopened());
		if (!Policy.mayAct(u, state, action, outcome)) {
			throw new AccessDeniedException(action.name());
		}
		validate.run();
		checkVersion(expectedVersion);
		return to;
	}

	private void checkVersion(@Nullable Integer expectedVersion) {
		if (expectedVersion != null && expectedVersion != state.version()) {
			throw new ConflictException("error.staleVersion");
		}
	}

	/**
	 * Whether the department may handle the opinion as triaged: of its tier, competent
	 * for its category, and for a township or village tier of its township.
	 */
	static boolean fits(Department d, Opinion o) {
		return o.tier() != null && o.categoryCode() != null && d.tier() == o.tier()
				&& d.categoryCodes().contains(o.categoryCode())
				&& (d.tier() == Tier.COUNTY || (d.townshipId() != null && d.townshipId().equals(o.townshipId())));
	}

	static String actorName(@Nullable CurrentUser u) {
		return u == null ? CONSTITUENT : u.displayName();
	}

	private Line line(Action action, OpinionStatus to, CurrentUser u, @Nullable Long departmentId, OffsetDateTime at,
			@Nullable String note, @Nullable Satisfaction satisfaction) {
		return new Line(action, state.status(), to, u.id(), actorName(u), departmentId, at, note, satisfaction);
	}

	private Change change(Opinion after, @Nullable OffsetDateTime escalatedAfter, Line line, OpinionEvent event,
			boolean newDeadline) {
		Opinion saved = after == state ? state : new OpinionFields(after).version(state.version() + 1).build();
		return new Change(this, new OpinionCase(saved, escalatedAfter), line, event, newDeadline);
	}

	static void requireNote(String field, @Nullable String note) {
		List<FieldError> errors = new ArrayList<>();
		if (blankToNull(note) == null) {
			errors.add(new FieldError(field, "validation.required"));
		}
		noteMax(errors, field, note);
		throwIfAny(errors);
	}

	static void noteMax(List<FieldError> errors, String field, @Nullable String note) {
		if (note != null && note.strip().length() > NOTE_MAX) {
			errors.add(new FieldError(field, "validation.size.max", NOTE_MAX));
		}
	}

	private static void throwIfAny(List<FieldError> errors) {
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	private OpinionFields copy() {
		return new OpinionFields(state);
	}

}
