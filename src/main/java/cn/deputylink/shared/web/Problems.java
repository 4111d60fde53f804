package cn.deputylink.shared.web;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import tools.jackson.databind.ObjectMapper;

/**
 * Writes RFC 9457 problem details where no controller is involved (security entry points,
 * filters), with the same shape the API's exception handler gives.
 */
@Component
@NamedInterface("web")
public class Problems {

	private final ObjectMapper json;

	private final MessageSource messages;

	private final LocaleResolver locales;

	public Problems(ObjectMapper json, MessageSource messages, LocaleResolver locales) {
		this.json = json;
		this.messages = messages;
		this.locales = locales;
	}

	public ProblemDetail problem(HttpStatus status, String detailKey, Object... args) {
		return build(status, detailKey, args, LocaleContextHolder.getLocale());
	}

	/**
	 * Writes the problem straight to the response. Filters run outside the
	 * DispatcherServlet, so the language comes from the application's locale resolver
	 * rather than the request context.
	 */
	public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detailKey,
			Object... args) throws IOException {
		ProblemDetail p = build(status, detailKey, args, locales.resolveLocale(request));
		p.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(status.value());
		// written before or outside Spring Security's chains too (limits, container
		// errors): same headers
		SecurityHeaders.write(request, response);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), p);
	}

	private ProblemDetail build(HttpStatus status, String detailKey, Object @Nullable [] args, Locale locale) {
		ProblemDetail p = ProblemDetail.forStatusAndDetail(status,
				messages.getMessage(detailKey, args, detailKey, locale));
		p.setType(URI.create("about:blank"));
		p.setTitle(status.getReasonPhrase());
		return p;
	}

}
