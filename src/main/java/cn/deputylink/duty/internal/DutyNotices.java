package cn.deputylink.duty.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.deputylink.account.Accounts;
import cn.deputylink.account.Role;
import cn.deputylink.duty.DutyDay;
import cn.deputylink.duty.DutyEvent;
import cn.deputylink.notification.Notifications;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.organisation.Station;

/**
 * The duty days' notices: an inbox message to the deputies of a day published, and to
 * those affected by a change to a published day or its cancellation, who also get an SMS
 * when they have a phone. A synchronous listener, so the notices are queued in the outbox
 * in the step's own transaction: a step that rolls back sends nothing.
 */
@Component
class DutyNotices {

	private final RegistryLookup registry;

	private final Accounts accounts;

	private final Notifications notifications;

	private final MessageSource messages;

	DutyNotices(RegistryLookup registry, Accounts accounts, Notifications notifications, MessageSource messages) {
		this.registry = registry;
		this.accounts = accounts;
		this.notifications = notifications;
		this.messages = messages;
	}

	@EventListener
	void on(DutyEvent.Planned e) {
		if (e.published()) {
			inbox(e, e.deputyIds(), "duty.notice.published");
		}
	}

	@EventListener
	void on(DutyEvent.Published e) {
		inbox(e, e.deputyIds(), "duty.notice.published");
	}

	@EventListener
	void on(DutyEvent.Changed e) {
		if (e.published()) {
			Set<Long> affected = new LinkedHashSet<>(e.previousDeputyIds());
			affected.addAll(e.deputyIds());
			String text = inbox(e, affected, "duty.notice.changed");
			sms(affected, text);
		}
	}

	@EventListener
	void on(DutyEvent.Cancelled e) {
		if (e.published()) {
			String text = inbox(e, e.deputyIds(), "duty.notice.cancelled");
			sms(e.deputyIds(), text);
		}
	}

	/** An inbox message about a day to these deputies' accounts (swap decisions too). */
	void toDeputies(DutyDay d, Collection<Long> deputyIds, String key) {
		send(d.stationId(), d.date().toString(), d.deputyIds(), deputyIds, key);
	}

	/** The liaison officers and township admins of the station are asked to decide. */
	void swapRequested(Station s, DutyDay d, String fromName, String toName) {
		List<Long> users = new ArrayList<>(accounts.userIdsWith(Role.STATION_LIAISON, s.townshipId(), null));
		users.addAll(accounts.userIdsWith(Role.TOWNSHIP_ADMIN, s.townshipId(), null));
		if (!users.isEmpty()) {
			String text = messages.getMessage("duty.notice.swapRequested",
					new Object[] { s.name(), d.date(), fromName, toName }, DutySteps.NOTICE_LOCALE);
			notifications.inbox(users,
					messages.getMessage("duty.notice.swapRequested.subject", null, DutySteps.NOTICE_LOCALE), text,
					"/duty/stations/" + s.id());
		}
	}

	private String inbox(DutyEvent e, Collection<Long> deputyIds, String key) {
		return send(e.stationId(), e.date().toString(), e.deputyIds(), deputyIds, key);
	}

	/** Sends the inbox message and returns its text (for the SMS). */
	private String send(long stationId, String date, List<Long> onDutyIds, Collection<Long> to, String key) {
		String station = registry.station(stationId).map(Station::name).orElse("#" + stationId);
		Map<Long, String> names = registry.deputyNames(onDutyIds);
		String onDuty = String.join("、", onDutyIds.stream().map(x -> names.getOrDefault(x, "#" + x)).toList());
		String text = messages.getMessage(key + ".text", new Object[] { station, date, onDuty },
				DutySteps.NOTICE_LOCALE);
		List<Long> users = accounts.userIdsOfDeputies(to);
		if (!users.isEmpty()) {
			String subject = messages.getMessage(key + ".subject", new Object[] { station, date },
					DutySteps.NOTICE_LOCALE);
			notifications.inbox(users, subject, text, "/duty/me");
		}
		return text;
	}

	private void sms(Collection<Long> deputyIds, String text) {
		Map<Long, String> names = registry.deputyNames(deputyIds);
		for (Long d : deputyIds) {
			registry.deputyPhoneForMessages(d).ifPresent(phone -> notifications.sms(phone, names.get(d), text));
		}
	}

}
