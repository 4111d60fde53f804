package cn.deputylink.proposal;

/** A co-signing deputy's answer (附议): asked, confirmed or declined. */
public enum CoSignerState {

	PENDING, CONFIRMED, DECLINED

}
