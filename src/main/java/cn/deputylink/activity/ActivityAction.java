package cn.deputylink.activity;

/** What a user may do with an activity now, so that pages show exactly those buttons. */
public enum ActivityAction {

	/** The reporting deputy edits and resubmits a report awaiting review or rejected. */
	EDIT,
	/** A reviewer (liaison officer, township admin, county admin) approves a report. */
	APPROVE,
	/** A reviewer rejects a report with a reason. */
	REJECT,
	/**
	 * The deputy withdraws its report not yet counted; staff withdraw a counted activity.
	 */
	WITHDRAW,
	/** Photos may be added. */
	ADD_PHOTOS

}
