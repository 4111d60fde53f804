package cn.deputylink.organisation.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.organisation.internal.RegistrySheets.ImportResult;
import cn.deputylink.organisation.internal.RegistrySheets;
import cn.deputylink.shared.NotFoundException;
import cn.deputylink.shared.excel.SpreadsheetException;
import cn.deputylink.shared.excel.Spreadsheets;

/**
 * Excel template, export and import of each registry list in the API. A bad file is a 400
 * problem (the API's exception handler lists every bad row); a good one answers
 * {@code {"imported": rows, "created": n, "updated": m, "unchanged": k}}.
 * <p>
 * The paths are spelled out per list instead of {@code /api/v1/{kind}/...}: the
 * registry's own controllers map {@code /api/v1/stations/{id}}, and Spring prefers the
 * longer of two patterns with one variable each, so {@code POST /api/v1/stations/import}
 * could land on an id mapping. A literal path always wins. An unknown list is a 404 from
 * the API's fallback.
 */
@RestController
class SheetApiController {

	private final RegistrySheets sheets;

	SheetApiController(RegistrySheets sheets) {
		this.sheets = sheets;
	}

	@GetMapping({ "/api/v1/townships/template.xlsx", "/api/v1/villages/template.xlsx", "/api/v1/stations/template.xlsx",
			"/api/v1/deputies/template.xlsx", "/api/v1/departments/template.xlsx", "/api/v1/categories/template.xlsx" })
	ResponseEntity<byte[]> template(HttpServletRequest request, Locale locale) {
		String kind = kindOf(request, sheets);
		return download(sheets.template(kind, locale), RegistrySheets.asciiFileName(kind, true),
				sheets.fileName(kind, true, locale));
	}

	@GetMapping({ "/api/v1/townships/export.xlsx", "/api/v1/villages/export.xlsx", "/api/v1/stations/export.xlsx",
			"/api/v1/deputies/export.xlsx", "/api/v1/departments/export.xlsx", "/api/v1/categories/export.xlsx" })
	ResponseEntity<byte[]> export(HttpServletRequest request, Locale locale) {
		String kind = kindOf(request, sheets);
		return download(sheets.export(kind, CurrentUser.get(), locale), RegistrySheets.asciiFileName(kind, false),
				sheets.fileName(kind, false, locale));
	}

	@PostMapping(path = { "/api/v1/townships/import", "/api/v1/villages/import", "/api/v1/stations/import",
			"/api/v1/deputies/import", "/api/v1/departments/import", "/api/v1/categories/import" })
	Map<String, Integer> importFile(HttpServletRequest request,
			@RequestParam(name = "file", required = false) @Nullable MultipartFile file) {
		String kind = kindOf(request, sheets);
		// no multipart body, no file part or an empty file: the same clear message
		if (file == null || file.isEmpty()) {
			throw new SpreadsheetException("import.error.noFile");
		}
		try (InputStream in = file.getInputStream()) {
			ImportResult r = sheets.importRows(kind, in, CurrentUser.get());
			return Map.of("imported", r.rows(), "created", r.created(), "updated", r.updated(), "unchanged",
					r.unchanged());
		}
		catch (IOException ex) {
			throw new SpreadsheetException("import.error.unreadable", ex);
		}
	}

	/**
	 * The list a sheet path names: the segment before the last
	 * ({@code .../stations/import}).
	 */
	static String kindOf(HttpServletRequest request, RegistrySheets sheets) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String[] parts = path.split("/");
		String segment = parts.length >= 2 ? parts[parts.length - 2] : "";
		if (!sheets.has(segment)) {
			throw new NotFoundException("list", segment);
		}
		return segment;
	}

	/**
	 * An .xlsx attachment. The name goes twice: ASCII for old clients, and RFC 5987 UTF-8
	 * so that browsers save the Chinese name.
	 */
	static ResponseEntity<byte[]> download(byte[] body, String asciiName, String name) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(Spreadsheets.CONTENT_TYPE))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''" + rfc5987(name))
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(body);
	}

	/** Percent-encodes everything outside RFC 5987's attr-char set. */
	static String rfc5987(String value) {
		StringBuilder out = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "!#$&+-.^_`|~".indexOf(c) >= 0) {
				out.append((char) c);
			}
			else {
				out.append('%')
					.append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
			}
		}
		return out.toString();
	}

}
