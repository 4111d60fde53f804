package cn.deputylink.shared.internal;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries the listeners of other modules that failed. A publication of the registry stays
 * incomplete until its {@code @ApplicationModuleListener} returns; this job hands every
 * publication older than {@code deputylink.events.resubmit-after} to its listener again,
 * on one node at a time (a ShedLock lease), so that a listener that failed — its database
 * briefly away, a bug fixed by a deployment — catches up instead of losing the event.
 * Younger ones are left alone: their first delivery may still be under way.
 */
@Component
public class EventResubmission {

	private static final Logger log = LoggerFactory.getLogger(EventResubmission.class);

	private final IncompleteEventPublications incomplete;

	private final Duration after;

	EventResubmission(IncompleteEventPublications incomplete,
			@Value("${deputylink.events.resubmit-after:5m}") Duration after) {
		this.incomplete = incomplete;
		this.after = after;
	}

	@Scheduled(fixedDelayString = "${deputylink.events.resubmit-interval:5m}", initialDelayString = "PT3M")
	@SchedulerLock(name = "resubmit-event-publications", lockAtMostFor = "PT10M")
	public void resubmitStale() {
		log.debug("Resubmitting event publications incomplete for more than {}", after);
		incomplete.resubmitIncompletePublicationsOlderThan(after);
	}

}
