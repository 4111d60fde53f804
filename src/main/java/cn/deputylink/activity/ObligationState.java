package cn.deputylink.activity;

/**
 * Where one "三个一" item stands on a given day (the county's today): {@code MET};
 * {@code MISSED} — its period (the quarter, or the year for the deed and the household)
 * has ended unmet; {@code DUE} — its period is running and it is not met yet;
 * {@code PENDING} — its period has not begun.
 */
public enum ObligationState {

	MET, DUE, MISSED, PENDING

}
