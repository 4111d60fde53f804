package cn.deputylink.notification.internal;

/**
 * Where an outbox message stands. PENDING waits (or waits again after a failure) for its
 * {@code nextAttemptAt}; SENDING is claimed by one node under a lease; SENT and FAILED
 * are final; UNCERTAIN means a node stopped in the middle of a send to a channel that
 * cannot tell a repeat from a new message, so nobody knows whether it arrived — an admin
 * decides whether to send it again.
 */
public enum OutboxStatus {

	PENDING, SENDING, SENT, FAILED, UNCERTAIN;

	/**
	 * An admin may send it again: it failed for good, or nobody knows whether it arrived.
	 */
	public boolean retryable() {
		return this == FAILED || this == UNCERTAIN;
	}

	/**
	 * What becomes of a message whose sender's lease ran out (the node died or hung
	 * mid-send): sent again only when the channel makes a repeat harmless; otherwise
	 * never resent blindly.
	 */
	public static OutboxStatus afterExpiredLease(boolean idempotentChannel) {
		return idempotentChannel ? PENDING : UNCERTAIN;
	}

}
