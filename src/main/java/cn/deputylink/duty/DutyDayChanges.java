package cn.deputylink.duty;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.duty.internal.DayEdits;

/**
 * A day's changes by the staff of its station: another date or other deputies,
 * publication (at least the lead ahead), cancellation. Every change to a published day
 * raises its sequence and tells the deputies affected ({@link DutyEvent}).
 */
@Service
public class DutyDayChanges {

	private final DayEdits edits;

	DutyDayChanges(DayEdits edits) {
		this.edits = edits;
	}

	@Transactional
	public DutyDay edit(long id, @Nullable LocalDate date, @Nullable List<Long> deputyIds, @Nullable Integer version,
			CurrentUser u) {
		return edits.edit(id, date, deputyIds, version, u);
	}

	@Transactional
	public DutyDay publish(long id, @Nullable Integer version, CurrentUser u) {
		return edits.publish(id, version, u);
	}

	@Transactional
	public DutyDay cancel(long id, @Nullable Integer version, CurrentUser u) {
		return edits.cancel(id, version, u);
	}

}
