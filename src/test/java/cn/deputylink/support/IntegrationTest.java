package cn.deputylink.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port with the demo county loaded, on H2 or — when the
 * build sets {@code deputylink.test.db=postgres} — on a fresh schema of the local
 * PostgreSQL server. Every integration test class (named {@code *IT}) carries this one
 * annotation, so they share one context per database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "deputylink.demo.enabled=true", "logging.level.cn.deputylink=INFO",
				// tests run the outbox dispatcher themselves, deterministically
				"deputylink.notifications.dispatcher-enabled=false",
				"deputylink.opinions.overdue-notices-enabled=false",
				// tests run the "三个一" reminders themselves
				"deputylink.obligations.reminders-enabled=false",
				// every test calls from one address: the limits are tested with small
				// ones in RateLimitIT
				"deputylink.rate-limits.submissions.limit=1000000", "deputylink.rate-limits.tracking.limit=1000000",
				"deputylink.rate-limits.logins.limit=1000000", "deputylink.rate-limits.sms-per-phone.limit=1000000" })
@ContextConfiguration(initializers = TestDatabase.class)
@Import(DemoPrepared.class)
public @interface IntegrationTest {

}
