package cn.deputylink.shell.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;

/**
 * What every page's layout needs: who is signed in, demo or not, language and text size.
 */
@ControllerAdvice
class ShellAdvice {

	/** Path prefix → the menu item (message {@code nav.<item>}) it belongs to. */
	private static final Map<String, String> NAV = new LinkedHashMap<>();

	static {
		NAV.put("/dashboard", "home");
		NAV.put("/opinions", "opinions");
		NAV.put("/proposals", "proposals");
		NAV.put("/activities/review", "review");
		NAV.put("/activities", "activities");
		NAV.put("/inbox", "inbox");
		NAV.put("/duty", "duty");
		NAV.put("/org/townships", "townships");
		NAV.put("/org/villages", "townships");
		NAV.put("/org/stations", "stations");
		NAV.put("/org/deputies", "deputies");
		NAV.put("/org/departments", "departments");
		NAV.put("/org/categories", "categories");
		NAV.put("/admin/users", "users");
		NAV.put("/admin/proposal-result-classes", "resultClasses");
		NAV.put("/admin/routing", "routing");
		NAV.put("/admin/calendar", "calendar");
		NAV.put("/admin/audit", "audit");
		NAV.put("/admin/outbox", "outbox");
		NAV.put("/obligations", "obligations");
		NAV.put("/households", "households");
		NAV.put("/assessment", "assessment");
		NAV.put("/performance", "performance");
		NAV.put("/points", "points");
		NAV.put("/statistics", "statistics");
		NAV.put("/briefings", "statistics");
		NAV.put("/ledgers", "statistics");
		NAV.put("/standards", "statistics");
		NAV.put("/targets", "statistics");
		NAV.put("/funding", "statistics");
	}

	private final boolean demo;

	ShellAdvice(@Value("${deputylink.demo.enabled:false}") boolean demo) {
		this.demo = demo;
	}

	@ModelAttribute("me")
	@Nullable CurrentUser me() {
		return CurrentUser.find().orElse(null);
	}

	@ModelAttribute("demoMode")
	boolean demoMode() {
		return demo;
	}

	@ModelAttribute("largeText")
	boolean largeText(HttpServletRequest request) {
		Object set = request.getAttribute(WebConfiguration.TEXT_COOKIE);
		if (set != null) {
			return "large".equals(set);
		}
		if (request.getCookies() != null) {
			for (Cookie c : request.getCookies()) {
				if (WebConfiguration.TEXT_COOKIE.equals(c.getName())) {
					return "large".equals(c.getValue());
				}
			}
		}
		return false;
	}

	/**
	 * The page the language and text links lead back to: the current path with its query
	 * (without a previous {@code lang} or {@code text}). A page shown in answer to a form
	 * post cannot be fetched at its own address, so those links go to the page the form
	 * was on (the {@code Referer}, when it is one of ours); app.js carries the typed
	 * input across.
	 */
	@ModelAttribute("selfPath")
	String selfPath(HttpServletRequest request) {
		String context = request.getContextPath();
		if ("GET".equals(request.getMethod())) {
			return safe(request.getRequestURI().substring(context.length()), request.getQueryString());
		}
		String referer = request.getHeader("Referer");
		if (referer == null) {
			return "/";
		}
		try {
			URI uri = new URI(referer);
			String path = uri.getRawPath();
			if (!request.getServerName().equalsIgnoreCase(uri.getHost()) || path == null || !path.startsWith(context)) {
				return "/";
			}
			return safe(path.substring(context.length()), uri.getRawQuery());
		}
		catch (URISyntaxException ex) {
			return "/";
		}
	}

	/**
	 * A path of this application with the query minus the switches; "/" for anything
	 * else.
	 */
	static String safe(String path, @Nullable String query) {
		if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) {
			return "/";
		}
		String rest = withoutSwitches(query);
		return rest.isEmpty() ? path : path + "?" + rest;
	}

	private static String withoutSwitches(@Nullable String query) {
		if (query == null) {
			return "";
		}
		return Arrays.stream(query.split("&"))
			.filter(p -> !p.isEmpty() && !p.startsWith("lang=") && !p.startsWith("text="))
			.collect(Collectors.joining("&"));
	}

	/**
	 * The main menu's item for the current page, so that the menu marks where the user is
	 * ({@code aria-current}); null on pages outside the menu.
	 */
	@ModelAttribute("navItem")
	@Nullable String navItem(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		for (Map.Entry<String, String> e : NAV.entrySet()) {
			if (path.equals(e.getKey()) || path.startsWith(e.getKey() + "/")) {
				// a department handler's item is its own unit's assessment (本单位考核)
				return "assessment".equals(e.getValue())
						&& CurrentUser.find().filter(u -> u.is(Role.DEPARTMENT_HANDLER)).isPresent() ? "assessmentOwn"
								: e.getValue();
			}
		}
		return null;
	}

	/**
	 * The current query string without its {@code page} parameter, so the pager keeps
	 * every filter of the list (already URL-encoded, as the browser sent it).
	 */
	@ModelAttribute("pagerQuery")
	String pagerQuery(HttpServletRequest request) {
		String query = request.getQueryString();
		if (query == null || !"GET".equals(request.getMethod())) {
			return "";
		}
		return Arrays.stream(query.split("&"))
			.filter(p -> !p.isEmpty() && !p.startsWith("page=") && !p.startsWith("lang=") && !p.startsWith("text="))
			.collect(Collectors.joining("&"));
	}

}
