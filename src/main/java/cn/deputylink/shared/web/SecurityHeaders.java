package cn.deputylink.shared.web;

import org.springframework.modulith.NamedInterface;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers every response carries. Spring Security writes them for whatever
 * passes its filter chains (configured from these constants); responses written before
 * the chains — a rate limit's 429, an oversized body's 413 — and the container's own
 * error reports call {@link #write}.
 */
@NamedInterface("web")
public final class SecurityHeaders {

	public static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'";

	/**
	 * No page of ours uses these browser features; a script injected despite the CSP gets
	 * none of them.
	 */
	public static final String PERMISSIONS_POLICY = "accelerometer=(), autoplay=(), bluetooth=(), camera=(), "
			+ "display-capture=(), geolocation=(), gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), "
			+ "payment=(), publickey-credentials-get=(), serial=(), usb=(), xr-spatial-tracking=()";

	/**
	 * One year, subdomains included: sent only over HTTPS (directly or from a trusted
	 * proxy).
	 */
	public static final long HSTS_MAX_AGE_SECONDS = 31_536_000;

	public static final String HSTS = "max-age=" + HSTS_MAX_AGE_SECONDS + " ; includeSubDomains";

	private SecurityHeaders() {
	}

	/** Sets the headers that are not there yet. */
	public static void write(HttpServletRequest request, HttpServletResponse response) {
		write(request.isSecure(), response);
	}

	public static void write(boolean secure, HttpServletResponse response) {
		set(response, "Content-Security-Policy", CSP);
		set(response, "X-Content-Type-Options", "nosniff");
		set(response, "X-Frame-Options", "DENY");
		set(response, "Referrer-Policy", "same-origin");
		set(response, "Permissions-Policy", PERMISSIONS_POLICY);
		if (secure) {
			set(response, "Strict-Transport-Security", HSTS);
		}
	}

	private static void set(HttpServletResponse response, String name, String value) {
		if (!response.containsHeader(name)) {
			response.setHeader(name, value);
		}
	}

}
