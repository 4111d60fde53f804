package cn.deputylink.account.internal;

import java.time.Clock;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.savedrequest.CookieRequestCache;

import cn.deputylink.account.Role;
import cn.deputylink.shared.web.Problems;
import cn.deputylink.shared.web.SecurityHeaders;

/**
 * Two filter chains: the JSON API ({@code /api/**}: bearer tokens, stateless, no CSRF
 * because no cookie authenticates it) and the pages (form login, a session in the
 * database, CSRF on every form). Both send the same security headers.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	static final String CSP = SecurityHeaders.CSP;

	private static final String[] PUBLIC_PAGES = { "/", "/login", "/public/**", "/css/**", "/js/**", "/webjars/**",
			"/images/**", "/favicon.ico", "/error", "/actuator/health", "/actuator/health/**", "/locale",
			"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/ical/**", "/open311/**" };

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * The one authentication manager of both the token endpoint and the login form (which
	 * is given it explicitly: left alone, Spring builds the form a plain password check
	 * of its own).
	 */
	@Bean
	AuthenticationManager authenticationManager(AccountDetailsService details, Users users, LoginThrottle throttle,
			PasswordEncoder encoder, Clock clock, ApplicationEventPublisher events) {
		ProviderManager manager = new ProviderManager(
				new TotpAuthenticationProvider(details, users, throttle, encoder, clock));
		manager.setAuthenticationEventPublisher(TotpAuthenticationProvider.eventPublisher(events));
		return manager;
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, Problems problems, SecuritySettings settings)
			throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(a -> a.requestMatchers("/api/v1/auth/token", "/api/v1/public/**")
				.permitAll()
				.anyRequest()
				.authenticated())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(c -> c.disable())
			.requestCache(c -> c.disable())
			.addFilterBefore(new BearerTokenFilter(tokens, problems), AnonymousAuthenticationFilter.class)
			.addFilterAfter(new AccountSetupFilter(settings, problems), AnonymousAuthenticationFilter.class)
			.exceptionHandling(e -> e
				.authenticationEntryPoint(
						(req, res, ex) -> problems.write(req, res, HttpStatus.UNAUTHORIZED, "error.unauthorized"))
				.accessDeniedHandler(
						(req, res, ex) -> problems.write(req, res, HttpStatus.FORBIDDEN, "error.forbidden")));
		headers(http);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, Problems problems, SecuritySettings settings,
			AuthenticationManager manager, Users users) throws Exception {
		var requestCache = new CookieRequestCache();
		var success = new SavedRequestAwareAuthenticationSuccessHandler();
		success.setDefaultTargetUrl("/");
		success.setRequestCache(requestCache);
		http.authenticationManager(manager)
			.authorizeHttpRequests(a -> a.requestMatchers(PUBLIC_PAGES)
				.permitAll()
				.requestMatchers("/admin/audit/**")
				.hasRole(Role.COUNTY_ADMIN.name())
				.anyRequest()
				.authenticated())
			.formLogin(f -> f.loginPage("/login")
				.authenticationDetailsSource(TotpAuthenticationProvider.detailsSource())
				.successHandler((req, res, auth) -> {
					// for "my sessions": where and with what the session was opened
					var session = req.getSession();
					session.setAttribute(WebSessions.ADDRESS, req.getRemoteAddr());
					String agent = req.getHeader("User-Agent");
					session.setAttribute(WebSessions.AGENT,
							agent == null ? null : agent.substring(0, Math.min(agent.length(), 200)));
					success.onAuthenticationSuccess(req, res, auth);
				})
				.failureHandler((req, res, ex) -> {
					String reason = ex instanceof LockedException ? "locked"
							: ex instanceof TotpAuthenticationProvider.CodeRequiredException ? "code" : "error";
					String user = req.getParameter("username");
					req.getSession().setAttribute("LAST_USERNAME", user == null ? "" : user);
					res.sendRedirect(req.getContextPath() + "/login?" + reason);
				})
				.permitAll())
			.logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			// open311 is a form-encoded public API, not a browser form. The token lives
			// in a cookie (HttpOnly; pages read it from the meta tag) and the page asked
			// for before login too, so that an anonymous page view creates no session row
			.csrf(c -> c.ignoringRequestMatchers("/open311/**").csrfTokenRepository(new CookieCsrfTokenRepository()))
			.requestCache(r -> r.requestCache(requestCache))
			.addFilterAfter(new SessionCredentialsFilter(users), UsernamePasswordAuthenticationFilter.class)
			.addFilterAfter(new AccountSetupFilter(settings, problems), SessionCredentialsFilter.class);
		headers(http);
		return http.build();
	}

	/**
	 * Spring Security's firewall refuses some paths (an encoded line feed, {@code ..})
	 * before any filter chain: under {@code /api} the refusal is problem+json like every
	 * other API error, elsewhere the 400 page.
	 */
	@Bean
	RequestRejectedHandler requestRejectedHandler(Problems problems) {
		RequestRejectedHandler pages = new HttpStatusRequestRejectedHandler();
		return (request, response, ex) -> {
			if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
				problems.write(request, response, HttpStatus.BAD_REQUEST, "error.badRequest");
			}
			else {
				pages.handle(request, response, ex);
			}
		};
	}

	private static void headers(HttpSecurity http) throws Exception {
		http.headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP))
			.frameOptions(f -> f.deny())
			.contentTypeOptions(c -> {
			})
			.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
			// only over HTTPS, directly or from a trusted proxy (see
			// ForwardedRequestFilter)
			.httpStrictTransportSecurity(
					t -> t.includeSubDomains(true).maxAgeInSeconds(SecurityHeaders.HSTS_MAX_AGE_SECONDS))
			.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", SecurityHeaders.PERMISSIONS_POLICY)));
	}

	/**
	 * Expired tokens and forgotten failures are useless; they are deleted hourly by
	 * whichever node holds each lease.
	 */
	@Configuration(proxyBeanMethods = false)
	static class TokenHousekeeping {

		private final ApiTokens tokens;

		private final LoginThrottle throttle;

		TokenHousekeeping(ApiTokens tokens, LoginThrottle throttle) {
			this.tokens = tokens;
			this.throttle = throttle;
		}

		@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
		@SchedulerLock(name = "purge-api-tokens", lockAtMostFor = "PT10M")
		void purgeTokens() {
			tokens.purgeExpired();
		}

		@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
		@SchedulerLock(name = "purge-login-throttle", lockAtMostFor = "PT10M")
		void purgeThrottle() {
			throttle.purge();
		}

	}

}
