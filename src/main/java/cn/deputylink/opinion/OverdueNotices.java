package cn.deputylink.opinion;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.deputylink.notification.Notifications;

/**
 * Tells the department and the township's admins when a case goes past its due date (超期提醒), once
 * per due date: each case is claimed with a conditional update in the same transaction as its
 * notices, so however many nodes run this, and however often, nobody is told twice. A new due date
 * (reassignment, reopening) makes the case eligible again.
 */
@Component
public class OverdueNotices {

	private static final Logger log = LoggerFactory.getLogger(OverdueNotices.class);

	private final Opinions opinions;

	private final Notifications notifications;

	private final MessageSource messages;

	private final TransactionTemplate tx;

	private final OpinionSettings settings;

	private final Clock clock;

	OverdueNotices(Opinions opinions, Notifications notifications, MessageSource messages, TransactionTemplate tx,
			OpinionSettings settings, Clock clock) {
		this.opinions = opinions;
		this.notifications = notifications;
		this.messages = messages;
		this.tx = tx;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Sends the notices due now; returns how many cases were noticed by this call. Public so that the
	 * demo county tells about its overdue cases as soon as it has made them.
	 */
	public int runOnce() {
		LocalDate today = LocalDate.now(clock.withZone(settings.zone()));
		int noticed = 0;
		for (long id : opinions.overdueUnnoticed(today, 500)) {
			Boolean sent = tx.execute(s -> {
				if (!opinions.claimOverdueNotice(id)) {
					return false;
				}
				Opinion o = opinions.find(id).orElseThrow();
				String subject = text("opinion.notice.overdue.subject", o.trackingCode());
				String body = text("opinion.notice.overdue.text", o.dueDate());
				String link = "/opinions/" + id;
				if (o.departmentId() != null) {
					notifications.toDepartment(o.departmentId(), subject, body, link);
				}
				if (o.townshipId() != null) {
					notifications.toTownshipAdmins(o.townshipId(), subject, body, link);
				}
				return true;
			});
			if (Boolean.TRUE.equals(sent)) {
				noticed++;
			}
		}
		if (noticed > 0) {
			log.info("Overdue notices sent for {} opinion(s)", noticed);
		}
		return noticed;
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, Locale.SIMPLIFIED_CHINESE);
	}

	/** The schedule, off where {@code deputylink.opinions.overdue-notices-enabled=false} (tests run it by hand). */
	@Component
	@ConditionalOnBooleanProperty(name = "deputylink.opinions.overdue-notices-enabled", matchIfMissing = true)
	static class Schedule {

		private final OverdueNotices notices;

		Schedule(OverdueNotices notices) {
			this.notices = notices;
		}

		@Scheduled(fixedDelayString = "${deputylink.opinions.overdue-check-interval:1h}", initialDelayString = "2m")
		void run() {
			notices.runOnce();
		}
	}
}
