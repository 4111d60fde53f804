package cn.deputylink.duty;

/** A deputy's attendance on a held duty day: there, absent, or replaced by another. */
public enum Attendance {

	PRESENT, ABSENT, SUBSTITUTE

}
