package cn.deputylink.notification.internal;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.deputylink.shared.PersonalDataCipher;

/**
 * Picks the channels — the inbox always; SMS through the HTTP gateway when
 * {@code deputylink.sms.gateway-url} is set, email through SMTP when
 * {@code spring.mail.host} is set, the log otherwise — and runs the dispatcher on a fixed
 * delay.
 */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

	private static final Logger log = LoggerFactory.getLogger(NotificationConfiguration.class);

	@Bean
	Channels channels(InboxMessages inbox, Clock clock, SmsSettings sms, ObjectProvider<JavaMailSender> mail,
			@Value("${deputylink.mail.from:${spring.mail.username:noreply@deputylink.local}}") String from) {
		Channel smsChannel = sms.gatewayUrl() == null || sms.gatewayUrl().isBlank() ? new LogChannel(Medium.SMS)
				: new HttpSmsChannel(sms.gatewayUrl(), sms.gatewayToken(), sms.timeout(), sms.gatewayIdempotent());
		JavaMailSender sender = mail.getIfAvailable();
		Channel emailChannel = sender == null ? new LogChannel(Medium.EMAIL) : new SmtpChannel(sender, from);
		log.info("Notification channels: SMS via {}, email via {}, in-app inbox", smsChannel.describe(),
				emailChannel.describe());
		return new Channels(Map.of(Medium.INBOX, new InboxChannel(inbox, clock), Medium.SMS, smsChannel, Medium.EMAIL,
				emailChannel));
	}

	@Bean
	Dispatcher dispatcher(OutboxMessages outbox, Channels channels, PersonalDataCipher cipher,
			PlatformTransactionManager transactions, Clock clock, NotificationSettings settings) {
		String node = ManagementFactory.getRuntimeMXBean().getName() + "/"
				+ UUID.randomUUID().toString().substring(0, 8);
		return new Dispatcher(outbox, channels, cipher, new TransactionTemplate(transactions), clock,
				settings.retryPolicy(), settings.lease(), settings.batchSize(), node, settings.parallelism());
	}

	@Bean
	@ConditionalOnProperty(name = "deputylink.notifications.dispatcher-enabled", havingValue = "true",
			matchIfMissing = true)
	DispatchSchedule dispatchSchedule(Dispatcher dispatcher, DispatchSignal signal) {
		DispatchSchedule schedule = new DispatchSchedule(dispatcher);
		signal.listen(schedule::wake);
		return schedule;
	}

	/**
	 * Runs the dispatcher on every node (the claims in the table keep the nodes apart):
	 * on a fixed delay, and as soon as this node queued a message. One run at a time; a
	 * wake-up during a run asks for one more run after it, however many arrive.
	 */
	static class DispatchSchedule implements DisposableBean {

		private final Dispatcher dispatcher;

		private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
			Thread t = new Thread(r, "outbox-dispatch");
			t.setDaemon(true);
			return t;
		});

		private final AtomicBoolean queued = new AtomicBoolean();

		DispatchSchedule(Dispatcher dispatcher) {
			this.dispatcher = dispatcher;
		}

		private final AtomicBoolean settle = new AtomicBoolean();

		/**
		 * The scheduled run also settles expired leases; a wake-up after a commit only
		 * delivers.
		 */
		@Scheduled(fixedDelayString = "${deputylink.notifications.dispatch-interval:5s}", initialDelayString = "10s")
		void run() {
			settle.set(true);
			wake();
		}

		void wake() {
			if (queued.compareAndSet(false, true)) {
				try {
					runner.execute(this::runOnce);
				}
				catch (RejectedExecutionException ex) {
					// shutting down
					queued.set(false);
				}
			}
		}

		private void runOnce() {
			queued.set(false);
			try {
				if (settle.getAndSet(false)) {
					dispatcher.dispatchOnce();
				}
				else {
					dispatcher.deliverDue();
				}
			}
			catch (RuntimeException ex) {
				// the database may be away for a moment; the next run tries again
				log.warn("Outbox dispatch failed: {}", ex.toString());
			}
		}

		@Override
		public void destroy() {
			runner.shutdown();
		}

	}

}
