package cn.deputylink.account.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.deputylink.account.CurrentUser;

/**
 * A web session lives no longer than the credentials it was opened with: on every request
 * the session's principal is checked against the account's credentials epoch and enabled
 * flag in the database (one indexed read), so a password change, a reset of the second
 * factor or disabling the account ends the session on every node at its next request.
 */
class SessionCredentialsFilter extends OncePerRequestFilter {

	private static final List<String> STATIC = List.of("/css/", "/js/", "/webjars/", "/images/", "/favicon");

	private final Users users;

	SessionCredentialsFilter(Users users) {
		this.users = users;
	}

	/** Static files carry nothing to protect; they need no database read. */
	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return STATIC.stream().anyMatch(path::startsWith);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var user = CurrentUser.find();
		if (user.isPresent()) {
			var live = users.liveness(user.get().id());
			if (live.isEmpty() || !live.get().enabled() || live.get().epoch() != user.get().credentialsEpoch()) {
				SecurityContextHolder.clearContext();
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
				response.sendRedirect(request.getContextPath() + "/login?expired");
				return;
			}
		}
		chain.doFilter(request, response);
	}

}
