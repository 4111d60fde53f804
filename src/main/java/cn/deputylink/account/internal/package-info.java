/**
 * The account module's internals: security configuration and filters, users' storage,
 * TOTP, tokens, throttling, password policy.
 */
@NullMarked
package cn.deputylink.account.internal;

import org.jspecify.annotations.NullMarked;
