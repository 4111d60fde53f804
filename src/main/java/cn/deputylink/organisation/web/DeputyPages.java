package cn.deputylink.organisation.web;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.HtmlUtils;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.organisation.Deputy;
import cn.deputylink.organisation.DeputyLevel;
import cn.deputylink.organisation.DeputyService;
import cn.deputylink.organisation.Forms.DeputyForm;
import cn.deputylink.organisation.ListFilter;
import cn.deputylink.organisation.Station;
import cn.deputylink.organisation.StationService;
import cn.deputylink.shared.PageView;
import cn.deputylink.shared.web.FormErrors;

/** Deputies: phone numbers masked; the full number only on request, audited. */
@Controller
@RequestMapping("/org/deputies")
class DeputyPages {

	private final StationService stations;

	private final DeputyService deputies;

	private final PageSupport pages;

	DeputyPages(StationService stations, DeputyService deputies, FormErrors errors) {
		this.stations = stations;
		this.deputies = deputies;
		this.pages = new PageSupport(errors);
	}

	private List<Station> stationChoices(CurrentUser me) {
		return stations.list(ListFilter.all(), me, 0, 500, 0);
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "1") int page, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Long stationId, Model model) {
		CurrentUser me = CurrentUser.get();
		ListFilter f = new ListFilter(q, null, stationId, null);
		model.addAttribute("page", new PageView<>(deputies.list(f, me, 0, PageView.SIZE, PageView.offset(page)), page,
				PageView.SIZE, deputies.count(f, me)));
		model.addAttribute("q", q);
		model.addAttribute("stationId", stationId);
		var stations = stationChoices(me);
		model.addAttribute("stations", stations);
		// a deputy's stations by name: the list said "1" (how many) where the clerk looks
		// for which
		model.addAttribute("stationNames",
				stations.stream().collect(Collectors.toMap(s -> s.id(), s -> s.name(), (a, b) -> a)));
		return "org/deputies";
	}

	private void prepare(Model model) {
		model.addAttribute("stations", stationChoices(CurrentUser.get()));
		model.addAttribute("levels", DeputyLevel.values());
	}

	@GetMapping("/new")
	String newForm(Model model) {
		CurrentUser.get().requireRole(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);
		prepare(model);
		model.addAttribute("form", new DeputyForm("", Set.of(), "", "", "", List.of(), null));
		return "org/deputy-form";
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") DeputyForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		return pages.save(DeputyForm.class, binding, model, redirect, "org/deputy-form", "/org/deputies",
				() -> prepare(model), () -> deputies.create(form, CurrentUser.get()));
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		Deputy d = deputies.get(id, CurrentUser.get());
		prepare(model);
		model.addAttribute("id", id);
		// the phone is edited in full by the admins who may see it; the ID number is
		// write-only
		String phone = deputies.phone(id, CurrentUser.get()).orElse("");
		model.addAttribute("form",
				new DeputyForm(d.name(), d.levels(), phone, "", d.constituency(), d.stationIds(), d.version()));
		return "org/deputy-form";
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") DeputyForm form, BindingResult binding,
			Model model, RedirectAttributes redirect) {
		model.addAttribute("id", id);
		return pages.save(DeputyForm.class, binding, model, redirect, "org/deputy-form", "/org/deputies",
				() -> prepare(model), () -> deputies.update(id, form, CurrentUser.get()));
	}

	@PostMapping("/{id}/active")
	String setActive(@PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect) {
		return pages.act(redirect, "/org/deputies", () -> deputies.setActive(id, active, CurrentUser.get()));
	}

	/** htmx: the full phone number replaces the masked one; the disclosure is audited. */
	@GetMapping(value = "/{id}/phone", produces = "text/html")
	@ResponseBody
	String phone(@PathVariable long id) {
		return "<span>" + HtmlUtils.htmlEscape(deputies.phone(id, CurrentUser.get()).orElse("")) + "</span>";
	}

}
