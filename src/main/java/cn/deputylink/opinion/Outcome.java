package cn.deputylink.opinion;

/** How a case ended: 解决, 解释说明, 暂不能解决 (with reason), 不予受理. */
public enum Outcome {

	RESOLVED, EXPLAINED, NOT_RESOLVABLE, NOT_ACCEPTED;

	/** Outcomes a department's reply may carry. */
	public boolean isReplyOutcome() {
		return this != NOT_ACCEPTED;
	}

	/** Outcomes of an opinion answered on the spot at intake (现场答复). */
	public boolean isOnTheSpot() {
		return this == RESOLVED || this == EXPLAINED;
	}

}
