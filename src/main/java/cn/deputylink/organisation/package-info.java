/**
 * The organisation registry: townships and villages, liaison stations, deputies, handling
 * departments and opinion categories. One service per aggregate
 * ({@link cn.deputylink.organisation.TownshipService},
 * {@link cn.deputylink.organisation.StationService}, ...) changes it, every change
 * passing the acting user's data scope; other modules read it through
 * {@link cn.deputylink.organisation.RegistryLookup}. The sheets (import and export) live
 * in {@code
 * internal}, one definition per list.
 */
@ApplicationModule(allowedDependencies = { "account", "audit", "shared", "shared :: web", "shared :: excel" })
@NullMarked
package cn.deputylink.organisation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
