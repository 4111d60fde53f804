package cn.deputylink.duty;

import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.duty.internal.Swaps;

/**
 * Swap requests: a deputy on duty asks another deputy of the station to take the day; the
 * liaison officer or township admin approves or refuses.
 */
@Service
public class DutySwaps {

	private final Swaps swaps;

	DutySwaps(Swaps swaps) {
		this.swaps = swaps;
	}

	@Transactional
	public SwapRequest requestSwap(long dayId, @Nullable Long fromDeputyId, @Nullable Long toDeputyId,
			@Nullable String note, CurrentUser u) {
		return swaps.request(dayId, fromDeputyId, toDeputyId, note, u);
	}

	@Transactional(readOnly = true)
	public List<SwapRequest> swaps(SwapRequest.@Nullable Status status, CurrentUser u) {
		return swaps.list(status, u);
	}

	@Transactional
	public SwapRequest decideSwap(long swapId, boolean approve, @Nullable Integer version, CurrentUser u) {
		return swaps.decide(swapId, approve, version, u);
	}

	/** Pending requests at these stations (no scope: the caller's). */
	@Transactional(readOnly = true)
	public int pendingSwaps(Collection<Long> stationIds) {
		return swaps.pending(stationIds);
	}

}
