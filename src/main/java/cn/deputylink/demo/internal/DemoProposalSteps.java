package cn.deputylink.demo.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.deputylink.account.UserAccount;
import cn.deputylink.opinion.OpinionQueries;
import cn.deputylink.proposal.ProposalDrafting;
import cn.deputylink.proposal.ProposalEvaluation;
import cn.deputylink.proposal.ProposalHandling;
import cn.deputylink.proposal.ProposalRegistration;
import cn.deputylink.proposal.ProposalTime;

/** The proposal facades the demo county seeds through. */
@Component
class DemoProposalSteps {

	private final ProposalDrafting drafting;

	private final ProposalRegistration registration;

	private final ProposalHandling handling;

	private final ProposalEvaluation evaluation;

	private final OpinionQueries opinions;

	private final ProposalTime time;

	DemoProposalSteps(ProposalDrafting drafting, ProposalRegistration registration, ProposalHandling handling,
			ProposalEvaluation evaluation, OpinionQueries opinions, ProposalTime time) {
		this.time = time;
		this.drafting = drafting;
		this.registration = registration;
		this.handling = handling;
		this.evaluation = evaluation;
		this.opinions = opinions;
	}

	/** The proposals seeded, and the opinions they were drafted from. */
	record Seeded(int proposals, int linkedOpinions) {
	}

	Seeded seed(UserAccount county, UserAccount deputy, UserAccount department, List<Long> deputiesOfFirstTownship) {
		DemoProposals demo = new DemoProposals(drafting, registration, handling, evaluation, opinions, time, county,
				deputy, department);
		int proposals = demo.seed(deputiesOfFirstTownship);
		return new Seeded(proposals, demo.linkedOpinions);
	}

}
