package cn.deputylink.organisation;

/** The congresses a deputy can be elected to; one person may hold several levels. */
public enum DeputyLevel {

	NATIONAL, PROVINCIAL, MUNICIPAL, COUNTY, TOWNSHIP

}
