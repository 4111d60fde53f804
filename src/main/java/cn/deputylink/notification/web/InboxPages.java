package cn.deputylink.notification.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.notification.internal.Inbox;
import cn.deputylink.shared.NotFoundException;
import cn.deputylink.shared.PageView;
import cn.deputylink.shared.web.FormErrors;

/** The signed-in user's inbox page. */
@Controller
class InboxPages {

	private final Inbox inbox;

	private final FormErrors messages;

	InboxPages(Inbox inbox, FormErrors messages) {
		this.inbox = inbox;
		this.messages = messages;
	}

	@GetMapping("/inbox")
	String page(@RequestParam(defaultValue = "1") int page, Model model) {
		CurrentUser me = CurrentUser.get();
		model.addAttribute("page", new PageView<>(inbox.list(me, 0, PageView.SIZE, PageView.offset(page)), page,
				PageView.SIZE, inbox.count(me)));
		return "notification/inbox";
	}

	/**
	 * Marks the message read and follows its link (always a path inside the application).
	 */
	@PostMapping("/inbox/{id}/open")
	String open(@PathVariable long id) {
		String link = inbox.open(id, CurrentUser.get());
		return "redirect:" + (link == null || !link.startsWith("/") || link.startsWith("//") ? "/inbox" : link);
	}

	@PostMapping("/inbox/read-all")
	String readAll(RedirectAttributes redirect) {
		inbox.markAllRead(CurrentUser.get());
		redirect.addFlashAttribute("flash", messages.msg("inbox.allRead"));
		return "redirect:/inbox";
	}

	/** Another user's message, or none: the same answer, so ids reveal nothing. */
	@ExceptionHandler(NotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

}
