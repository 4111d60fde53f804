package cn.deputylink.shared.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.deputylink.shared.TextInput;

/**
 * Query and form parameters reach the application as clean text ({@link TextInput}): the
 * same stored text on H2 and PostgreSQL, for pages, the API and the login form alike.
 * Parameters that cannot be read at all — bytes that are no UTF-8 ({@code ?q=%FF%FE}), a
 * multipart body Tomcat refuses (a NUL in a file name) — are a 400 here, before anything
 * else asks for a parameter and fails with a 500. It runs after the upload-size guard and
 * before Spring Security.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 70)
class TextParameterFilter extends OncePerRequestFilter {

	private final Problems problems;

	TextParameterFilter(Problems problems) {
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		// the error page asks for parameters too (language, text size): it gets the
		// readable ones
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Map<String, String[]> parameters;
		try {
			parameters = clean(request.getParameterMap());
		}
		catch (RuntimeException ex) {
			// Tomcat's InvalidParameterException, or a multipart body it could not parse
			// (its
			// InvalidFileNameException for a NUL in a file name)
			if (request.getDispatcherType() == DispatcherType.ERROR) {
				parameters = Map.of();
			}
			else {
				HttpStatus status = tooLarge(ex) ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
				String path = request.getRequestURI().substring(request.getContextPath().length());
				if (path.startsWith("/api/")) {
					problems.write(request, response, status,
							status == HttpStatus.BAD_REQUEST ? "input.error.parameters" : "error.tooLarge");
				}
				else {
					response.sendError(status.value());
				}
				return;
			}
		}
		chain.doFilter(new CleanParameters(request, parameters), response);
	}

	private static boolean tooLarge(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t.getClass().getSimpleName().contains("SizeLimitExceeded")
					|| t.getClass().getSimpleName().contains("SizeException")) {
				return true;
			}
		}
		return false;
	}

	private static Map<String, String[]> clean(Map<String, String[]> raw) {
		Map<String, String[]> out = new LinkedHashMap<>();
		raw.forEach((name, values) -> {
			String[] copy = new String[values.length];
			for (int i = 0; i < values.length; i++) {
				copy[i] = values[i] == null ? null : TextInput.clean(values[i]);
			}
			out.put(TextInput.clean(name), copy);
		});
		return Collections.unmodifiableMap(out);
	}

	/** The request with its parameters read once and cleaned. */
	private static final class CleanParameters extends HttpServletRequestWrapper {

		private final Map<String, String[]> parameters;

		CleanParameters(HttpServletRequest request, Map<String, String[]> parameters) {
			super(request);
			this.parameters = parameters;
		}

		@Override
		public @Nullable String getParameter(String name) {
			String[] values = parameters.get(name);
			return values == null || values.length == 0 ? null : values[0];
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return parameters;
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return Collections.enumeration(parameters.keySet());
		}

		@Override
		public String @Nullable [] getParameterValues(String name) {
			String[] values = parameters.get(name);
			return values == null ? null : values.clone();
		}

	}

}
