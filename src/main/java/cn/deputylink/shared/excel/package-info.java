/**
 * Spreadsheet import and export (CSV and .xlsx) with row-level errors: the
 * {@code shared :: excel} named interface, for the modules that import or export sheets.
 */
@NamedInterface("excel")
@NullMarked
package cn.deputylink.shared.excel;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
