package cn.deputylink.opinion;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.opinion.internal.OpinionFacts;
import cn.deputylink.opinion.internal.OpinionReads;

/**
 * What other modules read of opinions, without a user (they check their own scope): the
 * opinions deputies received, for their performance files and points; the opinions
 * departments handled, for the year-end evaluation of handling units; a station's
 * opinions of a period, for its ledger. Merged duplicates are left out of all three.
 */
@Service
public class OpinionRecords {

	private final OpinionFacts facts;

	private final OpinionReads reads;

	private final OpinionSettings settings;

	OpinionRecords(OpinionFacts facts, OpinionReads reads, OpinionSettings settings) {
		this.facts = facts;
		this.reads = reads;
		this.settings = settings;
	}

	/**
	 * A station's opinions received in [from, to] (the county's dates), merged duplicates
	 * left out, oldest first: the station's ledger. The constituent's phone only masked.
	 */
	@Transactional(readOnly = true)
	public List<Opinion> atStation(long stationId, LocalDate from, LocalDate to) {
		return reads.atStation(stationId, from.atStartOfDay(settings.zone()).toOffsetDateTime(),
				to.plusDays(1).atStartOfDay(settings.zone()).toOffsetDateTime());
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
