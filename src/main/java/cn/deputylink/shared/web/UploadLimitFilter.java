package cn.deputylink.shared.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * An upload bigger than {@code spring.servlet.multipart.max-file-size} is answered before
 * its body is read: 413 problem+json for the API, and for a page a redirect back to the
 * form with a message. Without this, Tomcat drops every part of such a request — the CSRF
 * token included — so a page would end in a 403, and the multipart error would arise
 * before any controller could report it. It runs before Spring Security (so the CSRF
 * check never sees the truncated request) and after Spring Session's filter (so the
 * message lands in the shared session).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 60)
class UploadLimitFilter extends OncePerRequestFilter {

	private final long maxBytes;

	private final Problems problems;

	private final MessageSource messages;

	private final LocaleResolver locales;

	private final SessionFlashMapManager flash = new SessionFlashMapManager();

	UploadLimitFilter(@Value("${spring.servlet.multipart.max-file-size:10MB}") String maxFileSize, Problems problems,
			MessageSource messages, LocaleResolver locales) {
		this.maxBytes = DataSize.parse(maxFileSize).toBytes();
		this.problems = problems;
		this.messages = messages;
		this.locales = locales;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		return !"POST".equals(request.getMethod()) || type == null || !type.startsWith("multipart/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() <= maxBytes) {
			chain.doFilter(request, response);
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/api/")) {
			problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "error.uploadTooLarge",
					DataSize.ofBytes(maxBytes).toMegabytes());
			return;
		}
		String back = backTo(request);
		FlashMap message = new FlashMap();
		message.put("flashError", messages.getMessage("error.uploadTooLarge",
				new Object[] { DataSize.ofBytes(maxBytes).toMegabytes() }, locales.resolveLocale(request)));
		message.setTargetRequestPath(request.getContextPath() + back);
		flash.saveOutputFlashMap(message, request, response);
		response.sendRedirect(request.getContextPath() + back);
	}

	/** The page the form was on (same site only), else the home page. */
	private static String backTo(HttpServletRequest request) {
		String referer = request.getHeader("Referer");
		if (referer != null) {
			try {
				URI uri = URI.create(referer);
				if (uri.getHost() == null || uri.getHost().equals(request.getServerName())) {
					String p = uri.getRawPath();
					if (p != null && p.startsWith(request.getContextPath() + "/")) {
						return p.substring(request.getContextPath().length());
					}
				}
			}
			catch (IllegalArgumentException ex) {
				// not a URI: fall back to the home page
			}
		}
		return "/";
	}

}
