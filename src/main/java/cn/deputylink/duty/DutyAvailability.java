package cn.deputylink.duty;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.duty.internal.Unavailabilities;

/**
 * When a deputy cannot serve, declared by the deputy or the staff in scope; the rotation
 * and the edits keep the deputy off those days.
 */
@Service
public class DutyAvailability {

	private final Unavailabilities unavailabilities;

	DutyAvailability(Unavailabilities unavailabilities) {
		this.unavailabilities = unavailabilities;
	}

	@Transactional(readOnly = true)
	public List<Unavailability> unavailability(long deputyId, CurrentUser u) {
		return unavailabilities.of(deputyId, u);
	}

	@Transactional
	public Unavailability declareUnavailable(long deputyId, @Nullable LocalDate from, @Nullable LocalDate to,
			Unavailability.@Nullable Reason reason, @Nullable String note, CurrentUser u) {
		return unavailabilities.declare(deputyId, from, to, reason, note, u);
	}

	@Transactional
	public void removeUnavailability(long id, CurrentUser u) {
		unavailabilities.remove(id, u);
	}

}
