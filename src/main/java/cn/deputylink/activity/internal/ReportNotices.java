package cn.deputylink.activity.internal;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.deputylink.account.Accounts;
import cn.deputylink.account.Role;
import cn.deputylink.activity.Activity;
import cn.deputylink.activity.ActivityStatus;
import cn.deputylink.notification.Notifications;

/**
 * In-app notices of the review, queued in the outbox in the step's own transaction: a
 * report that arrives (or comes back edited) to the township's liaison officers and
 * admins (the county's admins for one without a township), an approval or rejection to
 * the reporting deputy.
 */
@Component
class ReportNotices {

	private static final Locale NOTICE_LOCALE = Locale.SIMPLIFIED_CHINESE;

	private final Notifications notifications;

	private final Accounts accounts;

	private final MessageSource messages;

	ReportNotices(Notifications notifications, Accounts accounts, MessageSource messages) {
		this.notifications = notifications;
		this.accounts = accounts;
		this.messages = messages;
	}

	void reported(Activity a, boolean resubmitted) {
		Set<Long> to = new LinkedHashSet<>();
		if (a.townshipId() != null) {
			to.addAll(accounts.userIdsWith(Role.STATION_LIAISON, a.townshipId(), null));
			to.addAll(accounts.userIdsWith(Role.TOWNSHIP_ADMIN, a.townshipId(), null));
		}
		else {
			to.addAll(accounts.userIdsWith(Role.COUNTY_ADMIN, null, null));
		}
		if (!to.isEmpty()) {
			notifications.inbox(to,
					text(resubmitted ? "activity.notice.resubmitted.subject" : "activity.notice.reported.subject",
							a.title()),
					text("activity.notice.reported.text", a.date(), text("activity.type." + a.type().name())), link(a));
		}
	}

	void reviewed(Activity a) {
		Long deputy = a.createdBy();
		if (deputy == null) {
			return;
		}
		boolean approved = a.status() == ActivityStatus.APPROVED;
		notifications.inbox(Set.of(deputy),
				text(approved ? "activity.notice.approved.subject" : "activity.notice.rejected.subject", a.title()),
				approved ? text("activity.notice.approved.text", a.date())
						: text("activity.notice.rejected.text", a.rejectReason()),
				link(a));
	}

	private String text(String key, @Nullable Object... args) {
		String text = messages.getMessage(key, args, key, NOTICE_LOCALE);
		return text == null ? key : text;
	}

	private static String link(Activity a) {
		return "/activities/" + a.id();
	}

}
