package cn.deputylink.opinion;

/** Things that happen to an opinion; each one is a line of its timeline. */
public enum Action {

	SUBMIT, TRIAGE, ASSIGN, RETURN, ACCEPT, PROGRESS, REPLY,
	/**
	 * The constituent's rating that closes the case (satisfied or basically satisfied).
	 */
	FEEDBACK,
	/** The constituent was unsatisfied: back to the department, once. */
	REOPEN, CLOSE, MERGE, ESCALATE, ATTACH,
	/**
	 * The opinion became (part of) a deputy's proposal: a line the constituent sees; no
	 * user takes it, and the status does not change.
	 */
	CONVERTED

}
