package cn.deputylink.shared.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Behind a trusted reverse proxy (see {@link TrustedProxies}) the request is the
 * client's: its address from {@code X-Forwarded-For} (so the audit, the login records and
 * the rate limits see the constituent, not the proxy) and its scheme from
 * {@code X-Forwarded-Proto} (so that over HTTPS Spring Security sends HSTS and the
 * session and CSRF cookies are {@code Secure}). From any other peer these headers are
 * ignored. Runs first, before the session filter reads {@code isSecure()}. Tomcat's own
 * {@code RemoteIpValve} would do the same, but takes regular expressions rather than CIDR
 * ranges, and Spring Boot turns it on by itself on some platforms; {@code
 * server.forward-headers-strategy=none} keeps this filter the only place that decides.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ForwardedRequestFilter extends OncePerRequestFilter {

	private final TrustedProxies proxies;

	ForwardedRequestFilter(TrustedProxies proxies) {
		this.proxies = proxies;
	}

	/**
	 * Error pages are rendered in a dispatch of their own: that one is the client's too.
	 */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String peer = request.getRemoteAddr();
		if (!proxies.isTrusted(peer)) {
			chain.doFilter(request, request.isSecure() ? new SecureCookies(response) : response);
			return;
		}
		String client = proxies.clientAddress(peer, request.getHeader("X-Forwarded-For"));
		String proto = request.getHeader("X-Forwarded-Proto");
		String first = proto == null ? null : proto.split(",")[0].strip().toLowerCase(Locale.ROOT);
		boolean secure = first == null ? request.isSecure() : "https".equals(first);
		chain.doFilter(new Forwarded(request, client, secure), secure ? new SecureCookies(response) : response);
	}

	/**
	 * Over HTTPS every cookie is {@code Secure} — the session and CSRF cookies set it
	 * themselves from {@code isSecure()}, the language and large-text cookies do not know
	 * about it.
	 */
	private static final class SecureCookies extends HttpServletResponseWrapper {

		SecureCookies(HttpServletResponse response) {
			super(response);
		}

		@Override
		public void addCookie(Cookie cookie) {
			cookie.setSecure(true);
			super.addCookie(cookie);
		}

		@Override
		public void addHeader(String name, String value) {
			super.addHeader(name, secure(name, value));
		}

		@Override
		public void setHeader(String name, String value) {
			super.setHeader(name, secure(name, value));
		}

		private static String secure(String name, String value) {
			if (value != null && "Set-Cookie".equalsIgnoreCase(name)
					&& !value.toLowerCase(Locale.ROOT).matches("(?s).*;\\s*secure\\s*(;.*)?")) {
				return value + "; Secure";
			}
			return value;
		}

	}

	private static final class Forwarded extends HttpServletRequestWrapper {

		private final String client;

		private final boolean secure;

		Forwarded(HttpServletRequest request, String client, boolean secure) {
			super(request);
			this.client = client;
			this.secure = secure;
		}

		@Override
		public String getRemoteAddr() {
			return client;
		}

		@Override
		public String getRemoteHost() {
			return client;
		}

		@Override
		public boolean isSecure() {
			return secure;
		}

		@Override
		public String getScheme() {
			return secure ? "https" : "http";
		}

		@Override
		public int getServerPort() {
			int port = super.getServerPort();
			if (secure == super.isSecure()) {
				return port;
			}
			return secure ? 443 : 80;
		}

		@Override
		public StringBuffer getRequestURL() {
			StringBuffer url = new StringBuffer(getScheme()).append("://").append(getServerName());
			int port = getServerPort();
			if (!(secure && port == 443) && !(!secure && port == 80)) {
				url.append(':').append(port);
			}
			return url.append(getRequestURI());
		}

	}

}
