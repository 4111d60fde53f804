package cn.deputylink.notification.web;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.notification.internal.Inbox;
import cn.deputylink.shared.web.PageRequests;

/**
 * The unread count beside the inbox link of every page (not for API calls or htmx
 * fragments).
 */
@ControllerAdvice
class InboxAdvice {

	private final Inbox inbox;

	InboxAdvice(Inbox inbox) {
		this.inbox = inbox;
	}

	@ModelAttribute("inboxUnread")
	@Nullable Integer inboxUnread(HttpServletRequest request) {
		if (!PageRequests.wholePage(request)) {
			return null;
		}
		return CurrentUser.find().map(inbox::unread).orElse(null);
	}

}
