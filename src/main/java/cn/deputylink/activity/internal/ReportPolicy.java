package cn.deputylink.activity.internal;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.activity.Activity;
import cn.deputylink.activity.ActivityAction;
import cn.deputylink.activity.ActivityStatus;

/**
 * Who may see and do what with an activity. Readers: the county admin everything, a
 * township admin or liaison officer its township's, a deputy the activities it took part
 * in or reported; department handlers none. Reviewers: the county admin, and township
 * admins and liaison officers in their township — never a deputy, and never of a report
 * they created themselves. The reporting deputy edits, resubmits and withdraws its report
 * until it is approved; staff withdraw a counted one (not a duty day's, which the
 * reception form keeps).
 */
final class ReportPolicy {

	private ReportPolicy() {
	}

	static boolean isStaff(CurrentUser u) {
		return u.isCountyAdmin() || u.is(Role.TOWNSHIP_ADMIN) || u.is(Role.STATION_LIAISON);
	}

	/** Refuses (403) the roles that read no activities at all. */
	static void requireReader(CurrentUser u) {
		if (!isStaff(u) && !(u.is(Role.DEPUTY) && u.deputyId() != null)) {
			throw new AccessDeniedException("activities");
		}
	}

	static boolean maySee(Activity a, CurrentUser u) {
		if (u.isCountyAdmin()) {
			return true;
		}
		if (u.role().townshipScoped()) {
			return a.townshipId() != null && a.townshipId().equals(u.townshipId());
		}
		if (u.is(Role.DEPUTY) && u.deputyId() != null) {
			return a.deputyIds().contains(u.deputyId()) || ownReport(a, u);
		}
		return false;
	}

	static boolean ownReport(Activity a, CurrentUser u) {
		return a.reported() && Objects.equals(a.createdBy(), u.id());
	}

	static boolean editable(ActivityStatus s) {
		return s == ActivityStatus.SUBMITTED || s == ActivityStatus.REJECTED;
	}

	static Set<ActivityAction> allowed(Activity a, CurrentUser u) {
		Set<ActivityAction> can = EnumSet.noneOf(ActivityAction.class);
		if (!maySee(a, u)) {
			return can;
		}
		if (u.is(Role.DEPUTY)) {
			if (ownReport(a, u) && editable(a.status())) {
				can.add(ActivityAction.EDIT);
				can.add(ActivityAction.WITHDRAW);
				can.add(ActivityAction.ADD_PHOTOS);
			}
			return can;
		}
		if (!isStaff(u)) {
			return can;
		}
		if (a.status() == ActivityStatus.SUBMITTED && !Objects.equals(a.createdBy(), u.id())) {
			can.add(ActivityAction.APPROVE);
			can.add(ActivityAction.REJECT);
		}
		if (a.status().counts() && a.dutyDayId() == null) {
			can.add(ActivityAction.WITHDRAW);
		}
		if (a.status() != ActivityStatus.WITHDRAWN) {
			can.add(ActivityAction.ADD_PHOTOS);
		}
		return can;
	}

}
