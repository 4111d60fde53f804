/**
 * Shared kernel: error types, masking and encryption of personal information, cursor
 * pages, text input cleaning and rate limits (this package), spreadsheet import/export
 * (named interface {@code
 * excel}), the pages' and the API's helpers ({@code FormErrors}, {@code Problems}, {@code
 * RejectedRows}, {@code SecurityHeaders}: named interface {@code web}); the request
 * filters, the problem+json handler and ShedLock's lease for scheduled jobs are internal.
 * Every module may use it; it uses none of them.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package cn.deputylink.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
