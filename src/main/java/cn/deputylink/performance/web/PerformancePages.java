package cn.deputylink.performance.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.performance.PerformanceFile;
import cn.deputylink.performance.PerformanceFiles;
import cn.deputylink.performance.internal.CalendarView;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.web.FormErrors;

/**
 * The performance file pages: the signed-in deputy's own ({@code /performance}), an
 * admin's look at a deputy ({@code /deputies/{id}/performance}), both with a year
 * selector, the figures, the year's calendar and the PDF
 * ({@code /deputies/{id}/performance.pdf}).
 */
@Controller
class PerformancePages {

	private final PerformanceFiles files;

	private final FormErrors errors;

	PerformancePages(PerformanceFiles files, FormErrors errors) {
		this.files = files;
		this.errors = errors;
	}

	@GetMapping("/performance")
	String mine(@RequestParam(required = false) @Nullable String year, Model model) {
		CurrentUser me = CurrentUser.get();
		me.requireRole(Role.DEPUTY);
		Long own = me.deputyId();
		if (own == null) {
			throw new AccessDeniedException("no deputy");
		}
		return show(own, year, model, me);
	}

	@GetMapping("/deputies/{id}/performance")
	String deputy(@PathVariable long id, @RequestParam(required = false) @Nullable String year, Model model) {
		return show(id, year, model, CurrentUser.get());
	}

	@GetMapping("/deputies/{id}/performance.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable long id, @RequestParam(required = false) @Nullable Integer year) {
		return pdfResponse(files, id, year);
	}

	static ResponseEntity<byte[]> pdfResponse(PerformanceFiles files, long id, @Nullable Integer year) {
		CurrentUser me = CurrentUser.get();
		byte[] pdf = files.pdf(id, year, LocaleContextHolder.getLocale(), me);
		String name = "performance-" + id + (year == null ? "" : "-" + year) + ".pdf";
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(pdf);
	}

	private String show(long id, @Nullable String year, Model model, CurrentUser me) {
		Integer y = null;
		if (year != null && !year.isBlank()) {
			try {
				y = Integer.parseInt(year.strip());
				if (y < 2000 || y > 2100) {
					throw new NumberFormatException(year);
				}
			}
			catch (NumberFormatException ex) {
				model.addAttribute("flashError", errors.msg("perf.error.yearPage"));
				FormErrors.markRefused();
				y = null;
			}
		}
		PerformanceFile file;
		try {
			file = files.file(id, y, me);
		}
		catch (InvalidInputException ex) {
			file = files.file(id, null, me);
		}
		model.addAttribute("file", file);
		model.addAttribute("months", CalendarView.months(file));
		model.addAttribute("marks", List.of(PerformanceFile.Mark.values()));
		model.addAttribute("own", me.is(Role.DEPUTY));
		return "performance/file";
	}

}
