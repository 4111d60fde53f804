package cn.deputylink.activity.web;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.activity.ComplianceRow;
import cn.deputylink.activity.ObligationTracker;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.web.FormErrors;

/**
 * The "三个一" pages: a deputy's own year on a phone (the four quarters, the deed, the
 * household), the same page for staff looking at one deputy, and the compliance page of
 * the county, a township or a station.
 */
@Controller
@RequestMapping("/obligations")
class ObligationPages {

	private final ObligationTracker tracker;

	private final HouseholdPageSupport support;

	private final FormErrors errors;

	ObligationPages(ObligationTracker tracker, HouseholdPageSupport support, FormErrors errors) {
		this.tracker = tracker;
		this.support = support;
		this.errors = errors;
	}

	@GetMapping("/me")
	String mine(@RequestParam(required = false) @Nullable String year, Model model) {
		CurrentUser me = CurrentUser.get();
		me.requireRole(Role.DEPUTY);
		if (me.deputyId() == null) {
			throw new AccessDeniedException("no deputy");
		}
		return deputy(me.deputyId(), year, model);
	}

	@GetMapping("/deputies/{id}")
	String deputy(@PathVariable long id, @RequestParam(required = false) @Nullable String year, Model model) {
		CurrentUser me = CurrentUser.get();
		Integer y = parseYear(year, model);
		ComplianceRow row = tracker.row(id, y, me);
		model.addAttribute("row", row);
		model.addAttribute("year", tracker.year(y));
		model.addAttribute("currentQuarter", tracker.currentQuarter());
		model.addAttribute("own", me.is(Role.DEPUTY));
		return "activity/obligations";
	}

	@GetMapping("/compliance")
	String compliance(@RequestParam(required = false) @Nullable String year,
			@RequestParam(required = false) @Nullable Long townshipId,
			@RequestParam(required = false) @Nullable Long stationId,
			@RequestParam(required = false) @Nullable Boolean behind, Model model) {
		CurrentUser me = CurrentUser.get();
		me.requireRole(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN, Role.STATION_LIAISON);
		Integer y = parseYear(year, model);
		var report = tracker.compliance(y, townshipId, stationId, me);
		model.addAttribute("report", report);
		model.addAttribute("rows", Boolean.TRUE.equals(behind)
				? report.items().stream().filter(ComplianceRow::behind).toList() : report.items());
		model.addAttribute("behind", behind);
		model.addAttribute("townships", support.townships(me));
		var stations = support.stations(me, townshipId);
		model.addAttribute("stations", stations);
		model.addAttribute("stationNames", support.stationNames(support.stations(me, null)));
		model.addAttribute("townshipId", townshipId);
		model.addAttribute("stationId", stationId);
		return "activity/compliance";
	}

	/**
	 * A typed year: null for the current one; a message and the current year if it is no
	 * number.
	 */
	private @Nullable Integer parseYear(@Nullable String year, Model model) {
		if (year == null || year.isBlank()) {
			return null;
		}
		try {
			int y = Integer.parseInt(year.strip());
			tracker.year(y);
			return y;
		}
		catch (NumberFormatException | InvalidInputException ex) {
			model.addAttribute("flashError", errors.msg("obligation.year.range", 2000, 2100));
			FormErrors.markRefused();
			return null;
		}
	}

}
