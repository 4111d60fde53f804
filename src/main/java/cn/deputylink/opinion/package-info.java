/**
 * Constituents' opinions (群众意见): intake from every source, triage, routing to the competent
 * department, handling, reply and the constituent's feedback, each step by a named person with a
 * time (the seed's five "有专人"). {@link cn.deputylink.opinion.OpinionHandling} is the API; {@link
 * cn.deputylink.opinion.Lifecycle} is the state machine of {@code docs/domain.md}.
 */
@ApplicationModule(allowedDependencies = { "account", "audit", "calendar", "notification", "organisation", "shared", "shared :: web", "shared :: excel", "shell" })
@NullMarked
package cn.deputylink.opinion;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
