package cn.deputylink.activity;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.activity.internal.Recording;
import cn.deputylink.activity.internal.Reports;
import cn.deputylink.shared.Upload;

/**
 * Recording (登记): an activity recorded by staff counts at once; a held duty day is
 * recorded as its one {@code RECEPTION} activity.
 */
@Service
public class ActivityRecording {

	private final Recording recording;

	private final Reports reports;

	ActivityRecording(Recording recording, Reports reports) {
		this.recording = recording;
		this.reports = reports;
	}

	/**
	 * Records an activity for staff (county admin; township admin or liaison officer in
	 * their township): 400 for bad input, 403 out of scope; returns its id.
	 */
	@Transactional
	public long record(NewActivity activity, CurrentUser user) {
		return recording.record(activity, null, user);
	}

	/**
	 * Records the held duty day {@code dutyDayId} as its {@code RECEPTION} activity, or
	 * replaces the one recorded before (its facts withdrawn, the new ones counted): the
	 * duty module calls it in the transaction that saves the day's reception form, so a
	 * rollback undoes both. Returns the activity's id.
	 */
	/**
	 * Records an activity for staff with its photos (none: an empty list) in one
	 * transaction: a refused photo (400, 413) records nothing.
	 */
	@Transactional
	public long record(NewActivity activity, List<Upload> photos, CurrentUser user) {
		return reports.record(activity, photos, user);
	}

	@Transactional
	public long recordDutyDay(long dutyDayId, NewActivity reception, CurrentUser user) {
		return recording.recordDutyDay(dutyDayId, reception, user);
	}

}
