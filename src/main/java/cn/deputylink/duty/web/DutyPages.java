package cn.deputylink.duty.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.calendar.WorkingCalendar;
import cn.deputylink.duty.DutyAvailability;
import cn.deputylink.duty.DutyDay;
import cn.deputylink.duty.DutyPlanning;
import cn.deputylink.duty.DutyQueries;
import cn.deputylink.duty.DutySwaps;
import cn.deputylink.duty.SwapRequest;
import cn.deputylink.duty.Unavailability;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.organisation.Station;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.NotFoundException;
import cn.deputylink.shared.web.FormErrors;

/**
 * The staff's duty pages: the stations in scope and a station's month grid (plan,
 * settings, a deputy's unavailability, swaps to decide). Post-redirect-get with a flash
 * message.
 */
@Controller
@RequestMapping("/duty")
class DutyPages {

	private final DutyPlanning planning;

	private final DutySwaps swapRequests;

	private final DutyAvailability availability;

	private final DutyQueries queries;

	private final RegistryLookup registry;

	private final FormErrors errors;

	private final WorkingCalendar calendar;

	DutyPages(DutyPlanning planning, DutySwaps swapRequests, DutyAvailability availability, DutyQueries queries,
			RegistryLookup registry, FormErrors errors, WorkingCalendar calendar) {
		this.planning = planning;
		this.swapRequests = swapRequests;
		this.availability = availability;
		this.queries = queries;
		this.registry = registry;
		this.errors = errors;
		this.calendar = calendar;
	}

	@GetMapping
	String index(Model model) {
		CurrentUser me = PageInputs.me();
		if (me.is(Role.DEPUTY)) {
			return "redirect:/duty/me";
		}
		if (!me.isCountyAdmin() && !me.role().townshipScoped()) {
			throw new AccessDeniedException("duty pages");
		}
		if (me.stationId() != null) {
			return "redirect:/duty/stations/" + me.stationId();
		}
		model.addAttribute("stations", registry.stationsOf(me.isCountyAdmin() ? null : me.townshipId()));
		return "duty/stations";
	}

	/** One cell of the month grid: a date of the month (or a blank) and its duty days. */
	record Cell(@Nullable LocalDate date, List<DutyDay> days) {
	}

	@GetMapping("/stations/{id}")
	String month(@PathVariable long id, @RequestParam(required = false) @Nullable String month, Model model) {
		CurrentUser me = PageInputs.me();
		YearMonth ym = yearMonth(month);
		List<DutyDay> days = queries.list(id, ym.atDay(1), ym.atEndOfMonth(), me);
		Station station = registry.station(id).orElseThrow(() -> new NotFoundException("station", id));
		boolean staff = me.isCountyAdmin() || me.role().townshipScoped();
		List<Cell> cells = new ArrayList<>();
		int blanks = ym.atDay(1).getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue();
		for (int i = 0; i < blanks; i++) {
			cells.add(new Cell(null, List.of()));
		}
		for (int d = 1; d <= ym.lengthOfMonth(); d++) {
			LocalDate date = ym.atDay(d);
			cells.add(new Cell(date, days.stream().filter(x -> x.date().equals(date)).toList()));
		}
		Set<Long> deputies = new HashSet<>(station.deputyIds());
		days.forEach(d -> deputies.addAll(d.deputyIds()));
		model.addAttribute("station", station);
		model.addAttribute("month", ym);
		model.addAttribute("prev", ym.minusMonths(1));
		model.addAttribute("next", ym.plusMonths(1));
		model.addAttribute("cells", cells);
		model.addAttribute("days", days);
		model.addAttribute("names", registry.deputyNames(deputies));
		model.addAttribute("staff", staff);
		model.addAttribute("settings", planning.settings(id, me));
		model.addAttribute("leadDays", planning.publishLeadDays());
		// a year whose holidays are not imported yet: the proposed days may fall on one
		model.addAttribute("calendarUnknown", !calendar.knowsYear(ym.getYear()));
		List<SwapRequest> swaps = staff
				? swapRequests.swaps(SwapRequest.Status.PENDING, me).stream().filter(s -> s.stationId() == id).toList()
				: List.of();
		model.addAttribute("swaps", swaps);
		swaps.forEach(s -> deputies.addAll(List.of(s.fromDeputyId(), s.toDeputyId())));
		Map<Long, String> names = registry.deputyNames(deputies);
		model.addAttribute("names", names);
		Map<Long, String> dayNames = new LinkedHashMap<>();
		days.forEach(d -> dayNames.put(d.id(),
				String.join("、", d.deputyIds().stream().map(x -> names.getOrDefault(x, "")).toList())));
		model.addAttribute("dayNames", dayNames);
		LocalDate monday = ym.atDay(1).with(DayOfWeek.MONDAY);
		List<LocalDate> weekdays = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			weekdays.add(monday.plusDays(i));
		}
		model.addAttribute("weekdays", weekdays);
		model.addAttribute("stationDeputies", registry.activeDeputiesOfStation(id));
		model.addAttribute("reasons", Unavailability.Reason.values());
		return "duty/month";
	}

	private YearMonth yearMonth(@Nullable String month) {
		if (month != null) {
			try {
				YearMonth ym = YearMonth.parse(month.strip());
				if (ym.getYear() >= 2000 && ym.getYear() <= 2100) {
					return ym;
				}
			}
			catch (DateTimeParseException ex) {
				// a month typed by hand: this month
			}
		}
		return YearMonth.from(queries.today());
	}

	@PostMapping("/stations/{id}/plan")
	String plan(@PathVariable long id, @RequestParam(defaultValue = "") String month,
			@RequestParam(required = false) @Nullable String publish, RedirectAttributes redirect) {
		YearMonth ym = yearMonth(month);
		try {
			List<DutyDay> days = planning.plan(id, ym.getYear(), ym.getMonthValue(), null, publish != null,
					PageInputs.me());
			redirect.addFlashAttribute("flash", errors.msg("duty.page.planned", days.size()));
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("flashError", String.join("；", errors.of(ex).values()));
		}
		return "redirect:/duty/stations/" + id + "?month=" + ym;
	}

	@PostMapping("/stations/{id}/settings")
	String settings(@PathVariable long id, @RequestParam(defaultValue = "") String daysPerMonth,
			@RequestParam(defaultValue = "") String deputiesPerDay, @RequestParam(defaultValue = "") String version,
			@RequestParam(defaultValue = "") String month, RedirectAttributes redirect) {
		YearMonth ym = yearMonth(month);
		try {
			planning.updateSettings(id, PageInputs.number(daysPerMonth), PageInputs.number(deputiesPerDay),
					PageInputs.version(version), PageInputs.me());
			redirect.addFlashAttribute("flash", errors.msg("saved"));
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("flashError", String.join("；", errors.of(ex).values()));
		}
		return "redirect:/duty/stations/" + id + "?month=" + ym;
	}

	/** Staff declare a deputy of the station unavailable (leave, illness). */
	@PostMapping("/stations/{id}/unavailability")
	String declareFor(@PathVariable long id, @RequestParam(defaultValue = "") String deputyId,
			@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
			@RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String note,
			@RequestParam(defaultValue = "") String month, RedirectAttributes redirect) {
		YearMonth ym = yearMonth(month);
		try {
			planning.settings(id, PageInputs.me());
			long deputy = PageInputs.parseLong("deputyId", deputyId);
			if (!registry.activeDeputiesOfStation(id).contains(deputy)) {
				throw new InvalidInputException("deputyId", "duty.error.deputyNotAttached");
			}
			availability.declareUnavailable(deputy, from.isBlank() ? null : PageInputs.parseDate("from", from),
					to.isBlank() ? null : PageInputs.parseDate("to", to), PageInputs.reason(reason), note,
					PageInputs.me());
			redirect.addFlashAttribute("flash", errors.msg("saved"));
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("flashError", String.join("；", errors.of(ex).values()));
		}
		return "redirect:/duty/stations/" + id + "?month=" + ym + "#unavailability-form";
	}

	@PostMapping("/swaps/{id}/{decision:approve|refuse}")
	String decide(@PathVariable long id, @PathVariable String decision,
			@RequestParam(defaultValue = "") String stationId, RedirectAttributes redirect) {
		try {
			swapRequests.decideSwap(id, decision.equals("approve"), null, PageInputs.me());
			redirect.addFlashAttribute("flash", errors.msg("duty.page.swap." + decision));
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("flashError", String.join("；", errors.of(ex).values()));
		}
		return stationId.matches("\\d{1,18}") ? "redirect:/duty/stations/" + stationId : "redirect:/duty";
	}

}
