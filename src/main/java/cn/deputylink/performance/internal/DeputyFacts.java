package cn.deputylink.performance.internal;

import java.util.List;

import cn.deputylink.activity.Activity;
import cn.deputylink.duty.DeputyDutyDay;
import cn.deputylink.opinion.OpinionFact;
import cn.deputylink.proposal.DeputyProposal;

/**
 * What the other modules hold of one deputy in a date range: its counting activities, its
 * duty record, the opinions it received, its proposals (led or co-signed).
 */
public record DeputyFacts(long deputyId, List<Activity> activities, List<DeputyDutyDay> duty,
		List<OpinionFact> opinions, List<DeputyProposal> proposals) {
}
