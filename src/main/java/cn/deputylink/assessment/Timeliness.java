package cn.deputylink.assessment;

/** Where one item stands against its due date. */
public enum Timeliness {

	/** Replied (or input given) on or before the due date, in the county's dates. */
	ON_TIME,
	/** Replied after the due date. */
	LATE,
	/** Not replied and the due date has passed. */
	OPEN_OVERDUE,
	/** Not replied, not yet due (or no due date): not counted. */
	OPEN

}
