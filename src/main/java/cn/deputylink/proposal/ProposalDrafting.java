package cn.deputylink.proposal;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.proposal.internal.ProposalCase;
import cn.deputylink.proposal.internal.ProposalSteps;

/**
 * The lead deputy's steps (or a county admin's on the deputy's behalf, 代录入): a draft, its
 * edits, withdrawing it, submitting it once every co-signer has answered; and a
 * co-signer's answer.
 */
@Service
public class ProposalDrafting {

	private final ProposalSteps steps;

	private final MessageSource messages;

	ProposalDrafting(ProposalSteps steps, MessageSource messages) {
		this.steps = steps;
		this.messages = messages;
	}

	/** A new DRAFT; 400 on bad input, 403 outside the caller's rights. */
	@Transactional
	public Proposal create(NewProposal draft, CurrentUser u) {
		ProposalSteps.requireProposalRole(u);
		ProposalCase fresh = ProposalCase.draft(draft, u, steps.draftChecks(u), steps.now());
		String note = fresh.state().onBehalf() ? messages.getMessage("proposal.timeline.onBehalf",
				new Object[] { u.displayName(), steps.deputyName(fresh.state().leadDeputyId()) },
				ProposalSteps.NOTICE_LOCALE) : null;
		return steps.insert(fresh, u, note);
	}

	@Transactional
	public Proposal edit(long id, NewProposal draft, @Nullable Integer version, CurrentUser u) {
		ProposalCase c = steps.visible(id, u);
		return steps.save(c.edit(draft, u, steps.draftChecks(u), version, steps.now()), u);
	}

	@Transactional
	public Proposal withdraw(long id, @Nullable Integer version, CurrentUser u) {
		return steps.save(steps.visible(id, u).withdraw(u, version, steps.now()), u);
	}

	/** DRAFT → SUBMITTED (409 while a co-signer has not answered). */
	@Transactional
	public Proposal submit(long id, @Nullable Integer version, CurrentUser u) {
		return steps.save(steps.visible(id, u).submit(u, version, steps), u);
	}

	/** The calling deputy confirms or declines co-signing. */
	@Transactional
	public Proposal answerCoSign(long id, boolean confirm, CurrentUser u) {
		return steps.save(steps.visible(id, u).answerCoSign(confirm, u, steps.now()), u);
	}

}
