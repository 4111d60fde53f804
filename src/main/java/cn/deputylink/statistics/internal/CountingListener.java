package cn.deputylink.statistics.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import cn.deputylink.activity.ActivityEvent;
import cn.deputylink.opinion.OpinionEvent;

/**
 * Hears every opinion and activity event after its transaction committed, through the
 * event publication registry (an event whose handling fails stays incomplete and is
 * resubmitted), and recounts the one record it is about.
 */
@Component
class CountingListener {

	private final Counting counting;

	CountingListener(Counting counting) {
		this.counting = counting;
	}

	@ApplicationModuleListener
	void on(OpinionEvent event) {
		counting.opinion(event.opinionId());
	}

	@ApplicationModuleListener
	void on(ActivityEvent event) {
		counting.activity(event.activityId());
	}

}
