package cn.deputylink.opinion.internal;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.deputylink.account.Accounts;
import cn.deputylink.account.Role;
import cn.deputylink.notification.Notifications;
import cn.deputylink.opinion.OpinionEvent;
import cn.deputylink.shared.PersonalDataCipher;
import cn.deputylink.shared.RateLimits;

/**
 * The opinion's notices: in-app messages to the department's handlers and the township's
 * admins, SMS to the constituent. A synchronous listener, so the notices are queued in
 * the outbox in the step's own transaction: a step that rolls back sends nothing, and a
 * notice that cannot be queued rolls the step back. The opinion module decides who is
 * told; the notification module only delivers.
 */
@Component
class OpinionNotices {

	private static final Locale NOTICE_LOCALE = Locale.SIMPLIFIED_CHINESE;

	private final Opinions opinions;

	private final Notifications notifications;

	private final Accounts accounts;

	private final PersonalDataCipher cipher;

	private final MessageSource messages;

	private final RateLimits limits;

	OpinionNotices(Opinions opinions, Notifications notifications, Accounts accounts, PersonalDataCipher cipher,
			MessageSource messages, RateLimits limits) {
		this.opinions = opinions;
		this.notifications = notifications;
		this.accounts = accounts;
		this.cipher = cipher;
		this.messages = messages;
		this.limits = limits;
	}

	@EventListener
	void on(OpinionEvent.Submitted e) {
		Opinions.NoticeFacts facts = opinions.noticeFacts(e.opinionId());
		String phone = cipher.decrypt(facts.phoneEncrypted());
		// a public submission's SMS counts against the phone's daily limit (in this
		// transaction, so a failed intake counts nothing); over it the opinion is still
		// taken and its code shown, only the SMS is not sent — the limit protects the
		// phone's owner, not the submitter's opinion
		if (phone != null && (e.actorId() != null
				|| limits.tryAcquire(RateLimits.Kind.SMS_PER_PHONE, IntakeChecks.phoneKey(phone)).allowed())) {
			notifications.sms(phone, facts.constituentName(), text("opinion.sms.received", e.trackingCode()));
		}
		if (e.townshipId() != null) {
			toTownshipAdmins(e.townshipId(), text("opinion.notice.new.subject", e.trackingCode()),
					abbreviate(facts.content()), e);
		}
	}

	@EventListener
	void on(OpinionEvent.Assigned e) {
		Opinions.NoticeFacts facts = opinions.noticeFacts(e.opinionId());
		toDepartment(e.departmentId(), text("opinion.notice.assigned.subject", e.trackingCode()),
				text("opinion.notice.assigned.text", e.dueDate(), abbreviate(facts.content())), e);
	}

	@EventListener
	void on(OpinionEvent.Returned e) {
		if (e.townshipId() != null) {
			toTownshipAdmins(e.townshipId(), text("opinion.notice.returned.subject", e.trackingCode()),
					note(opinions.noticeFacts(e.opinionId())), e);
		}
	}

	@EventListener
	void on(OpinionEvent.Replied e) {
		smsConstituent(e, "opinion.sms.replied");
	}

	@EventListener
	void on(OpinionEvent.Closed e) {
		if (e.answeredNow()) {
			smsConstituent(e, "opinion.sms.replied");
		}
	}

	@EventListener
	void on(OpinionEvent.Escalated e) {
		String subject = text("opinion.notice.escalated.subject", e.trackingCode());
		String note = note(opinions.noticeFacts(e.opinionId()));
		toDepartment(e.departmentId(), subject, note, e);
		if (e.townshipId() != null) {
			toTownshipAdmins(e.townshipId(), subject, note, e);
		}
	}

	@EventListener
	void on(OpinionEvent.Rated e) {
		if (e.reopened() && e.departmentId() != null) {
			String comment = opinions.noticeFacts(e.opinionId()).lastNote();
			toDepartment(e.departmentId(), text("opinion.notice.reopened.subject", e.trackingCode()),
					text("opinion.notice.reopened.text", e.dueDate(), comment == null ? "-" : comment), e);
		}
	}

	@EventListener
	void on(OpinionEvent.Overdue e) {
		String subject = text("opinion.notice.overdue.subject", e.trackingCode());
		String body = text("opinion.notice.overdue.text", e.dueDate());
		toDepartment(e.departmentId(), subject, body, e);
		if (e.townshipId() != null) {
			toTownshipAdmins(e.townshipId(), subject, body, e);
		}
	}

	private void smsConstituent(OpinionEvent e, String key) {
		Opinions.NoticeFacts facts = opinions.noticeFacts(e.opinionId());
		String phone = cipher.decrypt(facts.phoneEncrypted());
		if (phone != null) {
			notifications.sms(phone, facts.constituentName(), text(key, e.trackingCode()));
		}
	}

	/** Every enabled handler of the department. */
	private void toDepartment(@Nullable Long departmentId, String subject, String text, OpinionEvent e) {
		if (departmentId != null) {
			notifications.inbox(accounts.userIdsWith(Role.DEPARTMENT_HANDLER, null, departmentId), subject, text,
					link(e));
		}
	}

	/** Every enabled admin of the township. */
	private void toTownshipAdmins(long townshipId, String subject, String text, OpinionEvent e) {
		notifications.inbox(accounts.userIdsWith(Role.TOWNSHIP_ADMIN, townshipId, null), subject, text, link(e));
	}

	/**
	 * The step's own note (a reason, an escalation's instruction), as its timeline line
	 * keeps it.
	 */
	private static String note(Opinions.NoticeFacts facts) {
		return facts.lastNote() == null ? "" : facts.lastNote();
	}

	private String text(String key, @Nullable Object... args) {
		return messages.getMessage(key, args, NOTICE_LOCALE);
	}

	private static String link(OpinionEvent e) {
		return "/opinions/" + e.opinionId();
	}

	private static String abbreviate(String s) {
		return s.length() <= 80 ? s : s.substring(0, 80) + "…";
	}

}
