package cn.deputylink.organisation;

/** The tier a handling department works at ("分级负责"). */
public enum Tier {

	VILLAGE, TOWNSHIP, COUNTY

}
