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
 * The county's steps (county admin): registration with the year's next number or a
 * reasoned refusal, assignment to a lead unit and co-units, key supervision (重点督办), the
 * decision on a unit's request for more time, closing an evaluated proposal.
 */
@Service
public class ProposalRegistration {

	/** SUBMITTED → REGISTERED with the year's next number (unique and gapless). */
	@Transactional
	public Proposal register(long id, @Nullable String note, @Nullable Integer version, CurrentUser u) {
		throw new UnsupportedOperationException("skeleton");
	}

	/** SUBMITTED → REFUSED with reasons. */
	@Transactional
	public Proposal refuse(long id, @Nullable String reason, @Nullable Integer version, CurrentUser u) {
		throw new UnsupportedOperationException("skeleton");
	}

	/** REGISTERED → ASSIGNED; the reply is due 3 months later. */
	@Transactional
	public Proposal assign(long id, @Nullable Long leadDepartmentId, @Nullable List<Long> coDepartmentIds,
			@Nullable String note, @Nullable Integer version, CurrentUser u) {
		throw new UnsupportedOperationException("skeleton");
	}

	/** Marks (or unmarks) the proposal key-supervised, with a note. */
	@Transactional
	public Proposal supervise(long id, boolean keySupervised, @Nullable String note, CurrentUser u) {
		throw new UnsupportedOperationException("skeleton");
	}

	/** Approves (due 6 months after assignment) or rejects the lead unit's request. */
	@Transactional
	public Proposal decideExtension(long id, boolean approve, @Nullable String note, @Nullable Integer version,
			CurrentUser u) {
		throw new UnsupportedOperationException("skeleton");
	}

	/** EVALUATED → CLOSED. */
	@Transactional
	public Proposal close(long id, @Nullable String note, @Nullable Integer version, CurrentUser u) {
		throw new UnsupportedOperationException("skeleton");
	}

}
