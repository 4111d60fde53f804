/**
 * Constituents' opinions (群众意见): intake from every source, triage, routing to the
 * competent department, handling, reply and the constituent's feedback, each step by a
 * named person with a time (the seed's five "有专人"). The API is one facade per step —
 * {@link cn.deputylink.opinion.OpinionIntake},
 * {@link cn.deputylink.opinion.OpinionTriage},
 * {@link cn.deputylink.opinion.DepartmentHandling},
 * {@link cn.deputylink.opinion.ConstituentFeedback},
 * {@link cn.deputylink.opinion.OpinionEscalation},
 * {@link cn.deputylink.opinion.OpinionQueries} — with its DTOs and the
 * {@link cn.deputylink.opinion.OpinionEvent}s every step publishes;
 * {@link cn.deputylink.opinion.internal.OpinionCase} is the aggregate,
 * {@link cn.deputylink.opinion.internal.Lifecycle} the state machine of
 * {@code docs/domain.md}.
 */
@ApplicationModule(allowedDependencies = { "account", "audit", "calendar", "notification", "organisation", "shared",
		"shared :: web", "shared :: excel", "shell" })
@NullMarked
package cn.deputylink.opinion;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
