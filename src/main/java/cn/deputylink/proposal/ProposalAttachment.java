package cn.deputylink.proposal;

import java.time.OffsetDateTime;

/** A file of a proposal: the reply's official letter (PDF) of the lead unit. */
public record ProposalAttachment(long id, long proposalId, String fileName, String contentType, long size,
		String sha256, long uploadedBy, OffsetDateTime uploadedAt) {
}
