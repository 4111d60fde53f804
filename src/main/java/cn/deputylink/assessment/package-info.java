/**
 * The year-end evaluation of handling units (承办单位考核): a formula the county sets
 * ({@link cn.deputylink.assessment.AssessmentFormula}: weights of six criteria on a
 * 100-point scale, the factor at which "basically satisfied" counts, the pass and
 * excellent marks) and, for a year, one scored row per unit from the proposal module's
 * handlings ({@code proposal.ProposalRecords}) and the opinion module's assignments
 * ({@code opinion.OpinionRecords}); the score is computed by the pure
 * {@code internal.UnitScores}. A unit is scored on the criteria it has data for, their
 * weights renormalised to 100. The API: {@link cn.deputylink.assessment.UnitAssessment}.
 */
@ApplicationModule(allowedDependencies = { "account", "audit", "opinion", "organisation", "proposal", "shared",
		"shared :: web", "shared :: excel" })
@NullMarked
package cn.deputylink.assessment;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
