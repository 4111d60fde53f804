/**
 * The organisation registry: townships and villages, liaison stations, deputies, handling
 * departments and opinion categories. {@link cn.deputylink.organisation.Registry} is the API other
 * modules read it through; every change passes the acting user's data scope.
 */
@ApplicationModule(allowedDependencies = { "account", "audit", "shared", "shared :: web", "shared :: excel" })
@NullMarked
package cn.deputylink.organisation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
