package cn.deputylink.notification.web;

import org.jspecify.annotations.Nullable;
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

import cn.deputylink.notification.internal.Outbox;
import cn.deputylink.notification.internal.OutboxStatus;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.NotFoundException;
import cn.deputylink.shared.PageView;
import cn.deputylink.shared.web.FormErrors;

/**
 * The outbox page for county admins: what waits, what failed, what is uncertain; and a
 * retry.
 */
@Controller
class OutboxPages {

	private final Outbox outbox;

	private final FormErrors messages;

	OutboxPages(Outbox outbox, FormErrors messages) {
		this.outbox = outbox;
		this.messages = messages;
	}

	@GetMapping("/admin/outbox")
	String page(@RequestParam(required = false) @Nullable OutboxStatus status,
			@RequestParam(defaultValue = "1") int page, Model model) {
		model.addAttribute("page", new PageView<>(outbox.list(status, 0, PageView.SIZE, PageView.offset(page)), page,
				PageView.SIZE, outbox.count(status)));
		model.addAttribute("status", status);
		model.addAttribute("statuses", OutboxStatus.values());
		// said plainly: without a gateway or mail server, "sent" means written to the log
		model.addAttribute("loggedOnly", outbox.loggedOnly());
		return "notification/outbox";
	}

	@PostMapping("/admin/outbox/{id}/retry")
	String retry(@PathVariable long id, RedirectAttributes redirect) {
		try {
			outbox.retry(id);
			redirect.addFlashAttribute("flash", messages.msg("outbox.retried"));
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("flashError", messages.of(ex).get(""));
		}
		return "redirect:/admin/outbox";
	}

	@ExceptionHandler(NotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "error/404";
	}

}
