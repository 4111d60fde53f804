package cn.deputylink.activity;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.activity.internal.ObligationTracking;

/**
 * The "三个一" (a visit every quarter, a practical deed and a helped paired household every
 * year) per deputy and year, and the compliance of a county, township or station. The
 * default year is the county's current one ({@code deputylink.zone}).
 */
@Service
public class ObligationTracker {

	private final ObligationTracking tracking;

	ObligationTracker(ObligationTracking tracking) {
		this.tracking = tracking;
	}

	/** 404 for an unknown deputy, 403 out of scope, 400 for a year outside 2000–2100. */
	@Transactional(readOnly = true)
	public ObligationStatus status(long deputyId, @Nullable Integer year, CurrentUser user) {
		return tracking.status(deputyId, year, user);
	}

	/** One deputy's items with their states as of today. */
	@Transactional(readOnly = true)
	public ComplianceRow row(long deputyId, @Nullable Integer year, CurrentUser user) {
		return tracking.row(deputyId, year, user);
	}

	@Transactional(readOnly = true)
	public ComplianceReport compliance(@Nullable Integer year, @Nullable Long townshipId, @Nullable Long stationId,
			CurrentUser user) {
		return tracking.compliance(year, townshipId, stationId, user);
	}

	/** The year asked for or the county's current one (400 out of range). */
	public int year(@Nullable Integer year) {
		return tracking.year(year);
	}

	/** The county's current quarter. */
	public int currentQuarter() {
		return tracking.currentQuarter();
	}

}
