package cn.deputylink.assessment.internal;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.deputylink.assessment.AssessmentFormula;
import cn.deputylink.assessment.FormulaInput;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.InvalidInputException.FieldError;

/**
 * What a formula must satisfy: every value given; weights between 0 and 100 and not all
 * zero; the factor between 0 and 1; 0 ≤ pass mark &lt; excellent mark ≤ 100. All broken
 * rules are reported at once (400).
 */
public final class FormulaRules {

	private FormulaRules() {
	}

	public static AssessmentFormula check(FormulaInput in) {
		List<FieldError> errors = new ArrayList<>();
		double pt = weight("proposalTimeliness", in.proposalTimeliness(), errors);
		double pf = weight("proposalFavourable", in.proposalFavourable(), errors);
		double ps = weight("proposalSatisfaction", in.proposalSatisfaction(), errors);
		double ot = weight("opinionTimeliness", in.opinionTimeliness(), errors);
		double os = weight("opinionSatisfaction", in.opinionSatisfaction(), errors);
		double or = weight("opinionResolved", in.opinionResolved(), errors);
		if (errors.isEmpty() && pt + pf + ps + ot + os + or <= 0) {
			errors.add(new FieldError("weights", "assessment.formula.allZero"));
		}
		double factor = range("basicallyFactor", in.basicallyFactor(), 0, 1, errors);
		double pass = range("passMark", in.passMark(), 0, 100, errors);
		double excellent = range("excellentMark", in.excellentMark(), 0, 100, errors);
		if (in.passMark() != null && in.excellentMark() != null && pass >= excellent) {
			errors.add(new FieldError("excellentMark", "assessment.formula.marksOrder"));
		}
		if (in.version() == null) {
			errors.add(new FieldError("version", "assessment.formula.required"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new AssessmentFormula(pt, pf, ps, ot, os, or, factor, pass, excellent,
				in.version() == null ? 0 : in.version());
	}

	private static double weight(String field, @Nullable Double v, List<FieldError> errors) {
		if (v == null || v.isNaN()) {
			errors.add(new FieldError(field, "assessment.formula.required"));
			return 0;
		}
		if (v < 0) {
			errors.add(new FieldError(field, "assessment.formula.negative"));
			return 0;
		}
		if (v > 100) {
			errors.add(new FieldError(field, "assessment.formula.range", 0, 100));
			return 0;
		}
		return round(v, 2);
	}

	private static double range(String field, @Nullable Double v, double min, double max, List<FieldError> errors) {
		if (v == null || v.isNaN()) {
			errors.add(new FieldError(field, "assessment.formula.required"));
			return 0;
		}
		if (v < min || v > max) {
			errors.add(new FieldError(field, "assessment.formula.range", fmt(min), fmt(max)));
			return 0;
		}
		return round(v, 3);
	}

	private static String fmt(double v) {
		return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
	}

	private static double round(double v, int decimals) {
		double f = Math.pow(10, decimals);
		return Math.round(v * f) / f;
	}

}
