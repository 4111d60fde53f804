package cn.deputylink.funding;

/** A reward proposed from the assessment, then approved or rejected by the county. */
public enum RewardStatus {

	PROPOSED, APPROVED, REJECTED

}
