package cn.deputylink.duty;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.duty.internal.DutySteps;
import cn.deputylink.duty.internal.Receptions;

/**
 * The reception form of a held day (接待日): attendance, constituents received and the
 * opinions raised, recorded as the day's RECEPTION activity, by the station's staff.
 */
@Service
public class ReceptionDays {

	private final DutySteps steps;

	private final Receptions receptions;

	ReceptionDays(DutySteps steps, Receptions receptions) {
		this.steps = steps;
		this.receptions = receptions;
	}

	/**
	 * Saves the day's reception form; the day is HELD and its RECEPTION activity
	 * recorded.
	 */
	@Transactional
	public DutyDay recordReception(long id, Reception reception, CurrentUser u) {
		return receptions.record(id, reception, u);
	}

	/** The opinions registered at a day's reception. */
	@Transactional(readOnly = true)
	public List<Long> receptionOpinions(long id, CurrentUser u) {
		steps.readableDay(id, u);
		return receptions.opinionsOf(id);
	}

}
