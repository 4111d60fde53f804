/**
 * Accounts and security: users and their roles, the township data scope, login with
 * lockout and an optional TOTP second factor, API bearer tokens, password policy. Other
 * modules ask {@link cn.deputylink.account.CurrentUser} who is acting and what they may
 * see.
 */
@ApplicationModule(allowedDependencies = { "shared", "shared :: web" })
@NullMarked
package cn.deputylink.account;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
