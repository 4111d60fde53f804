package cn.deputylink.shared.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * JSON bodies of the API are small; a body over {@code deputylink.api.max-body-bytes} is
 * refused with 413 before anything reads it (uploads have their own multipart limit).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodySizeLimitFilter extends OncePerRequestFilter {

	private final long maxBytes;

	private final Problems problems;

	BodySizeLimitFilter(@Value("${deputylink.api.max-body-bytes}") long maxBytes, Problems problems) {
		this.maxBytes = maxBytes;
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String type = request.getContentType();
		return !request.getRequestURI().startsWith("/api/") || (type != null && type.startsWith("multipart/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > maxBytes) {
			problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "error.tooLarge");
			return;
		}
		chain.doFilter(new LimitedBodyRequest(request, maxBytes), response);
	}

}
