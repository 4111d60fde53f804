package cn.deputylink.activity.web;

import static cn.deputylink.activity.web.HouseholdPageSupport.date;
import static cn.deputylink.activity.web.HouseholdPageSupport.integer;
import static cn.deputylink.activity.web.HouseholdPageSupport.number;
import static cn.deputylink.activity.web.HouseholdPageSupport.throwIfAny;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.activity.HouseholdDetail;
import cn.deputylink.activity.HouseholdForm;
import cn.deputylink.activity.HouseholdHelpForm;
import cn.deputylink.activity.HouseholdRegister;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.InvalidInputException.FieldError;
import cn.deputylink.shared.PageView;
import cn.deputylink.shared.web.FormErrors;

/**
 * The pairing register's pages: the list (names masked), the household form, the
 * household with its pairings and help, and the form to record help. A refused form is
 * shown again with its messages and what was typed.
 */
@Controller
@RequestMapping("/households")
class HouseholdPages {

	private final HouseholdRegister register;

	private final HouseholdPageSupport support;

	private final FormErrors errors;

	HouseholdPages(HouseholdRegister register, HouseholdPageSupport support, FormErrors errors) {
		this.register = register;
		this.support = support;
		this.errors = errors;
	}

	/** The household form as typed: every part text, so any input comes back. */
	record HouseholdPageForm(@Nullable String name, @Nullable String villageId, @Nullable String situation,
			@Nullable String idNumber, @Nullable String version) {

		static HouseholdPageForm empty() {
			return new HouseholdPageForm("", "", "", "", "");
		}

	}

	/** The help form as typed. */
	record HelpPageForm(@Nullable String date, @Nullable List<String> deputyIds, @Nullable String title,
			@Nullable String note) {
	}

	private static boolean staff(CurrentUser u) {
		return u.isCountyAdmin() || u.role().townshipScoped();
	}

	private static void requireStaff(CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN, Role.STATION_LIAISON);
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "1") int page, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Long villageId, Model model) {
		CurrentUser me = CurrentUser.get();
		model.addAttribute("page",
				new PageView<>(register.list(villageId, q, me, 0, PageView.SIZE, PageView.offset(page)), page,
						PageView.SIZE, register.count(villageId, q, me)));
		model.addAttribute("q", q);
		model.addAttribute("villageId", villageId);
		model.addAttribute("villages", staff(me) ? support.villages(me) : List.of());
		model.addAttribute("staff", staff(me));
		return "activity/households";
	}

	@GetMapping("/new")
	String newForm(Model model) {
		CurrentUser me = CurrentUser.get();
		requireStaff(me);
		model.addAttribute("form", HouseholdPageForm.empty());
		model.addAttribute("villages", support.villages(me));
		return "activity/household-form";
	}

	@PostMapping
	String create(@ModelAttribute("form") HouseholdPageForm form, Model model, RedirectAttributes redirect) {
		CurrentUser me = CurrentUser.get();
		requireStaff(me);
		try {
			long id = register.create(parse(form, false), me).id();
			redirect.addFlashAttribute("flash", errors.msg("saved"));
			return "redirect:/households/" + id;
		}
		catch (InvalidInputException | ConflictException ex) {
			model.addAttribute("errors", errors.of(ex));
			model.addAttribute("villages", support.villages(me));
			return "activity/household-form";
		}
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		CurrentUser me = CurrentUser.get();
		requireStaff(me);
		var h = register.get(id, me).household();
		model.addAttribute("id", id);
		model.addAttribute("form", new HouseholdPageForm(h.name(), String.valueOf(h.villageId()),
				h.situation() == null ? "" : h.situation(), "", String.valueOf(h.version())));
		model.addAttribute("storedIdNumber", h.idNumber());
		model.addAttribute("villages", support.villages(me));
		return "activity/household-form";
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @ModelAttribute("form") HouseholdPageForm form, Model model,
			RedirectAttributes redirect) {
		CurrentUser me = CurrentUser.get();
		requireStaff(me);
		try {
			register.update(id, parse(form, true), me);
			redirect.addFlashAttribute("flash", errors.msg("saved"));
			return "redirect:/households/" + id;
		}
		catch (InvalidInputException | ConflictException ex) {
			model.addAttribute("errors", errors.of(ex));
			model.addAttribute("id", id);
			model.addAttribute("storedIdNumber", register.get(id, me).household().idNumber());
			model.addAttribute("villages", support.villages(me));
			return "activity/household-form";
		}
	}

	private static HouseholdForm parse(HouseholdPageForm f, boolean edit) {
		List<FieldError> bad = new ArrayList<>();
		Long village = number(f.villageId(), "villageId", bad);
		Integer version = edit ? integer(f.version(), "version", bad) : null;
		throwIfAny(bad);
		return new HouseholdForm(f.name(), village, f.situation(), f.idNumber(), version);
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model) {
		CurrentUser me = CurrentUser.get();
		HouseholdDetail d = register.get(id, me);
		showDetail(d, me, model);
		return "activity/household";
	}

	private void showDetail(HouseholdDetail d, CurrentUser me, Model model) {
		model.addAttribute("detail", d);
		model.addAttribute("h", d.household());
		model.addAttribute("staff", staff(me));
		if (staff(me)) {
			model.addAttribute("deputies", support.deputiesOf(d.household().townshipId()));
		}
	}

	@PostMapping("/{id}/pairings")
	String pair(@PathVariable long id, @RequestParam(required = false) @Nullable List<String> deputyIds,
			@RequestParam(required = false) @Nullable String startDate, Model model, RedirectAttributes redirect) {
		CurrentUser me = CurrentUser.get();
		requireStaff(me);
		try {
			List<FieldError> bad = new ArrayList<>();
			List<Long> ids = new ArrayList<>();
			if (deputyIds != null) {
				for (String s : deputyIds) {
					Long n = number(s, "deputyIds", bad);
					if (n != null) {
						ids.add(n);
					}
				}
			}
			var start = date(startDate, "startDate", bad);
			throwIfAny(bad);
			register.pair(id, ids, start, me);
			redirect.addFlashAttribute("flash", errors.msg("saved"));
			return "redirect:/households/" + id;
		}
		catch (InvalidInputException | ConflictException ex) {
			model.addAttribute("errors", errors.of(ex));
			model.addAttribute("startDate", startDate);
			showDetail(register.get(id, me), me, model);
			return "activity/household";
		}
	}

	@PostMapping("/{id}/pairings/{pairingId}/end")
	String end(@PathVariable long id, @PathVariable long pairingId,
			@RequestParam(required = false) @Nullable String version, RedirectAttributes redirect) {
		CurrentUser me = CurrentUser.get();
		requireStaff(me);
		try {
			List<FieldError> bad = new ArrayList<>();
			Integer v = integer(version, "version", bad);
			throwIfAny(bad);
			register.endPairing(id, pairingId, null, v, me);
			redirect.addFlashAttribute("flash", errors.msg("saved"));
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("flashError", String.join(" ", errors.of(ex).values()));
		}
		return "redirect:/households/" + id;
	}

	@GetMapping("/{id}/help")
	String helpForm(@PathVariable long id, Model model) {
		CurrentUser me = CurrentUser.get();
		requireStaff(me);
		HouseholdDetail d = register.get(id, me);
		List<String> paired = d.pairings()
			.stream()
			.filter(p -> p.endDate() == null)
			.map(p -> String.valueOf(p.deputyId()))
			.toList();
		model.addAttribute("form", new HelpPageForm("", paired, "", ""));
		prepareHelp(d, model);
		return "activity/household-help";
	}

	private void prepareHelp(HouseholdDetail d, Model model) {
		model.addAttribute("h", d.household());
		model.addAttribute("deputies", support.deputiesOf(d.household().townshipId()));
	}

	@PostMapping("/{id}/help")
	String help(@PathVariable long id, @ModelAttribute("form") HelpPageForm form, Model model,
			RedirectAttributes redirect) {
		CurrentUser me = CurrentUser.get();
		requireStaff(me);
		try {
			List<FieldError> bad = new ArrayList<>();
			List<Long> ids = new ArrayList<>();
			if (form.deputyIds() != null) {
				for (String s : form.deputyIds()) {
					Long n = number(s, "deputyIds", bad);
					if (n != null) {
						ids.add(n);
					}
				}
			}
			var day = date(form.date(), "date", bad);
			if (day == null && bad.isEmpty()) {
				bad.add(new FieldError("date", "validation.required"));
			}
			throwIfAny(bad);
			register.recordHelp(id, new HouseholdHelpForm(day, ids, form.title(), form.note()), me);
			redirect.addFlashAttribute("flash", errors.msg("saved"));
			return "redirect:/households/" + id;
		}
		catch (InvalidInputException | ConflictException ex) {
			model.addAttribute("errors", errors.of(ex));
			prepareHelp(register.get(id, me), model);
			return "activity/household-help";
		}
	}

}
