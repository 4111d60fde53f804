/**
 * Shared kernel: error types, masking and encryption of personal information, cursor pages,
 * spreadsheet import/export, the API's problem+json handling and the cluster-safe job lease.
 * Every feature module may use it; it uses none of them.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package cn.deputylink.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
