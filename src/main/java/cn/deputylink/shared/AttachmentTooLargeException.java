package cn.deputylink.shared;

/** An attachment over the configured size: 413 in the API, a message on the page. */
public class AttachmentTooLargeException extends RuntimeException {

	private final long maxMegabytes;

	public AttachmentTooLargeException(long maxMegabytes) {
		super("attachment over " + maxMegabytes + " MB");
		this.maxMegabytes = maxMegabytes;
	}

	public long maxMegabytes() {
		return maxMegabytes;
	}

}
