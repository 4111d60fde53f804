package cn.deputylink.organisation.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.organisation.RegistrySheets;
import cn.deputylink.organisation.SheetKind;
import cn.deputylink.shared.excel.ImportRejectedException;
import cn.deputylink.shared.excel.SpreadsheetException;
import cn.deputylink.shared.web.Problems;

/**
 * Excel template, export and import of each registry list in the browser. An import either creates
 * every row and goes back to the list with "已导入 N 条", or creates nothing and shows the import page
 * again with every bad row and its reason; a file that is no workbook, or not this list's template,
 * gets one clear message. Nothing a person uploads ends in an error page.
 * <p>
 * Paths are literal per list for the reason given on {@link SheetApiController}: here
 * {@code POST /org/departments/{id}} would otherwise take {@code POST /org/departments/import}.
 */
@Controller
class SheetPageController {

	/** A bad row as the page shows it. */
	record RowMessage(int row, String message) {
	}

	private final RegistrySheets sheets;

	private final MessageSource messages;

	SheetPageController(RegistrySheets sheets, MessageSource messages) {
		this.sheets = sheets;
		this.messages = messages;
	}

	@GetMapping({ "/org/townships/template.xlsx", "/org/villages/template.xlsx", "/org/stations/template.xlsx",
			"/org/deputies/template.xlsx", "/org/departments/template.xlsx", "/org/categories/template.xlsx" })
	ResponseEntity<byte[]> template(HttpServletRequest request, Locale locale) {
		SheetKind kind = SheetApiController.kindOf(request);
		return SheetApiController.download(sheets.template(kind, locale), RegistrySheets.asciiFileName(kind, true),
				sheets.fileName(kind, true, locale));
	}

	@GetMapping({ "/org/townships/export.xlsx", "/org/villages/export.xlsx", "/org/stations/export.xlsx",
			"/org/deputies/export.xlsx", "/org/departments/export.xlsx", "/org/categories/export.xlsx" })
	ResponseEntity<byte[]> export(HttpServletRequest request, Locale locale) {
		SheetKind kind = SheetApiController.kindOf(request);
		return SheetApiController.download(sheets.export(kind, CurrentUser.get(), locale),
				RegistrySheets.asciiFileName(kind, false), sheets.fileName(kind, false, locale));
	}

	@GetMapping({ "/org/townships/import", "/org/villages/import", "/org/stations/import", "/org/deputies/import",
			"/org/departments/import", "/org/categories/import" })
	String form(HttpServletRequest request, @RequestParam(name = "error", required = false) @Nullable String error,
			Model model, Locale locale) {
		SheetKind kind = SheetApiController.kindOf(request);
		sheets.requireImporter(kind, CurrentUser.get());
		prepare(model, kind, locale);
		// set by the upload guard or the multipart handler below, which cannot render the page themselves
		if ("tooLarge".equals(error)) {
			model.addAttribute("message", msg(locale, "import.error.tooLarge"));
		}
		else if ("upload".equals(error)) {
			model.addAttribute("message", msg(locale, "import.error.upload"));
		}
		return "org/import";
	}

	@PostMapping({ "/org/townships/import", "/org/villages/import", "/org/stations/import", "/org/deputies/import",
			"/org/departments/import", "/org/categories/import" })
	String upload(HttpServletRequest request, @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			Model model, Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
		SheetKind kind = SheetApiController.kindOf(request);
		CurrentUser user = CurrentUser.get();
		sheets.requireImporter(kind, user);
		prepare(model, kind, locale);
		if (file == null || file.isEmpty()) {
			return refused(model, response, msg(locale, "import.error.noFile"));
		}
		int imported;
		try (InputStream in = file.getInputStream()) {
			imported = sheets.importRows(kind, in, user);
		}
		catch (ImportRejectedException ex) {
			List<RowMessage> rows = ex.errors()
				.stream()
				.map(e -> new RowMessage(e.row(), msg(locale, e.messageKey(), e.args())))
				.toList();
			model.addAttribute("rowErrors", rows);
			model.addAttribute("badRows", rows.stream().map(RowMessage::row).distinct().count());
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return "org/import";
		}
		catch (SpreadsheetException ex) {
			return refused(model, response, msg(locale, ex.messageKey()));
		}
		catch (IOException ex) {
			return refused(model, response, msg(locale, "import.error.upload"));
		}
		redirect.addFlashAttribute("flash", msg(locale, "import.done", imported));
		return "redirect:" + listUrl(kind);
	}

	/** A multipart failure met while binding the file; the page itself is not available here. */
	@ExceptionHandler(MultipartException.class)
	String multipart(MultipartException ex, HttpServletRequest request) {
		String reason = ex instanceof MaxUploadSizeExceededException ? "tooLarge" : "upload";
		return "redirect:/org/" + SheetApiController.kindOf(request).path() + "/import?error=" + reason;
	}

	private void prepare(Model model, SheetKind kind, Locale locale) {
		model.addAttribute("kindPath", kind.path());
		model.addAttribute("kindName", sheets.kindName(kind, locale));
		model.addAttribute("listUrl", listUrl(kind));
		model.addAttribute("rowErrors", List.of());
	}

	private static String refused(Model model, HttpServletResponse response, String message) {
		model.addAttribute("message", message);
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return "org/import";
	}

	/** Where the list is shown; villages are listed on their township's page. */
	static String listUrl(SheetKind kind) {
		return kind == SheetKind.VILLAGES ? "/org/townships" : "/org/" + kind.path();
	}

	private String msg(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

	/**
	 * Turns away an upload over the multipart limit before anything reads it, with the import page's
	 * message (pages) or a 413 problem (API). Without this guard an oversized upload would end as a
	 * 403 page: Tomcat drops every part of it, the CSRF token included, and the multipart error arises
	 * before any controller is chosen, where no page can report it. It runs after the request context
	 * (so messages follow the request's language) and before Spring Security (so the CSRF check never
	 * sees the truncated request).
	 */
	@Component
	@Order(-102)
	static class UploadSizeGuard extends OncePerRequestFilter {

		private final long maxBytes;

		private final Problems problems;

		UploadSizeGuard(@Value("${spring.servlet.multipart.max-file-size:10MB}") String maxFileSize, Problems problems) {
			this.maxBytes = DataSize.parse(maxFileSize).toBytes();
			this.problems = problems;
		}

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return !"POST".equals(request.getMethod()) || importPath(request).isEmpty();
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (request.getContentLengthLong() <= maxBytes) {
				chain.doFilter(request, response);
				return;
			}
			String path = importPath(request).orElseThrow();
			if (path.startsWith("/api/")) {
				problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "import.error.tooLarge");
			}
			else {
				response.sendRedirect(request.getContextPath() + path + "?error=tooLarge");
			}
		}

		/** The request's path when it is the import of a list: {@code /org/<kind>/import} or the API's. */
		static Optional<String> importPath(HttpServletRequest request) {
			String path = request.getRequestURI().substring(request.getContextPath().length());
			String[] parts = path.split("/");
			boolean page = parts.length == 4 && "org".equals(parts[1]);
			boolean api = parts.length == 5 && "api".equals(parts[1]) && "v1".equals(parts[2]);
			if ((page || api) && "import".equals(parts[parts.length - 1])
					&& SheetKind.fromPath(parts[parts.length - 2]).isPresent()) {
				return Optional.of(path);
			}
			return Optional.empty();
		}
	}
}
