package cn.deputylink.ledger.web;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.ledger.LedgerFigures;
import cn.deputylink.ledger.LedgerFile;
import cn.deputylink.ledger.StationLedgers;
import cn.deputylink.shared.excel.Spreadsheets;

/**
 * A station's ledger: {@code GET /api/v1/ledgers/stations/{stationId}.xlsx?from=&to=}
 * (the workbook, as an attachment) and {@code GET
 * /api/v1/ledgers/stations/{stationId}/figures?from=&to=} (its figures as JSON). Scope
 * and errors as {@link StationLedgers} says.
 */
@RestController
@RequestMapping("/api/v1/ledgers")
class LedgerApiController {

	private final StationLedgers ledgers;

	LedgerApiController(StationLedgers ledgers) {
		this.ledgers = ledgers;
	}

	@GetMapping("/stations/{stationId}.xlsx")
	ResponseEntity<byte[]> workbook(@PathVariable long stationId, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to) {
		LedgerFile file = ledgers.export(stationId, from, to, CurrentUser.get(), LocaleContextHolder.getLocale());
		return attachment(file);
	}

	@GetMapping("/stations/{stationId}/figures")
	LedgerFigures figures(@PathVariable long stationId, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to) {
		return ledgers.figures(stationId, from, to, CurrentUser.get());
	}

	static ResponseEntity<byte[]> attachment(LedgerFile file) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(Spreadsheets.CONTENT_TYPE))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename(file.fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.cacheControl(CacheControl.noStore())
			.body(file.content());
	}

}
