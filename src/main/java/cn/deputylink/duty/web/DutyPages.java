package cn.deputylink.duty.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.duty.Attendance;
import cn.deputylink.duty.Attendee;
import cn.deputylink.duty.DutyDay;
import cn.deputylink.duty.DutyPlanning;
import cn.deputylink.duty.DutyDayChanges;
import cn.deputylink.duty.ReceptionDays;
import cn.deputylink.duty.DutySwaps;
import cn.deputylink.duty.DutyAvailability;
import cn.deputylink.duty.DutyQueries;
import cn.deputylink.duty.DutyFeeds;
import cn.deputylink.duty.DutyStatus;
import cn.deputylink.duty.Reception;
import cn.deputylink.duty.SwapRequest;
import cn.deputylink.duty.Unavailability;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.organisation.Station;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.NotFoundException;
import cn.deputylink.shared.web.FormErrors;

/**
 * The duty pages: for staff a station's month grid (generate, publish, swaps to decide),
 * a day's page (edit, publish, cancel, the reception form); for a deputy "my duty days"
 * (the feed link, unavailability, swap requests). Post-redirect-get with a flash message;
 * a refused reception form is shown again with its input and the reasons.
 */
@Controller
@RequestMapping("/duty")
class DutyPages {

	static final int OPINION_SLOTS = 3;

	private final DutyPlanning planning;

	private final DutyDayChanges changes;

	private final ReceptionDays receptions;

	private final DutySwaps swapRequests;

	private final DutyAvailability availability;

	private final DutyQueries queries;

	private final DutyFeeds feeds;

	private final RegistryLookup registry;

	private final FormErrors errors;

	DutyPages(DutyPlanning planning, DutyDayChanges changes, ReceptionDays receptions, DutySwaps swapRequests,
			DutyAvailability availability, DutyQueries queries, DutyFeeds feeds, RegistryLookup registry,
			FormErrors errors) {
		this.planning = planning;
		this.changes = changes;
		this.receptions = receptions;
		this.swapRequests = swapRequests;
		this.availability = availability;
		this.queries = queries;
		this.feeds = feeds;
		this.registry = registry;
		this.errors = errors;
	}

	private static CurrentUser me() {
		return CurrentUser.get();
	}

	@GetMapping
	String index(Model model) {
		CurrentUser me = me();
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
		CurrentUser me = me();
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
			List<DutyDay> days = planning.plan(id, ym.getYear(), ym.getMonthValue(), null, publish != null, me());
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
			planning.updateSettings(id, number(daysPerMonth), number(deputiesPerDay), version(version), me());
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
			planning.settings(id, me());
			long deputy = parseLong("deputyId", deputyId);
			if (!registry.activeDeputiesOfStation(id).contains(deputy)) {
				throw new InvalidInputException("deputyId", "duty.error.deputyNotAttached");
			}
			availability.declareUnavailable(deputy, from.isBlank() ? null : parseDate("from", from),
					to.isBlank() ? null : parseDate("to", to), reason(reason), note, me());
			redirect.addFlashAttribute("flash", errors.msg("saved"));
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("flashError", String.join("；", errors.of(ex).values()));
		}
		return "redirect:/duty/stations/" + id + "?month=" + ym + "#unavailability-form";
	}

	private static Unavailability.@Nullable Reason reason(String value) {
		try {
			return value.isBlank() ? null : Unavailability.Reason.valueOf(value);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static @Nullable Integer number(String value) {
		try {
			return value.isBlank() ? null : Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	@GetMapping("/days/{id}")
	String day(@PathVariable long id, Model model) {
		DutyDay d = queries.get(id, me());
		return dayPage(d, model, null);
	}

	/** The reception form as typed. */
	record ReceptionForm(Map<Long, String> attendance, Map<Long, String> substitutes, String constituentsReceived,
			List<String> opinions, List<String> categories) {

		static ReceptionForm of(DutyDay d) {
			Map<Long, String> att = new LinkedHashMap<>();
			Map<Long, String> subs = new LinkedHashMap<>();
			for (Attendee a : d.attendees()) {
				att.put(a.deputyId(), a.status() == null ? "PRESENT" : a.status().name());
				subs.put(a.deputyId(), a.substituteId() == null ? "" : String.valueOf(a.substituteId()));
			}
			List<String> empty = new ArrayList<>();
			for (int i = 0; i < OPINION_SLOTS; i++) {
				empty.add("");
			}
			return new ReceptionForm(att, subs,
					d.constituentsReceived() == null ? "" : String.valueOf(d.constituentsReceived()), empty, empty);
		}
	}

	private String dayPage(DutyDay d, Model model, @Nullable ReceptionForm form) {
		CurrentUser me = me();
		Station station = registry.station(d.stationId()).orElseThrow();
		boolean staff = me.isCountyAdmin() || me.role().townshipScoped();
		Set<Long> deputies = new HashSet<>(station.deputyIds());
		deputies.addAll(d.deputyIds());
		deputies.addAll(d.presentDeputyIds());
		List<Long> stationDeputies = registry.activeDeputiesOfStation(d.stationId());
		model.addAttribute("day", d);
		model.addAttribute("station", station);
		model.addAttribute("stationDeputies", stationDeputies);
		model.addAttribute("substitutes", stationDeputies.stream().filter(x -> !d.deputyIds().contains(x)).toList());
		model.addAttribute("names", registry.deputyNames(deputies));
		model.addAttribute("staff", staff);
		model.addAttribute("editable", staff && (d.status() == DutyStatus.DRAFT || d.status() == DutyStatus.PUBLISHED));
		model.addAttribute("receivable",
				staff && d.status() != DutyStatus.CANCELLED && !d.date().isAfter(queries.today()));
		model.addAttribute("form", form == null ? ReceptionForm.of(d) : form);
		model.addAttribute("attendances", Attendance.values());
		model.addAttribute("categories", registry.activeCategories());
		model.addAttribute("opinionSlots", OPINION_SLOTS);
		model.addAttribute("opinions", receptions.receptionOpinions(d.id(), me));
		return "duty/day";
	}

	@PostMapping("/days/{id}/edit")
	String edit(@PathVariable long id, @RequestParam(defaultValue = "") String date,
			@RequestParam(name = "deputyIds", required = false) @Nullable List<String> deputyIds,
			@RequestParam(defaultValue = "") String version, RedirectAttributes redirect) {
		try {
			LocalDate newDate = date.isBlank() ? null : parseDate(date);
			List<Long> ids = new ArrayList<>();
			for (String s : deputyIds == null ? List.<String>of() : deputyIds) {
				ids.add(parseLong("deputyIds", s));
			}
			changes.edit(id, newDate, ids, version(version), me());
			redirect.addFlashAttribute("flash", errors.msg("saved"));
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("flashError", String.join("；", errors.of(ex).values()));
		}
		return "redirect:/duty/days/" + id;
	}

	@PostMapping("/days/{id}/publish")
	String publish(@PathVariable long id, @RequestParam(defaultValue = "") String version,
			RedirectAttributes redirect) {
		try {
			changes.publish(id, version(version), me());
			redirect.addFlashAttribute("flash", errors.msg("duty.page.published"));
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("flashError", String.join("；", errors.of(ex).values()));
		}
		return "redirect:/duty/days/" + id;
	}

	@PostMapping("/days/{id}/cancel")
	String cancel(@PathVariable long id, @RequestParam(defaultValue = "") String version, RedirectAttributes redirect) {
		try {
			changes.cancel(id, version(version), me());
			redirect.addFlashAttribute("flash", errors.msg("duty.page.cancelled"));
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("flashError", String.join("；", errors.of(ex).values()));
		}
		return "redirect:/duty/days/" + id;
	}

	@PostMapping("/days/{id}/reception")
	String reception(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model,
			RedirectAttributes redirect) {
		CurrentUser me = me();
		DutyDay d = queries.get(id, me);
		Map<Long, String> att = new LinkedHashMap<>();
		Map<Long, String> subs = new LinkedHashMap<>();
		List<Attendee> attendance = new ArrayList<>();
		for (Long dep : d.deputyIds()) {
			String status = params.getFirst("att_" + dep);
			String sub = params.getFirst("sub_" + dep);
			att.put(dep, status == null ? "" : status);
			subs.put(dep, sub == null ? "" : sub);
			Attendance a = null;
			try {
				a = status == null || status.isBlank() ? null : Attendance.valueOf(status);
			}
			catch (IllegalArgumentException ex) {
				a = null;
			}
			Long substitute = null;
			if (a == Attendance.SUBSTITUTE && sub != null && !sub.isBlank()) {
				try {
					substitute = Long.parseLong(sub.strip());
				}
				catch (NumberFormatException ex) {
					substitute = -1L;
				}
			}
			attendance.add(new Attendee(dep, a, substitute));
		}
		String received = params.getFirst("constituentsReceived");
		List<String> contents = new ArrayList<>();
		List<String> categories = new ArrayList<>();
		List<Reception.RaisedOpinion> raised = new ArrayList<>();
		for (int i = 0; i < OPINION_SLOTS; i++) {
			String content = params.getFirst("opinion" + i);
			String category = params.getFirst("category" + i);
			contents.add(content == null ? "" : content);
			categories.add(category == null ? "" : category);
			if (content != null && !content.isBlank()) {
				raised.add(new Reception.RaisedOpinion(content, category, null, null, null, true, null, null));
			}
		}
		ReceptionForm form = new ReceptionForm(att, subs, received == null ? "" : received, contents, categories);
		try {
			Integer count;
			try {
				count = received == null || received.isBlank() ? null : Integer.valueOf(received.strip());
			}
			catch (NumberFormatException ex) {
				throw new InvalidInputException("constituentsReceived", "duty.error.range", 0, 100000);
			}
			receptions.recordReception(id,
					new Reception(attendance, count, raised, version(params.getFirst("version"))), me);
		}
		catch (InvalidInputException | ConflictException ex) {
			model.addAttribute("errors", errors.of(ex));
			return dayPage(queries.get(id, me), model, form);
		}
		redirect.addFlashAttribute("flash", errors.msg("duty.page.held"));
		return "redirect:/duty/days/" + id;
	}

	@PostMapping("/swaps/{id}/{decision:approve|refuse}")
	String decide(@PathVariable long id, @PathVariable String decision,
			@RequestParam(defaultValue = "") String stationId, RedirectAttributes redirect) {
		try {
			swapRequests.decideSwap(id, decision.equals("approve"), null, me());
			redirect.addFlashAttribute("flash", errors.msg("duty.page.swap." + decision));
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("flashError", String.join("；", errors.of(ex).values()));
		}
		return stationId.matches("\\d{1,18}") ? "redirect:/duty/stations/" + stationId : "redirect:/duty";
	}

	// the deputy's page

	@GetMapping("/me")
	String mine(Model model) {
		CurrentUser me = me();
		Long deputyId = me.deputyId();
		if (!me.is(Role.DEPUTY) || deputyId == null) {
			throw new AccessDeniedException("deputies only");
		}
		List<DutyDay> upcoming = queries.upcoming(deputyId, me);
		Set<Long> deputies = new HashSet<>();
		Set<Long> stations = new HashSet<>(registry.stationsOfDeputy(deputyId));
		upcoming.forEach(d -> {
			deputies.addAll(d.deputyIds());
			stations.add(d.stationId());
		});
		Map<Long, List<Long>> swapCandidates = new LinkedHashMap<>();
		for (DutyDay d : upcoming) {
			List<Long> candidates = registry.activeDeputiesOfStation(d.stationId())
				.stream()
				.filter(x -> !d.deputyIds().contains(x))
				.toList();
			swapCandidates.put(d.id(), candidates);
			deputies.addAll(candidates);
		}
		var record = queries.record(deputyId, null, me);
		record.forEach(r -> {
			stations.add(r.stationId());
			if (r.substituteId() != null) {
				deputies.add(r.substituteId());
			}
			if (r.substituteFor() != null) {
				deputies.add(r.substituteFor());
			}
		});
		List<SwapRequest> swaps = swapRequests.swaps(null, me);
		swaps.forEach(s -> deputies.addAll(List.of(s.fromDeputyId(), s.toDeputyId())));
		model.addAttribute("deputyId", deputyId);
		model.addAttribute("baseUrl", ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
		model.addAttribute("upcoming", upcoming);
		model.addAttribute("record", record);
		model.addAttribute("swaps", swaps);
		model.addAttribute("swapCandidates", swapCandidates);
		model.addAttribute("names", registry.deputyNames(deputies));
		model.addAttribute("stationNames", registry.stationNames(stations));
		model.addAttribute("unavailability", availability.unavailability(deputyId, me));
		model.addAttribute("reasons", Unavailability.Reason.values());
		model.addAttribute("hasFeed", feeds.hasFeedToken(deputyId, me));
		model.addAttribute("absences",
				record.stream()
					.filter(r -> r.substituteFor() == null
							&& (r.attendance() == Attendance.ABSENT || r.attendance() == Attendance.SUBSTITUTE))
					.count());
		model.addAttribute("held", EnumSet.of(DutyStatus.HELD));
		return "duty/me";
	}

	private long myDeputy() {
		CurrentUser me = me();
		Long deputyId = me.deputyId();
		if (!me.is(Role.DEPUTY) || deputyId == null) {
			throw new AccessDeniedException("deputies only");
		}
		return deputyId;
	}

	@PostMapping("/me/feed")
	String createFeed(RedirectAttributes redirect) {
		String token = feeds.createFeedToken(myDeputy(), me());
		redirect.addFlashAttribute("feedPath", "/ical/deputies/" + token + ".ics");
		redirect.addFlashAttribute("flash", errors.msg("duty.page.feedCreated"));
		return "redirect:/duty/me#feed";
	}

	@PostMapping("/me/feed/revoke")
	String revokeFeed(RedirectAttributes redirect) {
		feeds.revokeFeedToken(myDeputy(), me());
		redirect.addFlashAttribute("flash", errors.msg("duty.page.feedRevoked"));
		return "redirect:/duty/me#feed";
	}

	@PostMapping("/me/unavailability")
	String declare(@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
			@RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String note,
			RedirectAttributes redirect) {
		try {
			Unavailability.Reason r;
			try {
				r = reason.isBlank() ? null : Unavailability.Reason.valueOf(reason);
			}
			catch (IllegalArgumentException ex) {
				r = null;
			}
			availability.declareUnavailable(myDeputy(), from.isBlank() ? null : parseDate("from", from),
					to.isBlank() ? null : parseDate("to", to), r, note, me());
			redirect.addFlashAttribute("flash", errors.msg("saved"));
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("flashError", String.join("；", errors.of(ex).values()));
		}
		return "redirect:/duty/me#unavailability";
	}

	@PostMapping("/me/unavailability/{id}/delete")
	String removeUnavailability(@PathVariable long id, RedirectAttributes redirect) {
		myDeputy();
		availability.removeUnavailability(id, me());
		redirect.addFlashAttribute("flash", errors.msg("duty.page.removed"));
		return "redirect:/duty/me#unavailability";
	}

	@PostMapping("/me/swaps")
	String requestSwap(@RequestParam(defaultValue = "") String dayId,
			@RequestParam(defaultValue = "") String toDeputyId, @RequestParam(defaultValue = "") String note,
			RedirectAttributes redirect) {
		myDeputy();
		try {
			long day = parseLong("dayId", dayId);
			swapRequests.requestSwap(day, null, toDeputyId.isBlank() ? null : parseLong("toDeputyId", toDeputyId), note,
					me());
			redirect.addFlashAttribute("flash", errors.msg("duty.page.swapRequested"));
		}
		catch (InvalidInputException | ConflictException | NotFoundException ex) {
			redirect.addFlashAttribute("flashError", ex instanceof NotFoundException ? errors.msg("error.notFound")
					: String.join("；", errors.of(ex).values()));
		}
		return "redirect:/duty/me";
	}

	private static LocalDate parseDate(String value) {
		return parseDate("date", value);
	}

	private static LocalDate parseDate(String field, String value) {
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, "duty.error.date");
		}
	}

	private static long parseLong(String field, String value) {
		try {
			return Long.parseLong(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(field, "duty.error.unknownValue");
		}
	}

	private static @Nullable Integer version(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("version", "duty.error.unknownValue");
		}
	}

}
