package cn.deputylink.account.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.deputylink.shared.web.Problems;

/**
 * {@code Authorization: Bearer <token>} on API calls; a dead or unknown token is a 401.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	/**
	 * The request attribute holding the raw token, for logout and for keeping it after a
	 * change.
	 */
	static final String TOKEN_ATTRIBUTE = BearerTokenFilter.class.getName() + ".token";

	private final ApiTokens tokens;

	private final Problems problems;

	BearerTokenFilter(ApiTokens tokens, Problems problems) {
		this.tokens = tokens;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			String token = header.substring(7).strip();
			var user = tokens.authenticate(token);
			if (user.isEmpty()) {
				problems.write(request, response, HttpStatus.UNAUTHORIZED, "error.unauthorized");
				return;
			}
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(
					UsernamePasswordAuthenticationToken.authenticated(user.get(), null, user.get().getAuthorities()));
			SecurityContextHolder.setContext(context);
			request.setAttribute(TOKEN_ATTRIBUTE, token);
		}
		chain.doFilter(request, response);
	}

}
