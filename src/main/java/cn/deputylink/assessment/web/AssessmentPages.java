package cn.deputylink.assessment.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.assessment.AssessmentFormula;
import cn.deputylink.assessment.FormulaInput;
import cn.deputylink.assessment.UnitAssessment;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.web.FormErrors;

/**
 * The assessment pages: the year's table (a county admin's whole table, a department
 * handler's own row), one unit's breakdown, the Excel export and the county admin's
 * formula form.
 */
@Controller
@RequestMapping("/assessment")
class AssessmentPages {

	private static final String[] FIELDS = { "proposalTimeliness", "proposalFavourable", "proposalSatisfaction",
			"opinionTimeliness", "opinionSatisfaction", "opinionResolved", "basicallyFactor", "passMark",
			"excellentMark" };

	private final UnitAssessment assessment;

	private final AssessmentExport export;

	private final FormErrors errors;

	AssessmentPages(UnitAssessment assessment, AssessmentExport export, FormErrors errors) {
		this.assessment = assessment;
		this.export = export;
		this.errors = errors;
	}

	@GetMapping("/units")
	String units(@RequestParam(required = false) @Nullable String year, Model model) {
		CurrentUser me = CurrentUser.get();
		var table = assessment.units(year(year, model), me);
		model.addAttribute("table", table);
		model.addAttribute("own", !me.isCountyAdmin());
		return "assessment/units";
	}

	@GetMapping("/units/{departmentId}")
	String unit(@PathVariable long departmentId, @RequestParam(required = false) @Nullable String year, Model model) {
		model.addAttribute("b", assessment.unit(departmentId, year(year, model), CurrentUser.get()));
		return "assessment/unit";
	}

	@GetMapping("/units.xlsx")
	ResponseEntity<byte[]> xlsx(@RequestParam(required = false) @Nullable Integer year, Locale locale) {
		return export.xlsx(assessment.units(year, CurrentUser.get()), locale);
	}

	@GetMapping("/formula")
	String formula(Model model) {
		CurrentUser me = CurrentUser.get();
		me.requireRole(Role.COUNTY_ADMIN);
		AssessmentFormula f = assessment.formula(me);
		Map<String, String> form = new LinkedHashMap<>();
		FormulaInput in = FormulaInput.of(f);
		form.put("proposalTimeliness", num(in.proposalTimeliness()));
		form.put("proposalFavourable", num(in.proposalFavourable()));
		form.put("proposalSatisfaction", num(in.proposalSatisfaction()));
		form.put("opinionTimeliness", num(in.opinionTimeliness()));
		form.put("opinionSatisfaction", num(in.opinionSatisfaction()));
		form.put("opinionResolved", num(in.opinionResolved()));
		form.put("basicallyFactor", num(in.basicallyFactor()));
		form.put("passMark", num(in.passMark()));
		form.put("excellentMark", num(in.excellentMark()));
		form.put("version", Integer.toString(f.version()));
		model.addAttribute("form", form);
		model.addAttribute("fields", FIELDS);
		return "assessment/formula";
	}

	@PostMapping("/formula")
	String saveFormula(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		CurrentUser me = CurrentUser.get();
		me.requireRole(Role.COUNTY_ADMIN);
		Map<String, String> form = new LinkedHashMap<>();
		Map<String, String> typeErrors = new LinkedHashMap<>();
		Double[] values = new Double[FIELDS.length];
		for (int i = 0; i < FIELDS.length; i++) {
			String raw = params.getOrDefault(FIELDS[i], "").strip();
			form.put(FIELDS[i], raw);
			values[i] = parse(raw);
			if (values[i] == null && !raw.isEmpty()) {
				typeErrors.put(FIELDS[i], errors.msg("validation.typeMismatch"));
			}
		}
		String version = params.getOrDefault("version", "").strip();
		form.put("version", version);
		Integer v = null;
		try {
			v = Integer.valueOf(version);
		}
		catch (NumberFormatException ex) {
			// reported as a missing version below
		}
		Map<String, String> fieldErrors = new LinkedHashMap<>();
		try {
			if (!typeErrors.isEmpty()) {
				FormErrors.markRefused();
				fieldErrors.putAll(typeErrors);
			}
			else {
				assessment.updateFormula(new FormulaInput(values[0], values[1], values[2], values[3], values[4],
						values[5], values[6], values[7], values[8], v), me);
				redirect.addFlashAttribute("flash", errors.msg("assessment.formula.saved"));
				return "redirect:/assessment/formula";
			}
		}
		catch (RuntimeException ex) {
			fieldErrors.putAll(errors.of(ex));
		}
		model.addAttribute("form", form);
		model.addAttribute("fields", FIELDS);
		model.addAttribute("errors", fieldErrors);
		return "assessment/formula";
	}

	private static @Nullable Double parse(String raw) {
		if (raw.isEmpty()) {
			return null;
		}
		try {
			double d = Double.parseDouble(raw);
			return Double.isFinite(d) ? d : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static String num(@Nullable Double d) {
		if (d == null) {
			return "";
		}
		return d == Math.rint(d) ? Long.toString(d.longValue()) : Double.toString(d);
	}

	/** A typed year: null for the current one; a message and the current year if bad. */
	private @Nullable Integer year(@Nullable String year, Model model) {
		if (year == null || year.isBlank()) {
			return null;
		}
		try {
			int y = Integer.parseInt(year.strip());
			assessment.year(y);
			return y;
		}
		catch (NumberFormatException | InvalidInputException ex) {
			model.addAttribute("flashError",
					errors.msg("assessment.year.range", UnitAssessment.MIN_YEAR, UnitAssessment.MAX_YEAR));
			FormErrors.markRefused();
			return null;
		}
	}

}
