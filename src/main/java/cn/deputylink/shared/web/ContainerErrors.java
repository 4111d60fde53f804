package cn.deputylink.shared.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import tools.jackson.databind.json.JsonMapper;

/**
 * Errors Tomcat answers itself, before any filter or servlet runs — a request header over
 * {@code server.max-http-request-header-size}, a {@code %00} or another undecodable path
 * — get the same treatment as the application's: problem+json under {@code /api}, a plain
 * page elsewhere, never Tomcat's report, and the security headers either way. Replaces
 * the {@link ErrorReportValve} Spring Boot puts on the host (this customizer runs after
 * Boot's).
 */
@Component
class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

	private final MessageSource messages;

	private final TrustedProxies proxies;

	ContainerErrors(MessageSource messages, TrustedProxies proxies) {
		this.messages = messages;
		this.proxies = proxies;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void customize(TomcatServletWebServerFactory factory) {
		factory.addContextCustomizers(context -> {
			Container host = context.getParent();
			for (Valve v : host.getPipeline().getValves()) {
				if (v instanceof ErrorReportValve) {
					host.getPipeline().removeValve(v);
				}
			}
			host.getPipeline().addValve(new ProblemReportValve(messages, proxies));
			if (host instanceof StandardHost h) {
				// else the host adds a plain ErrorReportValve of its own when it starts
				h.setErrorReportValveClass(ProblemReportValve.class.getName());
			}
		});
	}

	static final class ProblemReportValve extends ErrorReportValve {

		private static final JsonMapper JSON = JsonMapper.builder().build();

		private final MessageSource messages;

		private final TrustedProxies proxies;

		ProblemReportValve(MessageSource messages, TrustedProxies proxies) {
			this.messages = messages;
			this.proxies = proxies;
			setShowReport(false);
			setShowServerInfo(false);
		}

		@Override
		protected void report(Request request, Response response, @Nullable Throwable throwable) {
			int code = response.getStatus();
			if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
				return;
			}
			AtomicBoolean io = new AtomicBoolean(false);
			response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, io);
			if (!io.get()) {
				return;
			}
			HttpStatus status = HttpStatus.resolve(code);
			String title = status == null ? "Error" : status.getReasonPhrase();
			String detail = messages.getMessage(
					code == 400 && tooLarge(throwable) ? "edge.error.headerTooLarge"
							: code == 400 ? "edge.error.badRequest" : "error.page.4xx.detail",
					null, title, Locale.SIMPLIFIED_CHINESE);
			String path = request.getCoyoteRequest().requestURI().toString();
			boolean secure = request.isSecure() || (proxies.isTrusted(request.getRemoteAddr())
					&& "https".equalsIgnoreCase(String.valueOf(request.getHeader("X-Forwarded-Proto")).strip()));
			try {
				response.resetBuffer();
				SecurityHeaders.write(secure, response);
				response.setHeader("Cache-Control", "no-store");
				response.setCharacterEncoding(StandardCharsets.UTF_8.name());
				if (path.startsWith("/api/") || path.equals("/api")) {
					response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
					Map<String, Object> problem = Map.of("type", "about:blank", "title", title, "status", code,
							"detail", detail);
					response.getOutputStream().write(JSON.writeValueAsBytes(problem));
				}
				else {
					response.setContentType("text/html;charset=UTF-8");
					Writer w = response.getReporter();
					if (w != null) {
						w.write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>" + code + " "
								+ HtmlUtils.htmlEscape(title) + "</title></head><body><h1>" + code + " "
								+ HtmlUtils.htmlEscape(title) + "</h1><p>"
								+ HtmlUtils.htmlEscape(detail == null ? "" : detail)
								+ "</p><p><a href=\"/\">返回首页</a></p></body></html>");
					}
				}
				response.finishResponse();
			}
			catch (IOException | IllegalStateException ex) {
				// the client is gone or the response cannot be written: nothing more to
				// report
			}
		}

		private static boolean tooLarge(@Nullable Throwable t) {
			return t != null && String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT).contains("too large");
		}

	}

}
