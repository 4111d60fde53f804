package cn.deputylink.shared.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import tools.jackson.databind.ObjectMapper;

/**
 * Writes RFC 9457 problem details where no controller is involved (security entry points, filters),
 * with the same shape the API's exception handler gives.
 */
@Component
public class Problems {

	private final ObjectMapper json;

	private final MessageSource messages;

	public Problems(ObjectMapper json, MessageSource messages) {
		this.json = json;
		this.messages = messages;
	}

	public ProblemDetail problem(HttpStatus status, String detailKey, Object... args) {
		ProblemDetail p = ProblemDetail.forStatusAndDetail(status,
				messages.getMessage(detailKey, args, detailKey, LocaleContextHolder.getLocale()));
		p.setType(URI.create("about:blank"));
		p.setTitle(status.getReasonPhrase());
		return p;
	}

	public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detailKey)
			throws IOException {
		// filters run outside the DispatcherServlet: read the language cookie the shell sets, Chinese by default
		var locale = java.util.Locale.SIMPLIFIED_CHINESE;
		if (request.getCookies() != null) {
			for (var c : request.getCookies()) {
				if ("dl-lang".equals(c.getName()) && c.getValue().startsWith("en")) {
					locale = java.util.Locale.ENGLISH;
				}
			}
		}
		ProblemDetail p = ProblemDetail.forStatusAndDetail(status,
				messages.getMessage(detailKey, null, detailKey, locale));
		p.setType(URI.create("about:blank"));
		p.setTitle(status.getReasonPhrase());
		p.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), p);
	}
}
