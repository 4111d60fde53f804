package cn.deputylink.activity;

/**
 * Where an activity stands: recorded by staff, or reported by a deputy and awaiting
 * review ({@code SUBMITTED}), approved or rejected (with a reason, back to the deputy);
 * {@code WITHDRAWN} counts no more. Only {@code RECORDED} and {@code APPROVED} count.
 */
public enum ActivityStatus {

	RECORDED, SUBMITTED, APPROVED, REJECTED, WITHDRAWN;

	/** Whether an activity in this status counts in the figures and the "三个一". */
	public boolean counts() {
		return this == RECORDED || this == APPROVED;
	}

}
