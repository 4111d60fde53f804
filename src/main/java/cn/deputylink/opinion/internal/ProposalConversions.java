package cn.deputylink.opinion.internal;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.deputylink.opinion.Action;
import cn.deputylink.opinion.Opinion;
import cn.deputylink.opinion.OpinionEvent;
import cn.deputylink.opinion.ProposalLink;

/**
 * Hears that a deputy's proposal was submitted from opinions ({@link ProposalLink}, after
 * the proposal's commit, through the event publication registry) and, once per opinion
 * and proposal however often it hears it, records the link, adds the timeline line the
 * constituent sees ("已转为代表建议") and publishes {@link OpinionEvent.Converted}. The
 * opinion's status and version do not change: it is still tracked and handled as before.
 */
@Component
class ProposalConversions {

	/** Actor name stored on a conversion line (the proposal's submitter is the actor). */
	static final String PROPOSAL = "proposal";

	private final Opinions opinions;

	private final ApplicationEventPublisher events;

	ProposalConversions(Opinions opinions, ApplicationEventPublisher events) {
		this.opinions = opinions;
		this.events = events;
	}

	@ApplicationModuleListener
	void on(ProposalLink link) {
		for (Long id : link.opinionIds()) {
			Opinion o = opinions.find(id).orElse(null);
			if (o == null || !opinions.linkProposal(id, link.proposalId(), link.at())) {
				continue;
			}
			opinions.addLine(id, new OpinionCase.Line(Action.CONVERTED, o.status(), o.status(), link.actorId(),
					PROPOSAL, null, link.at(), "#" + link.proposalId(), null));
			events.publishEvent(new OpinionEvent.Converted(id, o.trackingCode(), o.status(), o.townshipId(),
					o.departmentId(), link.actorId(), link.at(), link.proposalId()));
		}
	}

}
