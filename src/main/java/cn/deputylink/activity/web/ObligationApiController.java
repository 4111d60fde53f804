package cn.deputylink.activity.web;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.activity.ComplianceReport;
import cn.deputylink.activity.ObligationStatus;
import cn.deputylink.activity.ObligationTracker;

/**
 * The "三个一" as {@code docs/api.md} fixes it, and the compliance of a county, township or
 * station.
 */
@RestController
class ObligationApiController {

	private final ObligationTracker tracker;

	ObligationApiController(ObligationTracker tracker) {
		this.tracker = tracker;
	}

	/**
	 * {@code {year, quarterlyVisits: [{quarter, count, met}], practicalDeeds: {count,
	 * met}, povertyAidHouseholds: {count, met}, allMet}}.
	 */
	@GetMapping("/api/v1/deputies/{id}/obligations")
	ObligationStatus obligations(@PathVariable long id, @RequestParam(required = false) @Nullable Integer year) {
		return tracker.status(id, year, CurrentUser.get());
	}

	@GetMapping("/api/v1/obligations/compliance")
	ComplianceReport compliance(@RequestParam(required = false) @Nullable Integer year,
			@RequestParam(required = false) @Nullable Long townshipId,
			@RequestParam(required = false) @Nullable Long stationId) {
		return tracker.compliance(year, townshipId, stationId, CurrentUser.get());
	}

}
