/**
 * The township target-management assessment (目标管理考核): the county's scoring rules
 * ({@link cn.deputylink.targets.TargetRule}: an indicator measured by another module —
 * stations up to standard, duty days held against planned, deputies meeting "三个一",
 * opinions answered on time and satisfied, opinions converted into proposals — or a
 * manual item the county scores with evidence), the grade marks, and a year's ranking of
 * the townships, computed by the pure {@code internal.TargetCalculator}. The API:
 * {@link cn.deputylink.targets.TownshipTargets}.
 */
@ApplicationModule(allowedDependencies = { "account", "activity", "audit", "duty", "organisation", "shared",
		"shared :: web", "standards", "statistics" })
@NullMarked
package cn.deputylink.targets;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
