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
 * What other modules read of proposals, without a user (they check their own scope): a
 * deputy's proposals for the performance file and the points, a unit's handling for the
 * year-end evaluation of handling units.
 */
@Service
public class ProposalRecords {

	/**
	 * Proposals these deputies led or co-signed (confirmed), submitted (or, drafts
	 * excluded) in [from, to]; one row per deputy and proposal.
	 */
	@Transactional(readOnly = true)
	public List<DeputyProposal> ofDeputies(Collection<Long> deputyIds, LocalDate from, LocalDate to) {
		throw new UnsupportedOperationException("skeleton");
	}

	/** Every unit's part in the proposals assigned in [from, to]. */
	@Transactional(readOnly = true)
	public List<UnitHandling> handlings(LocalDate from, LocalDate to) {
		throw new UnsupportedOperationException("skeleton");
	}

}
