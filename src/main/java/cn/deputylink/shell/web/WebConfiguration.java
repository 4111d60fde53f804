package cn.deputylink.shell.web;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Chinese unless the user switches ({@code ?lang=en}, remembered in a cookie); the
 * large-text mode ({@code ?text=large}) likewise.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final String TEXT_COOKIE = "dl-text";

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("dl-lang");
		resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
		lang.setParamName("lang");
		lang.setIgnoreInvalidLocale(true);
		registry.addInterceptor(lang);
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				String text = request.getParameter("text");
				if ("large".equals(text) || "normal".equals(text)) {
					Cookie c = new Cookie(TEXT_COOKIE, text);
					c.setPath("/");
					c.setMaxAge(365 * 24 * 3600);
					c.setHttpOnly(true);
					response.addCookie(c);
					request.setAttribute(TEXT_COOKIE, text);
				}
				return true;
			}
		});
	}

}
