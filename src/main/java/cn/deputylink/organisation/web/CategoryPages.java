package cn.deputylink.organisation.web;

import jakarta.validation.Valid;

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
import cn.deputylink.organisation.Category;
import cn.deputylink.organisation.CategoryService;
import cn.deputylink.organisation.Forms.CategoryForm;
import cn.deputylink.shared.web.FormErrors;

/** Opinion categories: everyone reads them, the county keeps them. */
@Controller
@RequestMapping("/org/categories")
class CategoryPages {

	private final CategoryService categories;

	private final PageSupport pages;

	CategoryPages(CategoryService categories, FormErrors errors) {
		this.categories = categories;
		this.pages = new PageSupport(errors);
	}

	@GetMapping
	String list(Model model) {
		CurrentUser.get();
		model.addAttribute("categories", categories.all());
		return "org/categories";
	}

	@GetMapping("/new")
	String newForm(Model model) {
		CurrentUser.get().requireRole(Role.COUNTY_ADMIN);
		model.addAttribute("form", new CategoryForm("", "", "", 100, 15, null));
		return "org/category-form";
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") CategoryForm form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		return pages.save(CategoryForm.class, binding, model, redirect, "org/category-form", "/org/categories", () -> {
		}, () -> categories.create(form, CurrentUser.get()));
	}

	@GetMapping("/{code}/edit")
	String editForm(@PathVariable String code, Model model) {
		CurrentUser.get().requireRole(Role.COUNTY_ADMIN);
		Category c = categories.get(code);
		model.addAttribute("code", code);
		model.addAttribute("form",
				new CategoryForm(c.code(), c.nameZh(), c.nameEn(), c.sortOrder(), c.dueWorkingDays(), c.version()));
		return "org/category-form";
	}

	@PostMapping("/{code}")
	String update(@PathVariable String code, @Valid @ModelAttribute("form") CategoryForm form, BindingResult binding,
			Model model, RedirectAttributes redirect) {
		model.addAttribute("code", code);
		return pages.save(CategoryForm.class, binding, model, redirect, "org/category-form", "/org/categories", () -> {
		}, () -> categories.update(code, form, CurrentUser.get()));
	}

	@PostMapping("/{code}/active")
	String setActive(@PathVariable String code, @RequestParam boolean active, RedirectAttributes redirect) {
		return pages.act(redirect, "/org/categories", () -> categories.setActive(code, active, CurrentUser.get()));
	}

}
