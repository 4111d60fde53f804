package cn.deputylink.shared;

/**
 * The request is well formed but the record's current state does not allow it (stale version,
 * duplicate, still referenced, wrong status): 409. The message key is resolved in the caller's
 * language.
 */
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
