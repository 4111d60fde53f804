package cn.deputylink.duty;

/**
 * Where a duty day stands: planned (a draft only staff see), published (on public pages
 * and feeds), held (its reception recorded) or cancelled (kept in the feeds as
 * cancelled).
 */
public enum DutyStatus {

	DRAFT, PUBLISHED, HELD, CANCELLED

}
