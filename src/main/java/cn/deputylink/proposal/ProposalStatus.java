package cn.deputylink.proposal;

/**
 * Where a proposal stands: {@code DRAFT → SUBMITTED → REGISTERED → ASSIGNED → REPLIED →
 * EVALUATED → CLOSED}; a submitted one may be {@code REFUSED} (不予立案, with reasons), a
 * draft {@code WITHDRAWN} (discarded). An unsatisfied evaluation sends a {@code REPLIED}
 * proposal back to {@code ASSIGNED} once.
 */
public enum ProposalStatus {

	DRAFT, SUBMITTED, REGISTERED, REFUSED, ASSIGNED, REPLIED, EVALUATED, CLOSED, WITHDRAWN;

	/** A status no step leaves. */
	public boolean terminal() {
		return this == CLOSED || this == REFUSED || this == WITHDRAWN;
	}

	/** The reply is in: what the public list and the evaluation of units count. */
	public boolean replied() {
		return this == REPLIED || this == EVALUATED || this == CLOSED;
	}

}
