package cn.deputylink.proposal;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.proposal.internal.ProposalSteps;

/**
 * The lead deputy's evaluation of the reply: satisfied or basically satisfied →
 * EVALUATED; unsatisfied the first time → back to ASSIGNED with a 1-month deadline; the
 * second evaluation is final.
 */
@Service
public class ProposalEvaluation {

	private final ProposalSteps steps;

	ProposalEvaluation(ProposalSteps steps) {
		this.steps = steps;
	}

	@Transactional
	public Proposal evaluate(long id, @Nullable Evaluation evaluation, @Nullable String comment,
			@Nullable Integer version, CurrentUser u) {
		return steps.save(steps.visible(id, u).evaluate(u, evaluation, comment, version, steps), u);
	}

}
