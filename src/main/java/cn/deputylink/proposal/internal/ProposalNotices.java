package cn.deputylink.proposal.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.deputylink.account.Accounts;
import cn.deputylink.account.Role;
import cn.deputylink.notification.Notifications;
import cn.deputylink.proposal.Proposal;
import cn.deputylink.proposal.ProposalEvent;

/**
 * The proposals' notices, in-app: the co-signers asked to confirm, the county admins of a
 * submission, the lead and co-units' handlers of an assignment, the lead deputy of a
 * reply, the lead unit of a send-back and of the decision on its request for more time. A
 * synchronous listener, so the notices are queued in the outbox in the step's own
 * transaction: a step that rolls back sends nothing.
 */
@Component
class ProposalNotices {

	private final Proposals store;

	private final Accounts accounts;

	private final Notifications notifications;

	private final MessageSource messages;

	ProposalNotices(Proposals store, Accounts accounts, Notifications notifications, MessageSource messages) {
		this.store = store;
		this.accounts = accounts;
		this.notifications = notifications;
		this.messages = messages;
	}

	@EventListener
	void on(ProposalEvent.Drafted e) {
		send(e, accounts.userIdsOfDeputies(e.coSignerIds()), "proposal.notice.coSign");
	}

	@EventListener
	void on(ProposalEvent.Submitted e) {
		send(e, accounts.userIdsWith(Role.COUNTY_ADMIN, null, null), "proposal.notice.submitted");
	}

	@EventListener
	void on(ProposalEvent.Assigned e) {
		List<Long> departments = new ArrayList<>();
		departments.add(e.leadDepartmentId());
		departments.addAll(e.coDepartmentIds());
		send(e, handlers(departments), "proposal.notice.assigned");
	}

	@EventListener
	void on(ProposalEvent.Replied e) {
		send(e, accounts.userIdsOfDeputies(List.of(e.leadDeputyId())), "proposal.notice.replied");
	}

	@EventListener
	void on(ProposalEvent.Evaluated e) {
		if (e.sentBack()) {
			send(e, leadUnit(e.proposalId()), "proposal.notice.sentBack");
		}
	}

	@EventListener
	void on(ProposalEvent.ExtensionDecided e) {
		send(e, leadUnit(e.proposalId()),
				e.approved() ? "proposal.notice.extensionApproved" : "proposal.notice.extensionRejected");
	}

	private List<Long> leadUnit(long proposalId) {
		Long lead = store.find(proposalId).map(Proposal::leadDepartmentId).orElse(null);
		return lead == null ? List.of() : handlers(List.of(lead));
	}

	private List<Long> handlers(Collection<Long> departments) {
		List<Long> users = new ArrayList<>();
		for (Long d : departments) {
			users.addAll(accounts.userIdsWith(Role.DEPARTMENT_HANDLER, null, d));
		}
		return users;
	}

	private void send(ProposalEvent e, Collection<Long> users, String key) {
		if (users.isEmpty()) {
			return;
		}
		String title = store.find(e.proposalId()).map(Proposal::title).orElse("#" + e.proposalId());
		Object[] args = { title, due(e) };
		notifications.inbox(users, messages.getMessage(key + ".subject", args, ProposalSteps.NOTICE_LOCALE),
				messages.getMessage(key + ".text", args, ProposalSteps.NOTICE_LOCALE), "/proposals/" + e.proposalId());
	}

	private static String due(ProposalEvent e) {
		if (e instanceof ProposalEvent.Assigned a) {
			return a.replyDue().toString();
		}
		if (e instanceof ProposalEvent.Evaluated v && v.replyDue() != null) {
			return v.replyDue().toString();
		}
		if (e instanceof ProposalEvent.ExtensionDecided x) {
			return x.replyDue().toString();
		}
		return "";
	}

}
