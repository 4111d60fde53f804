package cn.deputylink.notification.internal;

import java.util.List;

/** Delivers outbox messages of one medium. */
interface Channel {

	/**
	 * Sends the message; any exception (a refusal, a non-2xx answer, a timeout) is a
	 * failed attempt.
	 */
	void send(OutboxMessage message) throws Exception;

	/**
	 * Sends several messages; a transactional channel delivers them in one go (the
	 * dispatcher calls it inside the claiming transaction), the others one after another.
	 */
	default void sendAll(List<OutboxMessage> messages) throws Exception {
		for (OutboxMessage m : messages) {
			send(m);
		}
	}

	/**
	 * Whether a repeat of the same message is harmless because the receiver recognises it
	 * by the outbox id. Only then is a send interrupted by a crash sent again; otherwise
	 * it becomes UNCERTAIN.
	 */
	default boolean idempotent() {
		return false;
	}

	/**
	 * Whether delivery is a write to this application's database: the dispatcher then
	 * delivers and marks SENT in one transaction, which makes it exactly once.
	 */
	default boolean transactional() {
		return false;
	}

	/** For logs and the admin page: what is behind the channel. */
	String describe();

	/**
	 * Whether the channel only writes messages to the log: nothing reaches the recipient.
	 */
	default boolean logsOnly() {
		return false;
	}

}
