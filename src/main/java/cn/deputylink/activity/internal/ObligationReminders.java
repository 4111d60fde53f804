package cn.deputylink.activity.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.deputylink.account.Accounts;
import cn.deputylink.activity.ObligationStatus;
import cn.deputylink.notification.Notifications;
import cn.deputylink.organisation.RegistryLookup;

/**
 * Reminds the deputies who are not yet compliant,
 * {@code deputylink.obligations.reminder-days} days (15) before a quarter ends: the
 * quarter's visit missing, and in the last quarter the year's deed and helped household
 * too. In-app to the deputy's accounts and by SMS to its phone, through the outbox. Once
 * per deputy and quarter, however many nodes and runs: the {@code obligation_reminder}
 * row is inserted and the messages queued in one transaction per deputy, so a second
 * claim (a later run, or another node at the same moment, which waits on the row) finds
 * it and sends nothing.
 */
@Component
public class ObligationReminders {

	private static final Logger log = LoggerFactory.getLogger(ObligationReminders.class);

	private static final Locale NOTICE_LOCALE = Locale.SIMPLIFIED_CHINESE;

	private final ObligationRows rows;

	private final RegistryLookup registry;

	private final Accounts accounts;

	private final Notifications notifications;

	private final MessageSource messages;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final int reminderDays;

	ObligationReminders(ObligationRows rows, RegistryLookup registry, Accounts accounts, Notifications notifications,
			MessageSource messages, TransactionTemplate tx, Clock clock,
			@Value("${deputylink.obligations.reminder-days:15}") int reminderDays) {
		this.rows = rows;
		this.registry = registry;
		this.accounts = accounts;
		this.notifications = notifications;
		this.messages = messages;
		this.tx = tx;
		this.clock = clock;
		if (reminderDays < 0 || reminderDays > 90) {
			throw new IllegalStateException("deputylink.obligations.reminder-days must be between 0 and 90");
		}
		this.reminderDays = reminderDays;
	}

	/**
	 * Sends the reminders due on {@code today} (the county's date) to the deputies
	 * attached to a station, or only to {@code onlyDeputies} when given; returns how many
	 * deputies were reminded by this call. Nothing outside the last {@code reminder-days}
	 * days of a quarter.
	 */
	public int remind(LocalDate today, @Nullable Collection<Long> onlyDeputies) {
		int year = today.getYear();
		int quarter = ObligationCounting.quarterOf(today);
		LocalDate end = ObligationCounting.quarterEnd(year, quarter);
		long left = ChronoUnit.DAYS.between(today, end);
		if (left < 0 || left > reminderDays) {
			return 0;
		}
		Set<Long> deputies = new LinkedHashSet<>(registry.stationsOfDeputies(null, null).keySet());
		if (onlyDeputies != null) {
			deputies.retainAll(Set.copyOf(onlyDeputies));
		}
		if (deputies.isEmpty()) {
			return 0;
		}
		Map<Long, ObligationCounting.Facts> facts = rows.facts(year, onlyDeputies == null ? null : deputies);
		Map<Long, String> names = registry.deputyNames(deputies);
		int sent = 0;
		for (Long d : deputies) {
			ObligationStatus s = ObligationCounting.count(year, facts.getOrDefault(d, ObligationCounting.Facts.none()));
			List<String> items = ObligationCounting.reminderItems(s, today);
			if (items.isEmpty()) {
				continue;
			}
			try {
				Boolean done = tx.execute(t -> send(d, names.getOrDefault(d, ""), year, quarter, end, items));
				if (Boolean.TRUE.equals(done)) {
					sent++;
				}
			}
			catch (DuplicateKeyException ex) {
				// another node claimed it at the same moment
			}
		}
		if (sent > 0) {
			log.info("Reminded {} deputies of their duties of {} Q{}", sent, year, quarter);
		}
		return sent;
	}

	private boolean send(long deputyId, String name, int year, int quarter, LocalDate end, List<String> items) {
		if (!rows.claimReminder(deputyId, year, quarter, OffsetDateTime.now(clock))) {
			return false;
		}
		List<String> what = new ArrayList<>();
		for (String item : items) {
			what.add(text("obligation.item." + item));
		}
		String subject = text("obligation.reminder.subject", year, quarter);
		String body = text("obligation.reminder.text", name, String.join("、", what), end);
		List<Long> users = accounts.userIdsOfDeputies(List.of(deputyId));
		if (!users.isEmpty()) {
			notifications.inbox(users, subject, body, "/obligations/me");
		}
		registry.deputyPhoneForMessages(deputyId).ifPresent(phone -> notifications.sms(phone, name, body));
		return true;
	}

	private String text(String key, Object... args) {
		String m = messages.getMessage(key, args, key, NOTICE_LOCALE);
		return m == null ? key : m;
	}

	/**
	 * The schedule: daily at 9:00 in the county's zone, on one node (ShedLock); off where
	 * {@code deputylink.obligations.reminders-enabled=false} (tests run it by hand).
	 */
	@Component
	@ConditionalOnBooleanProperty(name = "deputylink.obligations.reminders-enabled", matchIfMissing = true)
	static class Schedule {

		private final ObligationReminders reminders;

		private final ObligationTracking tracking;

		Schedule(ObligationReminders reminders, ObligationTracking tracking) {
			this.reminders = reminders;
			this.tracking = tracking;
		}

		@Scheduled(cron = "${deputylink.obligations.reminder-cron:0 0 9 * * *}",
				zone = "${deputylink.zone:Asia/Shanghai}")
		@SchedulerLock(name = "obligation-reminders", lockAtMostFor = "PT30M")
		void run() {
			reminders.remind(tracking.today(), null);
		}

	}

}
