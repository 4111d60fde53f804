package cn.deputylink.shell;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import cn.deputylink.account.CurrentUser;

/** What every page's layout needs: who is signed in, demo or not, language and text size. */
@ControllerAdvice
class ShellAdvice {

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
	 * The current page's path for the language and text links. A page shown in answer to a form post
	 * cannot be fetched again at its own address, so those links go to the home page instead.
	 */
	@ModelAttribute("selfPath")
	String selfPath(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod())) {
			return "/";
		}
		return ServletUriComponentsBuilder.fromRequest(request).build().toUri().getRawPath();
	}

	/**
	 * The current query string without its {@code page} parameter, so the pager keeps every filter
	 * of the list (already URL-encoded, as the browser sent it).
	 */
	@ModelAttribute("pagerQuery")
	String pagerQuery(HttpServletRequest request) {
		String query = request.getQueryString();
		if (query == null || !"GET".equals(request.getMethod())) {
			return "";
		}
		return java.util.Arrays.stream(query.split("&"))
			.filter(p -> !p.isEmpty() && !p.startsWith("page=") && !p.startsWith("lang=") && !p.startsWith("text="))
			.collect(java.util.stream.Collectors.joining("&"));
	}
}
