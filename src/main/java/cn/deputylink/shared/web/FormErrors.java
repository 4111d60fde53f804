package cn.deputylink.shared.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;

/**
 * Field messages for a page form, in the user's language: from bean validation and from the rules
 * the services check. Key {@code ""} holds a message about the whole form.
 */
@Component
public class FormErrors {

	private final MessageSource messages;

	public FormErrors(MessageSource messages) {
		this.messages = messages;
	}

	public Map<String, String> of(BindingResult result) {
		Map<String, String> errors = new LinkedHashMap<>();
		result.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(),
				e.isBindingFailure() ? msg("validation.typeMismatch") : messages.getMessage(e, LocaleContextHolder.getLocale())));
		result.getGlobalErrors().forEach(e -> errors.putIfAbsent("", messages.getMessage(e, LocaleContextHolder.getLocale())));
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
		return errors;
	}

	public String msg(String key, Object... args) {
		return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}
}
