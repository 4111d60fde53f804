/**
 * HTML to PDF with the application's embedded CJK font: the {@code shared :: pdf} named
 * interface, for the modules that serve PDFs (performance files, briefings).
 */
@NamedInterface("pdf")
@NullMarked
package cn.deputylink.shared.pdf;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
