package cn.deputylink.notification.internal;

/** How an outbox message travels. */
public enum Medium {

	SMS, EMAIL, INBOX

}
