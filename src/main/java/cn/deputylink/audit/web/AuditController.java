package cn.deputylink.audit.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.deputylink.audit.AuditLog;
import cn.deputylink.shared.PageView;
import cn.deputylink.shared.TextInput;

/**
 * Searching the audit log: the page, for county admins only ({@link AuditApiController}
 * is the API).
 */
@Controller
class AuditController {

	private final AuditLog log;

	AuditController(AuditLog log) {
		this.log = log;
	}

	static AuditLog.Filter filter(@Nullable String actor, @Nullable String action, @Nullable String outcome,
			@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String q) {
		ZoneId zone = ZoneId.systemDefault();
		return new AuditLog.Filter(TextInput.blankToNull(actor), TextInput.blankToNull(action),
				TextInput.blankToNull(outcome), from == null ? null : from.atStartOfDay(zone).toOffsetDateTime(),
				to == null ? null : to.plusDays(1).atStartOfDay(zone).toOffsetDateTime(), TextInput.blankToNull(q));
	}

	@GetMapping("/admin/audit")
	String page(@RequestParam(required = false) @Nullable String actor,
			@RequestParam(required = false) @Nullable String action,
			@RequestParam(required = false) @Nullable String outcome,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "1") int page,
			Model model) {
		AuditLog.Filter f = filter(actor, action, outcome, from, to, q);
		model.addAttribute("page", new PageView<>(log.search(f, 0, PageView.SIZE, PageView.offset(page)), page,
				PageView.SIZE, log.count(f)));
		model.addAttribute("actor", actor);
		model.addAttribute("action", action);
		model.addAttribute("actions", log.actions());
		model.addAttribute("outcome", outcome);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("q", q);
		return "admin/audit";
	}

}
