package cn.deputylink.organisation.web;

import java.util.EnumSet;
import java.util.List;

import jakarta.validation.Valid;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.organisation.Facility;
import cn.deputylink.organisation.Forms.StationForm;
import cn.deputylink.organisation.ListFilter;
import cn.deputylink.organisation.Station;
import cn.deputylink.organisation.StationService;
import cn.deputylink.organisation.Township;
import cn.deputylink.organisation.TownshipService;
import cn.deputylink.organisation.VillageService;
import cn.deputylink.shared.PageView;
import cn.deputylink.shared.web.FormErrors;

/**
 * Stations: list, create, edit; the village choices follow the chosen township (htmx).
 */
@Controller
@RequestMapping("/org/stations")
class StationPages {

	private final TownshipService townships;

	private final VillageService villages;

	private final StationService stations;

	private final PageSupport pages;

	StationPages(TownshipService townships, VillageService villages, StationService stations, FormErrors errors) {
		this.townships = townships;
		this.villages = villages;
		this.stations = stations;
		this.pages = new PageSupport(errors);
	}

	private List<Township> townshipChoices(CurrentUser me) {
		return townships.list(ListFilter.all(), me, 0, 500, 0);
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "1") int page, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Long townshipId, Model model) {
		CurrentUser me = CurrentUser.get();
		ListFilter f = new ListFilter(q, townshipId, null, null);
		model.addAttribute("page", new PageView<>(stations.list(f, me, 0, PageView.SIZE, PageView.offset(page)), page,
				PageView.SIZE, stations.count(f, me)));
		model.addAttribute("q", q);
		model.addAttribute("townshipId", townshipId);
		model.addAttribute("townships", townshipChoices(me));
		return "org/stations";
	}

	private void prepare(Model model, @Nullable Long townshipId) {
		CurrentUser me = CurrentUser.get();
		List<Township> choices = townshipChoices(me);
		model.addAttribute("townships", choices);
		model.addAttribute("facilities", Facility.values());
		Long t = townshipId != null ? townshipId : choices.isEmpty() ? null : choices.get(0).id();
		model.addAttribute("villages", t == null ? List.of() : villages.ofTownship(t, me));
	}

	@GetMapping("/new")
	String newForm(@RequestParam(required = false) @Nullable Long townshipId, Model model) {
		CurrentUser.get().requireRole(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);
		prepare(model, townshipId);
		model.addAttribute("form",
				new StationForm(townshipId, "", "", "", EnumSet.allOf(Facility.class), "", List.of(), null));
		return "org/station-form";
	}

	/**
	 * The village checkboxes of one township, swapped in when the township select
	 * changes.
	 */
	@GetMapping("/villages")
	String villageChoices(@RequestParam long townshipId, Model model) {
		model.addAttribute("villages", villages.ofTownship(townshipId, CurrentUser.get()));
		model.addAttribute("form", new StationForm(townshipId, "", "", "", null, "", List.of(), null));
		return "org/station-form :: villages";
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") StationForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		return pages.save(StationForm.class, binding, model, redirect, "org/station-form", "/org/stations",
				() -> prepare(model, form.townshipId()), () -> stations.create(form, CurrentUser.get()));
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		Station s = stations.get(id, CurrentUser.get());
		prepare(model, s.townshipId());
		model.addAttribute("id", id);
		model.addAttribute("form", new StationForm(s.townshipId(), s.name(), s.address(), s.openingRule(),
				s.facilities(), s.liaisonOfficers(), s.villageIds(), s.version()));
		return "org/station-form";
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") StationForm form, BindingResult binding,
			Model model, RedirectAttributes redirect) {
		model.addAttribute("id", id);
		return pages.save(StationForm.class, binding, model, redirect, "org/station-form", "/org/stations",
				() -> prepare(model, form.townshipId()), () -> stations.update(id, form, CurrentUser.get()));
	}

	@PostMapping("/{id}/active")
	String setActive(@PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect) {
		return pages.act(redirect, "/org/stations", () -> stations.setActive(id, active, CurrentUser.get()));
	}

}
