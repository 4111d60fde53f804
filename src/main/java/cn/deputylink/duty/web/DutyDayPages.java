package cn.deputylink.duty.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.duty.Attendance;
import cn.deputylink.duty.Attendee;
import cn.deputylink.duty.DutyDay;
import cn.deputylink.duty.DutyDayChanges;
import cn.deputylink.duty.DutyQueries;
import cn.deputylink.duty.DutyStatus;
import cn.deputylink.duty.Reception;
import cn.deputylink.duty.ReceptionDays;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.organisation.Station;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.web.FormErrors;

/**
 * A duty day's page: edit, publish, cancel and the reception form. Post-redirect-get with
 * a flash message; a refused reception form is shown again with its input and the
 * reasons.
 */
@Controller
@RequestMapping("/duty")
class DutyDayPages {

	static final int OPINION_SLOTS = 3;

	private final DutyDayChanges changes;

	private final ReceptionDays receptions;

	private final DutyQueries queries;

	private final RegistryLookup registry;

	private final FormErrors errors;

	DutyDayPages(DutyDayChanges changes, ReceptionDays receptions, DutyQueries queries, RegistryLookup registry,
			FormErrors errors) {
		this.changes = changes;
		this.receptions = receptions;
		this.queries = queries;
		this.registry = registry;
		this.errors = errors;
	}

	@GetMapping("/days/{id}")
	String day(@PathVariable long id, Model model) {
		DutyDay d = queries.get(id, PageInputs.me());
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
		CurrentUser me = PageInputs.me();
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
			LocalDate newDate = date.isBlank() ? null : PageInputs.parseDate(date);
			List<Long> ids = new ArrayList<>();
			for (String s : deputyIds == null ? List.<String>of() : deputyIds) {
				ids.add(PageInputs.parseLong("deputyIds", s));
			}
			changes.edit(id, newDate, ids, PageInputs.version(version), PageInputs.me());
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
			changes.publish(id, PageInputs.version(version), PageInputs.me());
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
			changes.cancel(id, PageInputs.version(version), PageInputs.me());
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
		CurrentUser me = PageInputs.me();
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
					new Reception(attendance, count, raised, PageInputs.version(params.getFirst("version"))), me);
		}
		catch (InvalidInputException | ConflictException ex) {
			model.addAttribute("errors", errors.of(ex));
			return dayPage(queries.get(id, me), model, form);
		}
		redirect.addFlashAttribute("flash", errors.msg("duty.page.held"));
		return "redirect:/duty/days/" + id;
	}

}
