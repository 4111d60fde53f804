package cn.deputylink.assessment;

import org.jspecify.annotations.Nullable;

/**
 * A new formula as typed (page or API); every field is required, {@code version} is the
 * one read (409 when someone changed it since).
 */
public record FormulaInput(@Nullable Double proposalTimeliness, @Nullable Double proposalFavourable,
		@Nullable Double proposalSatisfaction, @Nullable Double opinionTimeliness, @Nullable Double opinionSatisfaction,
		@Nullable Double opinionResolved, @Nullable Double basicallyFactor, @Nullable Double passMark,
		@Nullable Double excellentMark, @Nullable Integer version) {

	public static FormulaInput of(AssessmentFormula f) {
		return new FormulaInput(f.proposalTimeliness(), f.proposalFavourable(), f.proposalSatisfaction(),
				f.opinionTimeliness(), f.opinionSatisfaction(), f.opinionResolved(), f.basicallyFactor(), f.passMark(),
				f.excellentMark(), f.version());
	}

}
