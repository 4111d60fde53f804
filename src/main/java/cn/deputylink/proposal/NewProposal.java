package cn.deputylink.proposal;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A draft to create (or the new text of a draft): {@code leadDeputyId} is the caller's
 * own deputy for a deputy, any deputy for a county admin entering it on their behalf;
 * {@code opinionIds} the opinions it comes from (TRIAGED or later, visible to the
 * caller).
 */
public record NewProposal(@Nullable String title, @Nullable String content, @Nullable Long leadDeputyId,
		@Nullable List<Long> coSignerIds, @Nullable List<Long> opinionIds, @Nullable Period period,
		boolean publicConsent) {
}
