package cn.deputylink.opinion;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * An opinion with its timeline, attachments, deadline state and what the viewer may do
 * with it.
 */
public record OpinionDetail(Opinion opinion, List<TimelineEntry> timeline, List<Attachment> attachments,
		@Nullable DeadlineColour colour, boolean overdue, Set<Action> allowedActions, boolean mayRevealPhone,
		@Nullable String mergedIntoCode) {
}
