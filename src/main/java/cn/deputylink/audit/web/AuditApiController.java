package cn.deputylink.audit.web;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.deputylink.audit.AuditEvent;
import cn.deputylink.audit.AuditLog;
import cn.deputylink.shared.CursorPage;

/**
 * Searching the audit log through the API, for county admins only. A
 * {@code @RestController} of its own, so that a bad limit or cursor is a problem+json 400
 * like everywhere else in the API (as a {@code @ResponseBody} method of the page
 * controller it escaped the API's exception handler: 500).
 */
@RestController
class AuditApiController {

	private final AuditLog log;

	AuditApiController(AuditLog log) {
		this.log = log;
	}

	/** Newest first; the cursor walks backwards in time. */
	@GetMapping("/api/v1/audit")
	CursorPage<AuditEvent> api(@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String outcome,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		int n = CursorPage.limit(limit);
		List<AuditEvent> rows = log.search(AuditController.filter(actor, action, outcome, from, to, q),
				CursorPage.after(cursor), n + 1, 0);
		return CursorPage.of(rows, n, AuditEvent::id);
	}

}
