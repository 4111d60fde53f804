package cn.deputylink.proposal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.shared.Upload;

/**
 * The lead deputy's steps (or a county admin's on the deputy's behalf, 代录入): a draft, its
 * edits, withdrawing it, submitting it once every co-signer has answered; and a
 * co-signer's answer.
 */
@Service
public class ProposalDrafting {

	/** A new DRAFT; 400 on bad input, 403 outside the caller's rights. */
	@Transactional
	public Proposal create(NewProposal draft, CurrentUser u) {
		throw new UnsupportedOperationException("skeleton");
	}

	@Transactional
	public Proposal edit(long id, NewProposal draft, @Nullable Integer version, CurrentUser u) {
		throw new UnsupportedOperationException("skeleton");
	}

	@Transactional
	public Proposal withdraw(long id, @Nullable Integer version, CurrentUser u) {
		throw new UnsupportedOperationException("skeleton");
	}

	/** DRAFT → SUBMITTED (409 while a co-signer has not answered). */
	@Transactional
	public Proposal submit(long id, @Nullable Integer version, CurrentUser u) {
		throw new UnsupportedOperationException("skeleton");
	}

	/** The calling deputy confirms or declines co-signing. */
	@Transactional
	public Proposal answerCoSign(long id, boolean confirm, CurrentUser u) {
		throw new UnsupportedOperationException("skeleton");
	}

}
