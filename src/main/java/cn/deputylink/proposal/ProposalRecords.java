package cn.deputylink.proposal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.proposal.internal.ProposalSteps;
import cn.deputylink.proposal.internal.ProposalReads;

/**
 * What other modules read of proposals, without a user (they check their own scope): a
 * deputy's proposals for the performance file and the points, a unit's handling for the
 * year-end evaluation of handling units. Dates are the county's.
 */
@Service
public class ProposalRecords {

	private final ProposalReads store;

	private final ProposalSteps steps;

	ProposalRecords(ProposalReads store, ProposalSteps steps) {
		this.store = store;
		this.steps = steps;
	}

	/**
	 * Proposals these deputies led or co-signed (confirmed), submitted (drafts and
	 * withdrawn ones excluded) in [from, to]; one row per deputy and proposal.
	 */
	@Transactional(readOnly = true)
	public List<DeputyProposal> ofDeputies(Collection<Long> deputyIds, LocalDate from, LocalDate to) {
		return store.ofDeputies(deputyIds, start(from), start(to.plusDays(1)));
	}

	/** Every unit's part in the proposals assigned in [from, to]. */
	@Transactional(readOnly = true)
	public List<UnitHandling> handlings(LocalDate from, LocalDate to) {
		return store.handlings(start(from), start(to.plusDays(1)));
	}

	private OffsetDateTime start(LocalDate d) {
		return d.atStartOfDay(steps.zone()).toOffsetDateTime();
	}

}
