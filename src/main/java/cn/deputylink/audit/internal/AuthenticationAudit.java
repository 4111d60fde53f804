package cn.deputylink.audit.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.deputylink.account.AccountSecurityEvent;
import cn.deputylink.audit.AuditLog;

/**
 * Every login attempt, successful or not (a wrong or replayed second-factor code among
 * the failures), every logout, and every change to someone's credentials.
 */
@Component
class AuthenticationAudit {

	private final AuditLog log;

	AuthenticationAudit(AuditLog log) {
		this.log = log;
	}

	@EventListener
	void success(AuthenticationSuccessEvent e) {
		log.record(e.getAuthentication().getName(), "LOGIN", channel(), "SUCCESS", null, remote());
	}

	@EventListener
	void failure(AbstractAuthenticationFailureEvent e) {
		String outcome = e instanceof AuthenticationFailureLockedEvent ? "LOCKED" : "FAILURE";
		log.record(name(e.getAuthentication()), "LOGIN", channel(), outcome,
				e.getException().getClass().getSimpleName(), remote());
	}

	@EventListener
	void logout(LogoutSuccessEvent e) {
		log.record(e.getAuthentication().getName(), "LOGOUT", channel(), "SUCCESS", null, remote());
	}

	@EventListener
	void credentials(AccountSecurityEvent e) {
		log.record(e.actor(), e.action(), e.target(), e.success() ? "SUCCESS" : "FAILURE", e.detail(), remote());
	}

	private static String name(Authentication a) {
		String n = a.getName();
		return n == null || n.isBlank() ? "(blank)" : n;
	}

	private static String channel() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
				? a.getRequest().getRequestURI() : "";
	}

	private static @Nullable String remote() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
				? a.getRequest().getRemoteAddr() : null;
	}

}
