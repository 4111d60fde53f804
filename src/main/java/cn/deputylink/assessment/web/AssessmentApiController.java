package cn.deputylink.assessment.web;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.assessment.AssessmentFormula;
import cn.deputylink.assessment.FormulaInput;
import cn.deputylink.assessment.UnitAssessment;
import cn.deputylink.assessment.UnitBreakdown;
import cn.deputylink.assessment.UnitTable;

/**
 * The evaluation of handling units: the formula ({@code GET}, county admins and
 * department handlers; {@code PUT}, county admins: 400 on bad weights or marks, 409 on a
 * stale {@code version}), a year's table {@code {year, asOf, formula, items: [row...]}},
 * one unit's breakdown and the table as Excel.
 */
@RestController
@RequestMapping("/api/v1/assessment")
class AssessmentApiController {

	private final UnitAssessment assessment;

	private final AssessmentExport export;

	AssessmentApiController(UnitAssessment assessment, AssessmentExport export) {
		this.assessment = assessment;
		this.export = export;
	}

	@GetMapping("/formula")
	AssessmentFormula formula() {
		return assessment.formula(CurrentUser.get());
	}

	@PutMapping("/formula")
	AssessmentFormula update(@RequestBody FormulaInput input) {
		return assessment.updateFormula(input, CurrentUser.get());
	}

	@GetMapping("/units")
	UnitTable units(@RequestParam(required = false) @Nullable Integer year) {
		return assessment.units(year, CurrentUser.get());
	}

	@GetMapping("/units/{departmentId}")
	UnitBreakdown unit(@PathVariable long departmentId, @RequestParam(required = false) @Nullable Integer year) {
		return assessment.unit(departmentId, year, CurrentUser.get());
	}

	@GetMapping("/units.xlsx")
	ResponseEntity<byte[]> xlsx(@RequestParam(required = false) @Nullable Integer year, Locale locale) {
		return export.xlsx(assessment.units(year, CurrentUser.get()), locale);
	}

}
