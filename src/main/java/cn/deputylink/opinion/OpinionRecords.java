package cn.deputylink.opinion;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.opinion.internal.OpinionFacts;

/**
 * What other modules read of opinions, without a user (they check their own scope): the
 * opinions deputies received, for their performance files and points; the opinions
 * departments handled, for the year-end evaluation of handling units. Merged duplicates
 * are left out of both.
 */
@Service
public class OpinionRecords {

	private final OpinionFacts facts;

	OpinionRecords(OpinionFacts facts) {
		this.facts = facts;
	}

	/**
	 * Opinions received in [from, to] (the county's dates) by at least one of these
	 * deputies, oldest first.
	 */
	@Transactional(readOnly = true)
	public List<OpinionFact> receivedBy(Collection<Long> deputyIds, LocalDate from, LocalDate to) {
		return deputyIds.isEmpty() ? List.of() : facts.receivedBy(deputyIds, from, to);
	}

	/**
	 * Opinions assigned to a department in [from, to] (by their current assignment),
	 * oldest first.
	 */
	@Transactional(readOnly = true)
	public List<OpinionFact> assignedIn(LocalDate from, LocalDate to) {
		return facts.assignedIn(from, to);
	}

	/** One opinion as the figures count it, merged ones included; empty when unknown. */
	@Transactional(readOnly = true)
	public Optional<OpinionCount> counted(long opinionId) {
		return facts.counted(opinionId);
	}

	/**
	 * Opinions as the figures count them, merged ones included, in id order after
	 * {@code afterId}, at most {@code limit} (the statistics' reconciliation).
	 */
	@Transactional(readOnly = true)
	public List<OpinionCount> counted(long afterId, int limit) {
		return facts.counted(afterId, limit);
	}

}
