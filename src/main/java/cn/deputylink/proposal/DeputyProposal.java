package cn.deputylink.proposal;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * A proposal in a deputy's performance record: the deputy led it or co-signed it
 * (confirmed), its status, number, result class and evaluation. {@code date} is its
 * submission date (creation date while a draft).
 */
public record DeputyProposal(long proposalId, long deputyId, boolean lead, String title, ProposalStatus status,
		@Nullable String number, LocalDate date, @Nullable String resultClass, @Nullable Evaluation evaluation,
		@Nullable OffsetDateTime repliedAt) {
}
