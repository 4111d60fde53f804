package cn.deputylink.briefing;

/** A briefing is a draft until it is published; a published briefing never changes. */
public enum BriefingStatus {

	DRAFT, PUBLISHED

}
