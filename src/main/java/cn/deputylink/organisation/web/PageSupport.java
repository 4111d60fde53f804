package cn.deputylink.organisation.web;

import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.web.FormErrors;

/**
 * The post-redirect-get shape every registry form shares: validation errors re-render the
 * form with messages; a rule a service refuses does too; success redirects with a flash
 * message.
 */
final class PageSupport {

	private final FormErrors errors;

	PageSupport(FormErrors errors) {
		this.errors = errors;
	}

	/**
	 * Runs {@code save}; returns the redirect on success, or {@code formView} with
	 * errors. A value that does not convert ({@code version=abc}, {@code townshipId=1.5})
	 * leaves no form object at all (a record is built only from good values), so the form
	 * is rebuilt from what was typed: the template finds its form, and the user his text,
	 * instead of a 500.
	 */
	String save(Class<? extends Record> formType, BindingResult binding, Model model, RedirectAttributes redirect,
			String formView, String successUrl, Runnable prepareForm, Supplier<?> save) {
		if (binding.hasErrors()) {
			model.addAttribute("errors", errors.of(binding));
			if (binding.getTarget() == null) {
				model.addAttribute(binding.getObjectName(), asTyped(formType, binding));
			}
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

	/**
	 * A status change from a list (activate, deactivate, delete), reported as a flash
	 * message.
	 */
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

	/** The form with the text fields as typed and every other field empty. */
	private static Record asTyped(Class<? extends Record> formType, BindingResult binding) {
		RecordComponent[] components = formType.getRecordComponents();
		Object[] args = new Object[components.length];
		Class<?>[] types = new Class<?>[components.length];
		for (int i = 0; i < components.length; i++) {
			types[i] = components[i].getType();
			Object raw = binding.getRawFieldValue(components[i].getName());
			if (types[i] == String.class) {
				args[i] = raw instanceof String[] a ? (a.length == 0 ? "" : a[0]) : raw instanceof String t ? t : "";
			}
			else if (types[i] == Set.class) {
				args[i] = Set.of();
			}
			else if (types[i] == List.class) {
				args[i] = List.of();
			}
		}
		try {
			var constructor = formType.getDeclaredConstructor(types);
			constructor.setAccessible(true);
			return constructor.newInstance(args);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("cannot rebuild " + formType, ex);
		}
	}

}
