package cn.deputylink.activity;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.activity.internal.ActivityReads;

/**
 * What other modules read of activities, without a user (they check their own scope): the
 * counting activities ({@link ActivityStatus#counts()}) of deputies, for their
 * performance files and points.
 */
@Service
public class ActivityRecords {

	private final ActivityReads reads;

	ActivityRecords(ActivityReads reads) {
		this.reads = reads;
	}

	/**
	 * Counting activities (recorded by staff, or reported and approved) dated in [from,
	 * to] that at least one of these deputies took part in, oldest first; one row per
	 * activity with all its deputies.
	 */
	@Transactional(readOnly = true)
	public List<Activity> countingOf(Collection<Long> deputyIds, LocalDate from, LocalDate to) {
		return reads.countingOfDeputies(deputyIds, from, to);
	}

	/** One activity in whatever status, for the figures; empty when unknown. */
	@Transactional(readOnly = true)
	public Optional<Activity> activity(long id) {
		return reads.any(id);
	}

	/**
	 * Activities in whatever status, in id order after {@code afterId}, at most
	 * {@code limit} (the statistics' reconciliation).
	 */
	@Transactional(readOnly = true)
	public List<Activity> all(long afterId, int limit) {
		return reads.all(afterId, limit);
	}

}
