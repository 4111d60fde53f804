/**
 * Briefings (联络动态): the bulletin of a period for the county, a township or a station,
 * generated from the statistics ({@code statistics.StatisticsRecords}: the six headline
 * figures, the leading stations and deputies, typical cases) and kept as a snapshot,
 * edited while a draft, published once (then immutable), and exported as a PDF (the
 * embedded CJK font, {@code shared :: pdf}) and as a Word document. A county admin works
 * on any scope, a township admin on its own township and its stations; every other role
 * 403. The API: {@link cn.deputylink.briefing.Briefings}.
 */
@ApplicationModule(allowedDependencies = { "account", "audit", "organisation", "shared", "shared :: pdf",
		"shared :: web", "statistics" })
@NullMarked
package cn.deputylink.briefing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
