package cn.deputylink.duty;

/**
 * A station's planning settings: opening days a month (1–2 by default) and deputies on
 * duty per day (2 by default).
 */
public record DutySettings(long stationId, int daysPerMonth, int deputiesPerDay, int version) {

	public static final int DEFAULT_DAYS_PER_MONTH = 2;

	public static final int DEFAULT_DEPUTIES_PER_DAY = 2;

}
