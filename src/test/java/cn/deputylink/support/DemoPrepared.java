package cn.deputylink.support;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.deputylink.demo.DemoStatus;

/**
 * The demo writes the county's work in the background after start-up, and the other
 * modules' listeners hear its events after that, on other threads. The tests' context is
 * ready only once both are done: the demo's own status says so (as the pages' banner
 * reads it), and the event publication registry holds nothing incomplete. Otherwise the
 * first tests of a context would race the listeners still counting the demo (a
 * performance file's "converted" read before and after a test's own step would differ by
 * the demo's conversions heard in between). The context fails to start if either does not
 * happen.
 */
@TestConfiguration(proxyBeanMethods = false)
public class DemoPrepared {

	private static final Logger log = LoggerFactory.getLogger(DemoPrepared.class);

	private static final Duration AT_MOST = Duration.ofMinutes(5);

	@Bean
	ApplicationListener<ApplicationReadyEvent> awaitDemoPrepared(DemoStatus status, JdbcClient jdbc) {
		return event -> {
			try {
				long start = System.nanoTime();
				if (!status.awaitPrepared(AT_MOST)) {
					throw new IllegalStateException("the demo county's work was not prepared");
				}
				long prepared = System.nanoTime();
				int pending = EventPublications.incomplete(jdbc);
				if (!EventPublications.drained(jdbc, AT_MOST)) {
					throw new IllegalStateException("the listeners did not hear the demo county's events within "
							+ AT_MOST + ": " + EventPublications.incomplete(jdbc) + " publications incomplete");
				}
				log.info("Demo prepared {} ms after the context was ready; its {} event publications heard {} ms later",
						(prepared - start) / 1_000_000, pending, (System.nanoTime() - prepared) / 1_000_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		};
	}

}
