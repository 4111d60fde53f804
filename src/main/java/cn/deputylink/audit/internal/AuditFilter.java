package cn.deputylink.audit.internal;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.audit.AuditLog;
import cn.deputylink.shared.web.FormErrors;

/**
 * Every write that reaches the application — a form post or an API call, allowed or
 * refused — is recorded with its actor, method, path and outcome. Runs after Spring
 * Security, so the actor is known; the request body is not recorded (it may carry
 * personal information). A page form that was refused answers 200 or 302 with the reasons
 * on the page: it is a failure all the same.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 100)
class AuditFilter extends OncePerRequestFilter {

	private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private final AuditLog log;

	AuditFilter(AuditLog log) {
		this.log = log;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return READS.contains(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String actor = CurrentUser.find().map(CurrentUser::getUsername).orElse("anonymous");
		int status = 500;
		try {
			chain.doFilter(request, response);
			status = response.getStatus();
		}
		finally {
			String outcome = status == 401 || status == 403 ? "DENIED"
					: status >= 400 || FormErrors.wasRefused(request) ? "FAILURE" : "SUCCESS";
			log.record(actor, request.getMethod(), request.getRequestURI(), outcome, "HTTP " + status,
					request.getRemoteAddr());
		}
	}

}
