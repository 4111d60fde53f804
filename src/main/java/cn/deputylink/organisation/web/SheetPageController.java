package cn.deputylink.organisation.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.organisation.internal.RegistrySheets.ImportResult;
import cn.deputylink.organisation.internal.RegistrySheets;
import cn.deputylink.shared.excel.ImportRejectedException;
import cn.deputylink.shared.excel.SpreadsheetException;
import cn.deputylink.shared.web.RejectedRows;

/**
 * Excel template, export and import of each registry list in the browser. An import
 * either takes every row and goes back to the list with "新增 N 条，更新 M 条", or writes
 * nothing and shows the import page again with every bad row and its reason; a file that
 * is no workbook, or not this list's template, gets one clear message. Nothing a person
 * uploads ends in an error page.
 * <p>
 * Paths are literal per list for the reason given on {@link SheetApiController}: here
 * {@code POST /org/departments/{id}} would otherwise take
 * {@code POST /org/departments/import}.
 */
@Controller
class SheetPageController {

	private final RegistrySheets sheets;

	private final MessageSource messages;

	SheetPageController(RegistrySheets sheets, MessageSource messages) {
		this.sheets = sheets;
		this.messages = messages;
	}

	@GetMapping({ "/org/townships/template.xlsx", "/org/villages/template.xlsx", "/org/stations/template.xlsx",
			"/org/deputies/template.xlsx", "/org/departments/template.xlsx", "/org/categories/template.xlsx" })
	ResponseEntity<byte[]> template(HttpServletRequest request, Locale locale) {
		String kind = SheetApiController.kindOf(request, sheets);
		return SheetApiController.download(sheets.template(kind, locale), RegistrySheets.asciiFileName(kind, true),
				sheets.fileName(kind, true, locale));
	}

	@GetMapping({ "/org/townships/export.xlsx", "/org/villages/export.xlsx", "/org/stations/export.xlsx",
			"/org/deputies/export.xlsx", "/org/departments/export.xlsx", "/org/categories/export.xlsx" })
	ResponseEntity<byte[]> export(HttpServletRequest request, Locale locale) {
		String kind = SheetApiController.kindOf(request, sheets);
		return SheetApiController.download(sheets.export(kind, CurrentUser.get(), locale),
				RegistrySheets.asciiFileName(kind, false), sheets.fileName(kind, false, locale));
	}

	@GetMapping({ "/org/townships/import", "/org/villages/import", "/org/stations/import", "/org/deputies/import",
			"/org/departments/import", "/org/categories/import" })
	String form(HttpServletRequest request, @RequestParam(name = "error", required = false) @Nullable String error,
			Model model, Locale locale) {
		String kind = SheetApiController.kindOf(request, sheets);
		sheets.requireImporter(kind, CurrentUser.get());
		prepare(model, kind, locale);
		// set by the upload guard or the multipart handler below, which cannot render the
		// page themselves
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
	String upload(HttpServletRequest request,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file, Model model, Locale locale,
			RedirectAttributes redirect, HttpServletResponse response) {
		String kind = SheetApiController.kindOf(request, sheets);
		CurrentUser user = CurrentUser.get();
		sheets.requireImporter(kind, user);
		prepare(model, kind, locale);
		if (file == null || file.isEmpty()) {
			return refused(model, response, msg(locale, "import.error.noFile"));
		}
		ImportResult imported;
		try (InputStream in = file.getInputStream()) {
			imported = sheets.importRows(kind, in, user);
		}
		catch (ImportRejectedException ex) {
			RejectedRows.addTo(model, ex, messages, locale);
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return "org/import";
		}
		catch (SpreadsheetException ex) {
			return refused(model, response, msg(locale, ex.messageKey()));
		}
		catch (IOException ex) {
			return refused(model, response, msg(locale, "import.error.upload"));
		}
		redirect.addFlashAttribute("flash",
				msg(locale, "clerk.import.done", imported.created(), imported.updated(), imported.unchanged()));
		return "redirect:" + listUrl(kind);
	}

	/**
	 * A multipart failure met while binding the file; the page itself is not available
	 * here.
	 */
	@ExceptionHandler(MultipartException.class)
	String multipart(MultipartException ex, HttpServletRequest request) {
		String reason = ex instanceof MaxUploadSizeExceededException ? "tooLarge" : "upload";
		return "redirect:/org/" + SheetApiController.kindOf(request, sheets) + "/import?error=" + reason;
	}

	private void prepare(Model model, String kind, Locale locale) {
		model.addAttribute("kindPath", kind);
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
	static String listUrl(String kind) {
		return "villages".equals(kind) ? "/org/townships" : "/org/" + kind;
	}

	private String msg(Locale locale, String key, Object... args) {
		return Objects.requireNonNullElse(messages.getMessage(key, args, key, locale), key);
	}

}
