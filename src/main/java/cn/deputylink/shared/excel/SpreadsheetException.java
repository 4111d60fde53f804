package cn.deputylink.shared.excel;

/** The upload is not a readable workbook, or not the template of this list. */
public class SpreadsheetException extends RuntimeException {

	private final String messageKey;

	public SpreadsheetException(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	public SpreadsheetException(String messageKey, Throwable cause) {
		super(messageKey, cause);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return messageKey;
	}

}
