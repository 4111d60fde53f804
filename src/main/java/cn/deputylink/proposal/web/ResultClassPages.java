package cn.deputylink.proposal.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.proposal.ResultClass;
import cn.deputylink.proposal.ResultClasses;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.TextInput;
import cn.deputylink.shared.web.FormErrors;

/**
 * The county admin's list of reply result classes: one form with a row per class and an
 * empty row to add one; the whole list is replaced at once, or nothing changes.
 */
@Controller
@RequestMapping("/admin/proposal-result-classes")
class ResultClassPages {

	/** Rows the form accepts at most. */
	static final int MAX_ROWS = 50;

	private final ResultClasses classes;

	private final FormErrors errors;

	ResultClassPages(ResultClasses classes, FormErrors errors) {
		this.classes = classes;
		this.errors = errors;
	}

	/** One row of the form as entered. */
	record RowForm(String code, String label, String explanation, boolean favourable, String sortOrder,
			boolean active) {
	}

	@GetMapping
	String page(Model model) {
		CurrentUser.get().requireRole(Role.COUNTY_ADMIN);
		List<RowForm> rows = new ArrayList<>();
		for (ResultClass c : classes.all()) {
			rows.add(new RowForm(c.code(), c.label(), c.explanation(), c.favourable(), String.valueOf(c.sortOrder()),
					c.active()));
		}
		return show(model, rows);
	}

	private String show(Model model, List<RowForm> rows) {
		List<RowForm> withBlank = new ArrayList<>(rows);
		withBlank.add(new RowForm("", "", "", false, String.valueOf((rows.size() + 1) * 10), true));
		model.addAttribute("rows", withBlank);
		return "proposal/result-classes";
	}

	@PostMapping
	String save(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		CurrentUser me = CurrentUser.get();
		me.requireRole(Role.COUNTY_ADMIN);
		List<RowForm> rows = new ArrayList<>();
		for (int i = 0; i < MAX_ROWS && params.containsKey("code" + i); i++) {
			RowForm r = new RowForm(value(params, "code" + i), value(params, "label" + i),
					value(params, "explanation" + i), "true".equals(params.get("favourable" + i)),
					value(params, "sortOrder" + i), "true".equals(params.get("active" + i)));
			// the empty row is left empty when nothing is added
			if (!(r.code().isEmpty() && r.label().isEmpty() && r.explanation().isEmpty())) {
				rows.add(r);
			}
		}
		List<ResultClass> list = new ArrayList<>();
		Map<String, String> bad = null;
		for (int i = 0; i < rows.size(); i++) {
			RowForm r = rows.get(i);
			Integer order = order(r.sortOrder());
			if (order == null) {
				bad = errors.refused("sortOrder" + i, "proposal.resultClass.badOrder");
				break;
			}
			list.add(new ResultClass(r.code(), r.label(), r.explanation(), r.favourable(), order, r.active()));
		}
		if (bad == null) {
			try {
				classes.replace(list, me);
				redirect.addFlashAttribute("flash", errors.msg("saved"));
				return "redirect:/admin/proposal-result-classes";
			}
			catch (InvalidInputException | ConflictException ex) {
				bad = byRow(errors.of(ex));
			}
		}
		model.addAttribute("errors", bad);
		return show(model, rows);
	}

	/**
	 * The list's field names ({@code classes[2].code}) as the form's ({@code code2}); the
	 * list as a whole as the form's.
	 */
	static Map<String, String> byRow(Map<String, String> errors) {
		Map<String, String> out = new LinkedHashMap<>();
		errors.forEach((field, message) -> {
			Matcher m = ROW_FIELD.matcher(field);
			String key = m.matches() ? m.group(2) + m.group(1) : field.equals("classes") ? "" : field;
			out.merge(key, message, (a, b) -> a + "；" + b);
		});
		return out;
	}

	private static final Pattern ROW_FIELD = Pattern.compile("classes\\[(\\d+)\\]\\.(\\w+)");

	private static String value(Map<String, String> params, String key) {
		String v = TextInput.blankToNull(params.get(key));
		return v == null ? "" : v.strip();
	}

	private static @Nullable Integer order(String s) {
		try {
			return s.isEmpty() ? 0 : Integer.valueOf(s);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
