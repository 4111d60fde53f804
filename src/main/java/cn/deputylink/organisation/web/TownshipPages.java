package cn.deputylink.organisation.web;

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
import cn.deputylink.organisation.Forms.TownshipForm;
import cn.deputylink.organisation.Forms.VillageForm;
import cn.deputylink.organisation.ListFilter;
import cn.deputylink.organisation.StationService;
import cn.deputylink.organisation.Township;
import cn.deputylink.organisation.TownshipService;
import cn.deputylink.organisation.VillageService;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.PageView;
import cn.deputylink.shared.web.FormErrors;

/** Townships and, on each township's page, its villages. */
@Controller
@RequestMapping("/org/townships")
class TownshipPages {

	private final TownshipService townships;

	private final VillageService villages;

	private final StationService stations;

	private final PageSupport pages;

	TownshipPages(TownshipService townships, VillageService villages, StationService stations, FormErrors errors) {
		this.townships = townships;
		this.villages = villages;
		this.stations = stations;
		this.pages = new PageSupport(errors);
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "1") int page, @RequestParam(required = false) @Nullable String q,
			Model model) {
		CurrentUser me = CurrentUser.get();
		ListFilter f = new ListFilter(q, null, null, null);
		model.addAttribute("page", new PageView<>(townships.list(f, me, 0, PageView.SIZE, PageView.offset(page)), page,
				PageView.SIZE, townships.count(f, me)));
		model.addAttribute("q", q);
		return "org/townships";
	}

	@GetMapping("/new")
	String newForm(Model model) {
		// only the county creates townships: everyone else gets 403, not a form that
		// cannot be saved
		CurrentUser.get().requireRole(Role.COUNTY_ADMIN);
		model.addAttribute("form", new TownshipForm("", "", null));
		return "org/township-form";
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") TownshipForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		return pages.save(TownshipForm.class, binding, model, redirect, "org/township-form", "/org/townships", () -> {
		}, () -> townships.create(form, CurrentUser.get()));
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model) {
		CurrentUser me = CurrentUser.get();
		model.addAttribute("township", townships.get(id, me));
		model.addAttribute("villages", villages.ofTownship(id, me));
		model.addAttribute("stations", stations.list(new ListFilter(null, id, null, null), me, 0, 500, 0));
		return "org/township";
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		Township t = townships.get(id, CurrentUser.get());
		model.addAttribute("form", new TownshipForm(t.code(), t.name(), t.version()));
		model.addAttribute("id", id);
		return "org/township-form";
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") TownshipForm form, BindingResult binding,
			Model model, RedirectAttributes redirect) {
		model.addAttribute("id", id);
		return pages.save(TownshipForm.class, binding, model, redirect, "org/township-form", "/org/townships/" + id,
				() -> {
				}, () -> townships.update(id, form, CurrentUser.get()));
	}

	@PostMapping("/{id}/active")
	String setActive(@PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect) {
		return pages.act(redirect, "/org/townships", () -> townships.setActive(id, active, CurrentUser.get()));
	}

	@PostMapping("/{id}/villages")
	String addVillage(@PathVariable long id, @RequestParam String name, RedirectAttributes redirect) {
		return pages.act(redirect, "/org/townships/" + id, () -> {
			if (name.isBlank() || name.length() > 100) {
				throw new ConflictException("village.nameInvalid");
			}
			villages.create(new VillageForm(id, name, null), CurrentUser.get());
		});
	}

	@PostMapping("/{id}/villages/{villageId}/active")
	String setVillageActive(@PathVariable long id, @PathVariable long villageId, @RequestParam boolean active,
			RedirectAttributes redirect) {
		return pages.act(redirect, "/org/townships/" + id,
				() -> villages.setActive(villageId, active, CurrentUser.get()));
	}

}
