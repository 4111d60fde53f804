package cn.deputylink.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The request is well formed but the record's current state does not allow it (stale
 * version, duplicate, still referenced, wrong status): 409. The message key is resolved
 * in the caller's language.
 */
@ResponseStatus(HttpStatus.CONFLICT)
public class ConflictException extends RuntimeException {

	private final String messageKey;

	private final Object[] args;

	public ConflictException(String messageKey, Object... args) {
		super(messageKey);
		this.messageKey = messageKey;
		this.args = args;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] args() {
		return args;
	}

}
