package cn.deputylink.shared.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.deputylink.shared.RateLimits;
import cn.deputylink.shared.RateLimits.Kind;

/**
 * The public limits per client address, before anything else reads the request: public
 * submissions (form and API), lookups by tracking code (page, API and the rating of a
 * reply), and login attempts (the form and {@code /api/v1/auth/token}; only failed
 * attempts count) — the last one apart from, and before, the per-account lockout, which
 * stops guessing one account's password; this stops one address trying many accounts.
 * Staff API calls match none of these paths and are never limited here.
 * <p>
 * Over a limit the API answers 429 problem+json and a page 429 with a message in the page
 * ({@code error/429}); both with {@code Retry-After}. The address is the client's as
 * {@link ForwardedRequestFilter} found it; IPv6 addresses count per /64, the block one
 * subscriber gets.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class RateLimitFilter extends OncePerRequestFilter {

	/** Request attributes read by the {@code error/429} page. */
	static final String KIND_ATTRIBUTE = "rateLimitKind";

	static final String MINUTES_ATTRIBUTE = "rateLimitMinutes";

	private static final Pattern TRACKING = Pattern.compile("/(api/v1/)?public/opinions/[^/]+");

	private static final Pattern FEEDBACK = Pattern.compile("/(api/v1/)?public/opinions/[^/]+/feedback");

	private static final Set<String> NOT_CODES = Set.of("/public/opinions/new", "/public/opinions/track");

	private final RateLimits limits;

	private final Problems problems;

	RateLimitFilter(RateLimits limits, Problems problems) {
		this.limits = limits;
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !limits.enabled() || kind(request.getMethod(), path(request)) == null;
	}

	static @Nullable Kind kind(String method, String path) {
		if ("POST".equals(method)) {
			if (path.equals("/public/opinions") || path.equals("/api/v1/public/opinions")) {
				return Kind.SUBMISSION;
			}
			if (path.equals("/login") || path.equals("/api/v1/auth/token")) {
				return Kind.LOGIN;
			}
			if (FEEDBACK.matcher(path).matches()) {
				return Kind.TRACKING;
			}
		}
		else if (("GET".equals(method) || "HEAD".equals(method)) && TRACKING.matcher(path).matches()
				&& !NOT_CODES.contains(path)) {
			return Kind.TRACKING;
		}
		return null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = path(request);
		Kind kind = kind(request.getMethod(), path);
		if (kind == null) {
			chain.doFilter(request, response);
			return;
		}
		String subject = subject(request.getRemoteAddr());
		RateLimits.Decision decision = kind == Kind.LOGIN ? limits.check(kind, subject)
				: limits.tryAcquire(kind, subject);
		if (decision.allowed()) {
			chain.doFilter(request, response);
			// a login counts only when it fails: a county office signing in behind one
			// address is not a flood, an address trying password after password is
			if (kind == Kind.LOGIN && failedLogin(response)) {
				limits.tryAcquire(kind, subject);
			}
			return;
		}
		String name = kind.name().toLowerCase(Locale.ROOT);
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(decision.retryAfterSeconds()));
		if (path.startsWith("/api/")) {
			problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "edge.rateLimit." + name,
					decision.retryAfterMinutes());
			return;
		}
		SecurityHeaders.write(request, response);
		request.setAttribute(KIND_ATTRIBUTE, name);
		request.setAttribute(MINUTES_ATTRIBUTE, decision.retryAfterMinutes());
		response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
	}

	/**
	 * The form login redirects a failure back to the login page; the token endpoint
	 * answers 4xx.
	 */
	static boolean failedLogin(HttpServletResponse response) {
		if (response.getStatus() >= 400) {
			return true;
		}
		String location = response.getHeader(HttpHeaders.LOCATION);
		return location != null && location.contains("/login?");
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	/** The address, an IPv6 one cut to its /64 network. */
	static String subject(String address) {
		if (address.indexOf(':') < 0) {
			return address;
		}
		try {
			byte[] a = InetAddress.getByName(TrustedProxies.literal(address) == null ? "::" : address).getAddress();
			if (a.length != 16) {
				return address;
			}
			StringBuilder s = new StringBuilder();
			for (int i = 0; i < 8; i += 2) {
				s.append(Integer.toHexString(((a[i] & 0xff) << 8) | (a[i + 1] & 0xff))).append(':');
			}
			return s.append(":/64").toString();
		}
		catch (UnknownHostException ex) {
			return address;
		}
	}

}
