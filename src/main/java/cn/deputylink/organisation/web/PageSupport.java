package cn.deputylink.organisation.web;

import java.util.function.Supplier;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.web.FormErrors;

/**
 * The post-redirect-get shape every registry form shares: validation errors re-render the form with
 * messages; a rule a service refuses does too; success redirects with a flash message.
 */
final class PageSupport {

	private final FormErrors errors;

	PageSupport(FormErrors errors) {
		this.errors = errors;
	}

	/** Runs {@code save}; returns the redirect on success, or {@code formView} with errors. */
	String save(BindingResult binding, Model model, RedirectAttributes redirect, String formView, String successUrl,
			Runnable prepareForm, Supplier<?> save) {
		if (binding.hasErrors()) {
			model.addAttribute("errors", errors.of(binding));
			prepareForm.run();
			return formView;
		}
		try {
			save.get();
		}
		catch (InvalidInputException | ConflictException ex) {
			model.addAttribute("errors", errors.of(ex));
			prepareForm.run();
			return formView;
		}
		redirect.addFlashAttribute("flash", errors.msg("saved"));
		return "redirect:" + successUrl;
	}

	/** A status change from a list (activate, deactivate, delete), reported as a flash message. */
	String act(RedirectAttributes redirect, String back, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("flash", errors.msg("saved"));
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("flashError", errors.of(ex).get(""));
		}
		return "redirect:" + back;
	}

}
