package cn.deputylink.proposal;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.proposal.internal.ProposalCase;
import cn.deputylink.proposal.internal.ProposalSteps;
import cn.deputylink.proposal.internal.ProposalReads;

/**
 * The county's steps (county admin): registration with the year's next number or a
 * reasoned refusal, assignment to a lead unit and co-units, key supervision (重点督办), the
 * decision on a unit's request for more time, closing an evaluated proposal.
 */
@Service
public class ProposalRegistration {

	private final ProposalSteps steps;

	private final ProposalReads store;

	ProposalRegistration(ProposalSteps steps, ProposalReads store) {
		this.steps = steps;
		this.store = store;
	}

	/**
	 * SUBMITTED → REGISTERED with the year's next number (unique and gapless): the number
	 * is taken in this transaction, after every check, so that a refused or rolled-back
	 * registration gives it back.
	 */
	@Transactional
	public Proposal register(long id, @Nullable String note, @Nullable Integer version, CurrentUser u) {
		ProposalCase c = steps.visible(id, u);
		c.checkRegister(u, note, version);
		int year = steps.today().getYear();
		int sequence = store.nextNumber(year);
		return steps.save(c.register(u, year, sequence, note, version, steps.now()), u);
	}

	/** SUBMITTED → REFUSED with reasons. */
	@Transactional
	public Proposal refuse(long id, @Nullable String reason, @Nullable Integer version, CurrentUser u) {
		return steps.save(steps.visible(id, u).refuse(u, reason, version, steps.now()), u);
	}

	/** REGISTERED → ASSIGNED; the reply is due 3 months later. */
	@Transactional
	public Proposal assign(long id, @Nullable Long leadDepartmentId, @Nullable List<Long> coDepartmentIds,
			@Nullable String note, @Nullable Integer version, CurrentUser u) {
		ProposalCase c = steps.visible(id, u);
		return steps.save(c.assign(u, leadDepartmentId, coDepartmentIds, steps::activeDepartment, note, version, steps),
				u);
	}

	/** Marks (or unmarks) the proposal key-supervised, with a note. */
	@Transactional
	public Proposal supervise(long id, boolean keySupervised, @Nullable String note, CurrentUser u) {
		return steps.save(steps.visible(id, u).supervise(u, keySupervised, note, steps.now()), u);
	}

	/** Approves (due 6 months after assignment) or rejects the lead unit's request. */
	@Transactional
	public Proposal decideExtension(long id, boolean approve, @Nullable String note, @Nullable Integer version,
			CurrentUser u) {
		return steps.save(steps.visible(id, u).decideExtension(u, approve, note, version, steps), u);
	}

	/** EVALUATED → CLOSED. */
	@Transactional
	public Proposal close(long id, @Nullable String note, @Nullable Integer version, CurrentUser u) {
		return steps.save(steps.visible(id, u).close(u, note, version, steps.now()), u);
	}

}
