package cn.deputylink.notification.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code deputylink.sms.*}: the HTTP SMS gateway ({@code gatewayUrl}, blank = log only),
 * its bearer {@code gatewayToken}, the request {@code timeout}, and
 * {@code gatewayIdempotent}: set it only when the gateway drops a second request with the
 * same {@code Idempotency-Key}; then a send interrupted by a crash is repeated instead of
 * being marked UNCERTAIN.
 */
@ConfigurationProperties("deputylink.sms")
record SmsSettings(String gatewayUrl, String gatewayToken, boolean gatewayIdempotent, Duration timeout) {
}
