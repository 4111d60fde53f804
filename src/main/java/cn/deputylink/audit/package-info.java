/**
 * The audit log: every write (page or API) and every login attempt — who, when, what,
 * outcome — and each disclosure of personal information. Append-only through the
 * application; searchable by county admins; kept for {@code deputylink.audit.retention}
 * (at least six months).
 */
@ApplicationModule(allowedDependencies = { "account", "shared", "shared :: web" })
@NullMarked
package cn.deputylink.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
