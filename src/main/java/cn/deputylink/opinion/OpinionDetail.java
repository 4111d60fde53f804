package cn.deputylink.opinion;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * An opinion with its timeline, attachments, deadline state and what the viewer may do
 * with it; {@code proposalIds} the deputies' proposals it became part of.
 */
public record OpinionDetail(Opinion opinion, List<TimelineEntry> timeline, List<Attachment> attachments,
		@Nullable DeadlineColour colour, boolean overdue, Set<Action> allowedActions, boolean mayRevealPhone,
		@Nullable String mergedIntoCode, List<Long> proposalIds) {

	/** Without proposals (the shape before proposals came). */
	public OpinionDetail(Opinion opinion, List<TimelineEntry> timeline, List<Attachment> attachments,
			@Nullable DeadlineColour colour, boolean overdue, Set<Action> allowedActions, boolean mayRevealPhone,
			@Nullable String mergedIntoCode) {
		this(opinion, timeline, attachments, colour, overdue, allowedActions, mayRevealPhone, mergedIntoCode,
				List.of());
	}

}
