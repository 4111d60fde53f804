package cn.deputylink.proposal;

import org.jspecify.annotations.Nullable;

/**
 * Filters of a proposal list (all optional): status, year of registration (or of creation
 * before it), lead deputy, handling unit (lead or co), overdue only, key-supervised only,
 * words in title or content.
 */
public record ProposalFilter(@Nullable ProposalStatus status, @Nullable Integer year, @Nullable Long deputyId,
		@Nullable Long departmentId, boolean overdue, boolean keySupervised, @Nullable String q) {

	public static ProposalFilter none() {
		return new ProposalFilter(null, null, null, null, false, false, null);
	}

}
