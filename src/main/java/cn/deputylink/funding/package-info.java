/**
 * Funding (经费保障): each township's yearly budget (the default of
 * {@code deputylink.funding.default-budget} unless the county sets another), the rewards
 * proposed from the target assessment for its excellent townships and approved or
 * rejected by the county, the expenditures booked against the budget with their receipts
 * (never deleted: voided with a reason), and the balance of each township and year:
 * budget + approved rewards − expenditures not voided. The API:
 * {@link cn.deputylink.funding.Funding}.
 */
@ApplicationModule(allowedDependencies = { "account", "audit", "organisation", "shared", "shared :: web",
		"shared :: excel", "targets" })
@NullMarked
package cn.deputylink.funding;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
