package cn.deputylink.shared.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.modulith.NamedInterface;

/**
 * Tells a request for a whole page (one the layout renders around, with its menu and
 * banners) from an API call or an htmx fragment, for the advice that adds the layout's
 * extras to the model only when they are shown.
 */
@NamedInterface("web")
public final class PageRequests {

	private PageRequests() {
	}

	public static boolean wholePage(HttpServletRequest request) {
		return !request.getRequestURI().startsWith(request.getContextPath() + "/api/")
				&& request.getHeader("HX-Request") == null;
	}

}
