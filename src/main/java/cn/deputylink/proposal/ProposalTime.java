package cn.deputylink.proposal;

import java.time.Clock;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import cn.deputylink.proposal.internal.ProposalSteps;

/**
 * Runs proposal steps at another clock's time, on this thread: the demo county gives its
 * proposals a past (an overdue one) through the same rules as real work.
 */
@Component
public class ProposalTime {

	private final ProposalSteps steps;

	ProposalTime(ProposalSteps steps) {
		this.steps = steps;
	}

	public <T> T at(Clock at, Supplier<T> work) {
		return steps.at(at, work);
	}

}
