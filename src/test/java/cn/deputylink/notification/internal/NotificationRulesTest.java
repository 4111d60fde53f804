package cn.deputylink.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The outbox's rules without Spring: backoff, states, links, channels. */
class NotificationRulesTest {

	private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(30), Duration.ofHours(1), 6);

	@Test
	void backoffDoublesFromThirtySecondsAndStopsAtTheCap() {
		assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofSeconds(60));
		assertThat(policy.delayAfter(3)).isEqualTo(Duration.ofMinutes(2));
		assertThat(policy.delayAfter(6)).isEqualTo(Duration.ofMinutes(16));
		assertThat(policy.delayAfter(8)).isEqualTo(Duration.ofHours(1));
		assertThat(policy.delayAfter(63)).isEqualTo(Duration.ofHours(1));
		assertThat(policy.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
		assertThat(policy.delayAfter(0)).isEqualTo(Duration.ofSeconds(30));
	}

	@Test
	void theNextAttemptIsNowPlusTheDelay() {
		OffsetDateTime now = OffsetDateTime.of(2026, 3, 1, 9, 0, 0, 0, ZoneOffset.ofHours(8));
		assertThat(policy.nextAttemptAt(now, 3)).isEqualTo(now.plusMinutes(2));
	}

	@Test
	void aMessageFailsForGoodAfterMaxAttempts() {
		assertThat(policy.statusAfterFailure(1)).isEqualTo(OutboxStatus.PENDING);
		assertThat(policy.statusAfterFailure(5)).isEqualTo(OutboxStatus.PENDING);
		assertThat(policy.statusAfterFailure(6)).isEqualTo(OutboxStatus.FAILED);
		assertThat(policy.statusAfterFailure(7)).isEqualTo(OutboxStatus.FAILED);
		assertThat(new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 1).statusAfterFailure(1))
			.isEqualTo(OutboxStatus.FAILED);
	}

	@Test
	void nonsensicalPoliciesAreRefused() {
		assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(30), Duration.ofHours(1), 0))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new RetryPolicy(Duration.ofHours(2), Duration.ofHours(1), 3))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void anExpiredLeaseIsResentOnlyThroughAnIdempotentChannel() {
		assertThat(OutboxStatus.afterExpiredLease(false)).isEqualTo(OutboxStatus.UNCERTAIN);
		assertThat(OutboxStatus.afterExpiredLease(true)).isEqualTo(OutboxStatus.PENDING);
	}

	@Test
	void onlyFailedAndUncertainMessagesMayBeRetried() {
		assertThat(OutboxStatus.FAILED.retryable()).isTrue();
		assertThat(OutboxStatus.UNCERTAIN.retryable()).isTrue();
		assertThat(OutboxStatus.PENDING.retryable()).isFalse();
		assertThat(OutboxStatus.SENDING.retryable()).isFalse();
		assertThat(OutboxStatus.SENT.retryable()).isFalse();
	}

	@Test
	void inboxLinksStayInsideTheApplication() {
		assertThat(OutboxNotifications.appRelative("/opinions/12")).isEqualTo("/opinions/12");
		assertThat(OutboxNotifications.appRelative(null)).isNull();
		assertThat(OutboxNotifications.appRelative(" ")).isNull();
		for (String bad : new String[] { "https://evil.example/", "//evil.example", "/\\evil.example",
				"javascript:alert(1)" }) {
			assertThatThrownBy(() -> OutboxNotifications.appRelative(bad)).as(bad)
				.isInstanceOf(IllegalArgumentException.class);
		}
	}

	@Test
	void everyMediumNeedsAChannel() {
		assertThatThrownBy(() -> new Channels(Map.of(Medium.SMS, new LogChannel(Medium.SMS))))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void logsShowRecipientsMasked() {
		assertThat(LogChannel.mask("13812345678")).isEqualTo("138****5678");
		assertThat(LogChannel.mask("zhang.san@example.cn")).isEqualTo("z***@example.cn");
	}

	@Test
	void theIdempotencyKeyIsTheOutboxId() {
		var m = new OutboxMessage(42, Medium.SMS, "13812345678", null, null, "hi", null, 3);
		assertThat(HttpSmsChannel.idempotencyKey(m)).isEqualTo("42");
	}

}
