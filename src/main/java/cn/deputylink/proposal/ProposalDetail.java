package cn.deputylink.proposal;

import java.util.List;
import java.util.Set;

/**
 * A proposal with what its page shows: the handling units, the timeline (oldest first),
 * the files, and the steps the viewer may take now.
 */
public record ProposalDetail(Proposal proposal, List<HandlingUnit> units, List<ProposalTimelineEntry> timeline,
		List<ProposalAttachment> attachments, Set<ProposalStep> allowedSteps, boolean overdue) {
}
