package cn.deputylink.support;

import java.time.Duration;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

import cn.deputylink.demo.DemoStatus;

/**
 * The demo writes the county's work in the background after start-up; the tests' context
 * is ready only once it is there (the demo's own status, as the pages' banner reads it),
 * and fails to start if it could not be written.
 */
@TestConfiguration(proxyBeanMethods = false)
public class DemoPrepared {

	@Bean
	ApplicationListener<ApplicationReadyEvent> awaitDemoPrepared(DemoStatus status) {
		return event -> {
			try {
				if (!status.awaitPrepared(Duration.ofMinutes(5))) {
					throw new IllegalStateException("the demo county's work was not prepared");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		};
	}

}
