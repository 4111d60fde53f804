package cn.deputylink.account.web;

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
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.PageView;
import cn.deputylink.shared.web.FormErrors;

/** User administration pages for county and township admins. */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

	/** The new-user form as typed; ids arrive as text and may be blank. */
	record UserForm(@Nullable String username, @Nullable String displayName, @Nullable Role role,
			@Nullable Long townshipId, @Nullable Long stationId, @Nullable Long deputyId, @Nullable Long departmentId) {

		static UserForm empty() {
			return new UserForm("", "", null, null, null, null, null);
		}
	}

	private final Accounts accounts;

	private final FormErrors errors;

	UserAdminController(Accounts accounts, FormErrors errors) {
		this.accounts = accounts;
		this.errors = errors;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "1") int page, @RequestParam(required = false) @Nullable String q,
			Model model) {
		CurrentUser me = CurrentUser.get();
		model.addAttribute("page", new PageView<>(accounts.list(me, q, 0, PageView.SIZE, PageView.offset(page)), page,
				PageView.SIZE, accounts.countList(me, q)));
		model.addAttribute("q", q);
		return "admin/users";
	}

	@GetMapping("/new")
	String form(Model model) {
		CurrentUser.get().requireRole(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);
		model.addAttribute("form", UserForm.empty());
		model.addAttribute("roles", Role.values());
		return "admin/user-form";
	}

	/** Creates the account with a generated password shown once; the user must change it. */
	@PostMapping
	String create(UserForm form, Model model, RedirectAttributes redirect) {
		CurrentUser me = CurrentUser.get();
		String password = cn.deputylink.account.PasswordPolicy.generate();
		try {
			var created = accounts.create(new NewUser(form.username(), password, form.displayName(), form.role(),
					form.townshipId(), form.stationId(), form.deputyId(), form.departmentId(), true), me);
			redirect.addFlashAttribute("flash", errors.msg("user.created", created.username(), password));
			return "redirect:/admin/users";
		}
		catch (InvalidInputException | ConflictException ex) {
			model.addAttribute("errors", errors.of(ex));
			model.addAttribute("form", form);
			model.addAttribute("roles", Role.values());
			return "admin/user-form";
		}
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
				default -> throw new cn.deputylink.shared.NotFoundException("action", action);
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
