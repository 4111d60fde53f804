/**
 * Deputies' proposals (代表建议): a lead deputy's draft, blank or from constituents'
 * opinions, co-signed by other deputies who confirm; submitted during the session or in
 * recess; registered (立案) with a yearly number or refused with reasons; assigned to a
 * lead handling unit (主办) and co-units (协办); replied with a configurable result class
 * ({@link cn.deputylink.proposal.ResultClasses}); evaluated by the lead deputy (an
 * unsatisfied evaluation sends it back once); closed. Deadlines come from the calendar
 * module in working days. The API, one facade per step:
 * {@link cn.deputylink.proposal.ProposalDrafting},
 * {@link cn.deputylink.proposal.ProposalRegistration},
 * {@link cn.deputylink.proposal.ProposalHandling},
 * {@link cn.deputylink.proposal.ProposalEvaluation},
 * {@link cn.deputylink.proposal.ProposalQueries}, and for other modules
 * {@link cn.deputylink.proposal.ProposalRecords}; every step publishes a
 * {@link cn.deputylink.proposal.ProposalEvent}. The opinion module learns that its
 * opinions became a proposal only from
 * {@link cn.deputylink.proposal.ProposalEvent.Submitted} (which it hears as its own
 * {@code opinion.ProposalLink}); this module may call the opinion module's API, never the
 * reverse.
 */
@ApplicationModule(allowedDependencies = { "account", "audit", "calendar", "notification", "opinion", "organisation",
		"shared", "shared :: web", "shared :: excel", "shell" })
@NullMarked
package cn.deputylink.proposal;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
