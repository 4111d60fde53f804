package cn.deputylink.activity;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.activity.internal.Reports;
import cn.deputylink.shared.Upload;

/**
 * A deputy's reports of its activities (from a phone, with photos) and their review by
 * the liaison officer, the township admin or the county admin: counted once approved; a
 * rejected one goes back to the deputy with the reason, to be edited and resubmitted; an
 * approved one can no longer be edited. A deputy never approves, and nobody reviews a
 * report they created. Writes carry the {@code version} they were read in (stale: 409).
 */
@Service
public class ActivityReports {

	private final Reports reports;

	ActivityReports(Reports reports) {
		this.reports = reports;
	}

	/**
	 * A deputy reports an activity (added to its deputies if left out) with its photos:
	 * SUBMITTED, not counted until approved. 400 bad input, 403 for other roles.
	 */
	@Transactional
	public Activity report(NewActivity activity, List<Upload> photos, CurrentUser deputy) {
		return reports.report(activity, photos, deputy);
	}

	/**
	 * The reporting deputy edits a SUBMITTED or REJECTED report, adding the photos given
	 * (none: an empty list): SUBMITTED again, or — photo refused — as it was.
	 */
	@Transactional
	public Activity edit(long id, NewActivity activity, @Nullable Integer version, List<Upload> photos,
			CurrentUser deputy) {
		return reports.edit(id, activity, version, photos, deputy);
	}

	/**
	 * APPROVED: counted from now ({@link ActivityEvent.Approved}); the deputy is told.
	 */
	@Transactional
	public Activity approve(long id, @Nullable Integer version, CurrentUser reviewer) {
		return reports.approve(id, version, reviewer);
	}

	/** REJECTED with the reason the deputy sees; the deputy is told. */
	@Transactional
	public Activity reject(long id, @Nullable String reason, @Nullable Integer version, CurrentUser reviewer) {
		return reports.reject(id, reason, version, reviewer);
	}

	/**
	 * One id's outcome of {@link #approveAll}: APPROVED, NOT_FOUND, FORBIDDEN or
	 * CONFLICT.
	 */
	public record BulkOutcome(long id, String outcome, @Nullable Integer version) {
	}

	/**
	 * Approves every report of the list that may be approved, per item: the others stay
	 * as they are and say why.
	 */
	@Transactional
	public List<BulkOutcome> approveAll(@Nullable List<Long> ids, CurrentUser reviewer) {
		return reports.approveAll(ids, reviewer)
			.stream()
			.map(o -> new BulkOutcome(o.id(), o.outcome(), o.version()))
			.toList();
	}

	/**
	 * WITHDRAWN: the reporting deputy's report not yet approved, or staff's withdrawal of
	 * a counted activity ({@link ActivityEvent.Withdrawn}).
	 */
	@Transactional
	public Activity withdraw(long id, @Nullable Integer version, CurrentUser user) {
		return reports.withdraw(id, version, user);
	}

	/** Adds photos under the attachment rules of opinions. */
	@Transactional
	public Activity addPhotos(long id, List<Upload> photos, CurrentUser user) {
		return reports.addPhotos(id, photos, user);
	}

}
