package cn.deputylink.account.web;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.deputylink.account.Accounts;
import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.NewUser;
import cn.deputylink.account.Role;
import cn.deputylink.account.UserAccount;
import cn.deputylink.account.internal.PasswordPolicy;
import cn.deputylink.account.internal.UserAdministration;
import cn.deputylink.account.internal.UserChange;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.NotFoundException;
import cn.deputylink.shared.PageView;
import cn.deputylink.shared.web.FormErrors;

/** User administration pages for county and township admins. */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

	/**
	 * The user form as typed: the assignment is chosen by name from pickers, which send
	 * the record's id; a picker left at "please choose" sends nothing. {@code version}
	 * only on edit.
	 */
	record UserForm(@Nullable String username, @Nullable String displayName, @Nullable Role role,
			@Nullable Long townshipId, @Nullable Long stationId, @Nullable Long deputyId, @Nullable Long departmentId,
			@Nullable Integer version) {

		static UserForm empty() {
			return new UserForm("", "", null, null, null, null, null, null);
		}

		static UserForm of(UserAccount a) {
			return new UserForm(a.username(), a.displayName(), a.role(), a.townshipId(), a.stationId(), a.deputyId(),
					a.departmentId(), a.version());
		}
	}

	private final Accounts accounts;

	private final UserAdministration administration;

	private final FormErrors errors;

	UserAdminController(Accounts accounts, UserAdministration administration, FormErrors errors) {
		this.accounts = accounts;
		this.administration = administration;
		this.errors = errors;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "1") int page, @RequestParam(required = false) @Nullable String q,
			Model model) {
		CurrentUser me = CurrentUser.get();
		var items = accounts.list(me, q, 0, PageView.SIZE, PageView.offset(page));
		model.addAttribute("page", new PageView<>(items, page, PageView.SIZE, accounts.countList(me, q)));
		// what each listed account is assigned to, by name
		Map<Long, UserAdministration.Listed> assigned = administration.describe(items)
			.stream()
			.collect(Collectors.toMap(l -> l.account().id(), Function.identity()));
		model.addAttribute("assigned", assigned);
		model.addAttribute("q", q);
		return "admin/users";
	}

	@GetMapping("/new")
	String form(Model model) {
		return show(model, UserForm.empty(), null);
	}

	/**
	 * Creates the account with a generated password shown once; the user must change it.
	 */
	@PostMapping
	String create(UserForm form, Model model, RedirectAttributes redirect) {
		CurrentUser me = CurrentUser.get();
		String password = PasswordPolicy.generate();
		try {
			var created = accounts.create(new NewUser(form.username(), password, form.displayName(), form.role(),
					form.townshipId(), form.stationId(), form.deputyId(), form.departmentId(), true), me);
			redirect.addFlashAttribute("flash", errors.msg("user.created", created.username(), password));
			return "redirect:/admin/users";
		}
		catch (InvalidInputException | ConflictException ex) {
			model.addAttribute("errors", errors.of(ex));
			return show(model, form, null);
		}
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		UserAccount a = accounts.get(id, CurrentUser.get());
		return show(model, UserForm.of(a), a);
	}

	/**
	 * Changes name, role and assignment; the same service call as {@code PUT
	 * /api/v1/users/{id}}.
	 */
	@PostMapping("/{id}")
	String update(@PathVariable long id, UserForm form, Model model, RedirectAttributes redirect) {
		CurrentUser me = CurrentUser.get();
		UserAccount a = accounts.get(id, me);
		try {
			administration.update(id, new UserChange(form.displayName(), form.role(), form.townshipId(),
					form.stationId(), form.deputyId(), form.departmentId(), form.version()), me);
			redirect.addFlashAttribute("flash", errors.msg("saved"));
			return "redirect:/admin/users";
		}
		catch (InvalidInputException | ConflictException ex) {
			model.addAttribute("errors", errors.of(ex));
			return show(model, new UserForm(a.username(), form.displayName(), form.role(), form.townshipId(),
					form.stationId(), form.deputyId(), form.departmentId(), form.version()), a);
		}
	}

	private String show(Model model, UserForm form, @Nullable UserAccount editing) {
		model.addAttribute("form", form);
		model.addAttribute("editing", editing);
		model.addAttribute("pickers", administration.pickers(CurrentUser.get()));
		return "admin/user-form";
	}

	@PostMapping("/{id}/{action}")
	String act(@PathVariable long id, @PathVariable String action, RedirectAttributes redirect) {
		CurrentUser me = CurrentUser.get();
		try {
			switch (action) {
				case "unlock" -> accounts.unlock(id, me);
				case "disable" -> accounts.setEnabled(id, false, me);
				case "enable" -> accounts.setEnabled(id, true, me);
				case "reset-totp", "disable-totp" -> accounts.resetTotp(id, me);
				case "reset-password" -> {
					String generated = accounts.resetPassword(id, me);
					redirect.addFlashAttribute("flash", errors.msg("user.passwordReset", generated));
					return "redirect:/admin/users";
				}
				default -> throw new NotFoundException("action", action);
			}
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("flashError", errors.of(ex).get(""));
			return "redirect:/admin/users";
		}
		redirect.addFlashAttribute("flash", errors.msg("saved"));
		return "redirect:/admin/users";
	}

}
