/**
 * The web layer every module shares: request filters (body size, uploads, text
 * parameters, rate limits, forwarded headers), security headers, problem+json and
 * container errors. Only the types marked {@code @NamedInterface("web")} (form errors,
 * problems, rejected rows, the security header values) are for other modules; the rest is
 * internal.
 */
@NullMarked
package cn.deputylink.shared.web;

import org.jspecify.annotations.NullMarked;
