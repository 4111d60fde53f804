package cn.deputylink.opinion;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the constituent sees by tracking code: status, when each step happened and the
 * reply. Never a name, a phone number, a department's internal note or who did what.
 */
public record PublicView(String trackingCode, OpinionStatus status, @Nullable Outcome outcome,
		OffsetDateTime submittedAt, List<Step> timeline, @Nullable String reply, @Nullable OffsetDateTime repliedAt,
		boolean feedbackOpen, boolean canReopen, @Nullable Satisfaction satisfaction, @Nullable String mergedInto,
		List<Reply> replies) {

	/** A step without actor or note. */
	public record Step(Action action, OffsetDateTime at) {
	}

	/**
	 * A reply the constituent was given, oldest first: after an unsatisfied rating the
	 * case is handled again, and both answers stay readable.
	 */
	public record Reply(String text, OffsetDateTime at) {
	}

	/**
	 * Whether the rating asked for now is the last one: the case was handled a second
	 * time.
	 */
	public boolean finalRating() {
		return feedbackOpen && !canReopen;
	}
}
