package cn.deputylink.shared.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;

import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;

/**
 * Field messages for a page form, in the user's language: from bean validation and from
 * the rules the services check. Key {@code ""} holds a message about the whole form. A
 * request whose form was refused is marked, so that the audit log records it as a failure
 * even though the page answers 200 (the form shown again) or 302 (back to the page with
 * the message).
 */
@Component
@NamedInterface("web")
public class FormErrors {

	/** Request attribute set on a request whose form was refused. */
	static final String REFUSED = FormErrors.class.getName() + ".REFUSED";

	private final MessageSource messages;

	public FormErrors(MessageSource messages) {
		this.messages = messages;
	}

	public Map<String, String> of(BindingResult result) {
		Map<String, String> errors = new LinkedHashMap<>();
		result.getFieldErrors()
			.forEach(e -> errors.putIfAbsent(e.getField(), e.isBindingFailure() ? msg("validation.typeMismatch")
					: messages.getMessage(e, LocaleContextHolder.getLocale())));
		result.getGlobalErrors()
			.forEach(e -> errors.putIfAbsent("", messages.getMessage(e, LocaleContextHolder.getLocale())));
		if (!errors.isEmpty()) {
			markRefused();
		}
		return errors;
	}

	/** Messages for a failure a service reported; other exceptions are rethrown. */
	public Map<String, String> of(RuntimeException ex) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (ex instanceof InvalidInputException iie) {
			iie.errors().forEach(e -> errors.putIfAbsent(e.field(), msg(e.messageKey(), e.args())));
		}
		else if (ex instanceof ConflictException ce) {
			errors.put("", msg(ce.messageKey(), ce.args()));
		}
		else if (ex instanceof OptimisticLockingFailureException) {
			errors.put("", msg("error.staleVersion"));
		}
		else {
			throw ex;
		}
		markRefused();
		return errors;
	}

	/**
	 * One message about a field, for a refusal that is no service exception (a file too
	 * large).
	 */
	public Map<String, String> refused(String field, String key, Object... args) {
		markRefused();
		return Map.of(field, msg(key, args));
	}

	/** Marks the current request as a refused form. */
	public static void markRefused() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes != null) {
			attributes.setAttribute(REFUSED, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
		}
	}

	/**
	 * Whether the request's form was refused: marked so, or redirected with an error
	 * message for the next page.
	 */
	public static boolean wasRefused(HttpServletRequest request) {
		if (request.getAttribute(REFUSED) != null) {
			return true;
		}
		FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
		return flash != null && (flash.containsKey("flashError") || flash.containsKey("errors"));
	}

	public String msg(String key, Object... args) {
		String m = messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
		return m == null ? key : m;
	}

}
