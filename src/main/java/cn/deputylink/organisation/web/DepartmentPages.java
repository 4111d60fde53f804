package cn.deputylink.organisation.web;

import java.util.List;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.organisation.CategoryService;
import cn.deputylink.organisation.Department;
import cn.deputylink.organisation.DepartmentService;
import cn.deputylink.organisation.Forms.DepartmentForm;
import cn.deputylink.organisation.ListFilter;
import cn.deputylink.organisation.Tier;
import cn.deputylink.organisation.TownshipService;
import cn.deputylink.shared.PageView;
import cn.deputylink.shared.web.FormErrors;

/** Handling departments at the three tiers and the categories each handles. */
@Controller
@RequestMapping("/org/departments")
class DepartmentPages {

	private final TownshipService townships;

	private final DepartmentService departments;

	private final CategoryService categories;

	private final PageSupport pages;

	DepartmentPages(TownshipService townships, DepartmentService departments, CategoryService categories,
			FormErrors errors) {
		this.townships = townships;
		this.departments = departments;
		this.categories = categories;
		this.pages = new PageSupport(errors);
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "1") int page, @RequestParam(required = false) @Nullable String q,
			@RequestParam(required = false) @Nullable Tier tier, Model model) {
		CurrentUser me = CurrentUser.get();
		ListFilter f = new ListFilter(q, null, null, null);
		model.addAttribute("page",
				new PageView<>(departments.list(f, tier, me, 0, PageView.SIZE, PageView.offset(page)), page,
						PageView.SIZE, departments.count(f, tier, me)));
		model.addAttribute("q", q);
		model.addAttribute("tier", tier);
		model.addAttribute("tiers", Tier.values());
		model.addAttribute("townships", townships.list(ListFilter.all(), me, 0, 500, 0));
		model.addAttribute("categories", categories.all());
		// the list names a department's categories in words, not by their codes
		model.addAttribute("categoryByCode",
				categories.all().stream().collect(Collectors.toMap(c -> c.code(), c -> c)));
		return "org/departments";
	}

	private void prepare(Model model) {
		model.addAttribute("tiers", Tier.values());
		model.addAttribute("townships", townships.list(ListFilter.all(), CurrentUser.get(), 0, 500, 0));
		model.addAttribute("categories", categories.all());
	}

	@GetMapping("/new")
	String newForm(Model model) {
		CurrentUser me = CurrentUser.get();
		me.requireRole(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);
		prepare(model);
		model.addAttribute("form", new DepartmentForm("", me.isCountyAdmin() ? Tier.COUNTY : Tier.TOWNSHIP,
				me.townshipId(), List.of(), null));
		return "org/department-form";
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") DepartmentForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		return pages.save(DepartmentForm.class, binding, model, redirect, "org/department-form", "/org/departments",
				() -> prepare(model), () -> departments.create(form, CurrentUser.get()));
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		Department d = departments.get(id, CurrentUser.get());
		prepare(model);
		model.addAttribute("id", id);
		model.addAttribute("form",
				new DepartmentForm(d.name(), d.tier(), d.townshipId(), d.categoryCodes(), d.version()));
		return "org/department-form";
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("form") DepartmentForm form, BindingResult binding,
			Model model, RedirectAttributes redirect) {
		model.addAttribute("id", id);
		return pages.save(DepartmentForm.class, binding, model, redirect, "org/department-form", "/org/departments",
				() -> prepare(model), () -> departments.update(id, form, CurrentUser.get()));
	}

	@PostMapping("/{id}/active")
	String setActive(@PathVariable long id, @RequestParam boolean active, RedirectAttributes redirect) {
		return pages.act(redirect, "/org/departments", () -> departments.setActive(id, active, CurrentUser.get()));
	}

}
