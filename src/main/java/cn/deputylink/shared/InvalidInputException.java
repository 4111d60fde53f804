package cn.deputylink.shared;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Input that breaks a rule the type system cannot express: 400 with one entry per field.
 */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class InvalidInputException extends RuntimeException {

	/** A field and the message key (with arguments) explaining what is wrong with it. */
	public record FieldError(String field, String messageKey, Object... args) {
	}

	private final List<FieldError> errors;

	public InvalidInputException(List<FieldError> errors) {
		super(errors.toString());
		this.errors = List.copyOf(errors);
	}

	public InvalidInputException(String field, String messageKey, Object... args) {
		this(List.of(new FieldError(field, messageKey, args)));
	}

	public List<FieldError> errors() {
		return errors;
	}

}
