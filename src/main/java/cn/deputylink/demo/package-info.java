/**
 * The demo county: with {@code deputylink.demo.enabled=true} (the {@code demo} profile)
 * an empty registry is filled at start-up with an invented county of 15 townships and 43
 * stations, modelled on the seed bulletin, plus one account per role, so that clients,
 * tests and visitors have something to work with straight away. It writes only through
 * the public APIs of {@code organisation} and {@code account}, as an administrator would,
 * so the demo data pass the same checks as real data; no other module depends on it.
 */
@ApplicationModule(allowedDependencies = { "account", "activity", "briefing", "calendar", "duty", "funding", "opinion",
		"organisation", "proposal", "shared", "shared :: web", "standards", "statistics" })
@NullMarked
package cn.deputylink.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
