package cn.deputylink.proposal;

/** A handling unit's part: lead unit (主办) or co-unit (协办). */
public enum UnitRole {

	LEAD, CO

}
