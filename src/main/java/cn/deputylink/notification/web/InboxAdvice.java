package cn.deputylink.notification.web;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.notification.internal.Inbox;

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
		if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")
				|| request.getHeader("HX-Request") != null) {
			return null;
		}
		return CurrentUser.find().map(inbox::unread).orElse(null);
	}

}
