package cn.deputylink.targets;

/**
 * What a rule measures: a fraction 0–1 of the township's (stations up to standard, duty
 * days held of those planned, deputies meeting "三个一", opinions answered on time,
 * satisfied ratings) or a count (opinions converted into proposals).
 */
public enum Indicator {

	STATIONS_UP_TO_STANDARD, DUTY_DAYS_HELD, DEPUTIES_THREE_ONES, OPINIONS_ON_TIME, OPINIONS_SATISFIED,
	OPINIONS_CONVERTED

}
