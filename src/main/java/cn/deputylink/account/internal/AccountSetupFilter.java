package cn.deputylink.account.internal;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.shared.web.Problems;

/**
 * Until a user has replaced a generated password (and, where required, enrolled a second
 * factor), it can do nothing else: pages redirect to the setup page, API calls answer
 * 403.
 */
class AccountSetupFilter extends OncePerRequestFilter {

	private static final List<String> ALWAYS_ALLOWED = List.of("/logout", "/css/", "/js/", "/webjars/", "/images/",
			"/favicon", "/error", "/api/v1/me", "/api/v1/auth/", "/locale");

	private final SecuritySettings settings;

	private final Problems problems;

	AccountSetupFilter(SecuritySettings settings, Problems problems) {
		this.settings = settings;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var user = CurrentUser.find();
		if (user.isPresent()) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			String setup = null;
			if (user.get().mustChangePassword()) {
				setup = "/account/password";
			}
			else if (settings.totpRequiredForAdmins() && user.get().isCountyAdmin() && !user.get().totpEnabled()) {
				setup = "/account/totp";
			}
			if (setup != null && !path.startsWith(setup) && ALWAYS_ALLOWED.stream().noneMatch(path::startsWith)) {
				if (path.startsWith("/api/")) {
					problems.write(request, response, HttpStatus.FORBIDDEN,
							setup.endsWith("password") ? "password.changeRequired" : "totp.enrolmentRequired");
				}
				else {
					response.sendRedirect(request.getContextPath() + setup);
				}
				return;
			}
		}
		chain.doFilter(request, response);
	}

}
