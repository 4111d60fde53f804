package cn.deputylink.demo.web;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import cn.deputylink.demo.DemoStatus;
import cn.deputylink.shared.web.PageRequests;

/**
 * While the demo's work is being generated, every page (not API calls or htmx fragments)
 * shows a banner that polls {@link DemoStatusFragment}; nothing once the demo is
 * prepared, or without the demo.
 */
@ControllerAdvice
class DemoBanner {

	private final DemoStatus status;

	DemoBanner(DemoStatus status) {
		this.status = status;
	}

	@ModelAttribute("demoPreparation")
	@Nullable String demoPreparation(HttpServletRequest request) {
		return PageRequests.wholePage(request) && status.preparing() ? "preparing" : null;
	}

}
