package cn.deputylink.notification;

/** How an outbox message travels. */
public enum Medium {

	SMS, EMAIL, INBOX
}
