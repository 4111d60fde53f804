package cn.deputylink.opinion;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the opinion module hears of a proposal born from opinions: the proposal module's
 * submission event implements this, and the opinion module listens for it (after the
 * commit, through the event publication registry), marks the opinions converted — a
 * timeline line the constituent sees as "已转为代表建议" — and publishes its own
 * {@link OpinionEvent.Converted}. The type lives here so that the opinion module never
 * depends on the proposal module.
 */
public interface ProposalLink {

	long proposalId();

	/**
	 * The opinions the proposal came from (may be empty: then there is nothing to do).
	 */
	List<Long> opinionIds();

	@Nullable Long actorId();

	OffsetDateTime at();

}
