package cn.deputylink.opinion.internal;

import java.util.EnumSet;
import java.util.Set;

import cn.deputylink.shared.ConflictException;
import cn.deputylink.opinion.Action;
import cn.deputylink.opinion.OpinionStatus;

/**
 * The opinion state machine of {@code docs/domain.md}. Pure: which action may happen in
 * which status, and where it leads. Who may take an action is {@link Policy}'s business.
 */
public final class Lifecycle {

	private Lifecycle() {
	}

	/**
	 * Statuses in which the action is allowed at all (before looking at the reopened
	 * flag).
	 */
	public static Set<OpinionStatus> allowedFrom(Action action) {
		return switch (action) {
			case SUBMIT -> EnumSet.noneOf(OpinionStatus.class);
			// re-triage after a department returned the case, to correct category or tier
			case TRIAGE -> EnumSet.of(OpinionStatus.SUBMITTED, OpinionStatus.TRIAGED);
			case ASSIGN -> EnumSet.of(OpinionStatus.TRIAGED);
			case RETURN, ACCEPT -> EnumSet.of(OpinionStatus.ASSIGNED);
			case PROGRESS, REPLY -> EnumSet.of(OpinionStatus.IN_PROGRESS);
			case FEEDBACK, REOPEN -> EnumSet.of(OpinionStatus.REPLIED);
			case CLOSE -> EnumSet.of(OpinionStatus.SUBMITTED, OpinionStatus.TRIAGED, OpinionStatus.REPLIED);
			case MERGE -> EnumSet.of(OpinionStatus.SUBMITTED, OpinionStatus.TRIAGED);
			case ESCALATE -> EnumSet.of(OpinionStatus.ASSIGNED, OpinionStatus.IN_PROGRESS);
			case ATTACH -> EnumSet.complementOf(EnumSet.of(OpinionStatus.CLOSED, OpinionStatus.MERGED));
			// recorded by the module itself when a proposal is submitted, never a user's
			// step
			case CONVERTED -> EnumSet.noneOf(OpinionStatus.class);
		};
	}

	/**
	 * Whether the action may happen now. An unsatisfied constituent reopens a case once;
	 * after the second reply, any rating closes it.
	 */
	public static boolean allows(OpinionStatus from, Action action, boolean reopened) {
		if (action == Action.REOPEN && reopened) {
			return false;
		}
		return allowedFrom(action).contains(from);
	}

	/**
	 * The status after the action, or a 409 ({@code opinion.illegalTransition}) when the
	 * action is not allowed in {@code from}.
	 */
	public static OpinionStatus next(OpinionStatus from, Action action, boolean reopened) {
		if (!allows(from, action, reopened)) {
			throw new ConflictException("opinion.illegalTransition", action.name(), from.name());
		}
		return switch (action) {
			case SUBMIT -> OpinionStatus.SUBMITTED;
			case TRIAGE, RETURN -> OpinionStatus.TRIAGED;
			case ASSIGN, REOPEN -> OpinionStatus.ASSIGNED;
			case ACCEPT -> OpinionStatus.IN_PROGRESS;
			case REPLY -> OpinionStatus.REPLIED;
			case FEEDBACK, CLOSE -> OpinionStatus.CLOSED;
			case MERGE -> OpinionStatus.MERGED;
			case PROGRESS, ESCALATE, ATTACH, CONVERTED -> from;
		};
	}

}
