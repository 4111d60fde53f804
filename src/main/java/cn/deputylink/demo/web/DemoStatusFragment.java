package cn.deputylink.demo.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.deputylink.demo.DemoStatus;

/**
 * The banner's fragment, asked every few seconds while the demo's work is being
 * generated; once it is there (or has failed), the answer says so with HTTP 286, which
 * stops htmx's polling. Public: the sign-in page shows the banner too.
 */
@Controller
class DemoStatusFragment {

	/** htmx stops polling an element answered with this status. */
	static final int STOP_POLLING = 286;

	private final DemoStatus status;

	DemoStatusFragment(DemoStatus status) {
		this.status = status;
	}

	@GetMapping("/public/demo-status")
	String fragment(HttpServletResponse response, Model model) {
		String state = status.preparing() ? "preparing" : status.failed() ? "failed" : "prepared";
		if (!"preparing".equals(state)) {
			response.setStatus(STOP_POLLING);
		}
		model.addAttribute("demoPreparation", state);
		return "fragments/demo :: banner";
	}

}
