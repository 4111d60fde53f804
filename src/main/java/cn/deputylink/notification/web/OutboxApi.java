package cn.deputylink.notification.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.deputylink.notification.internal.Outbox;
import cn.deputylink.notification.internal.OutboxEntry;
import cn.deputylink.notification.internal.OutboxStatus;
import cn.deputylink.shared.CursorPage;

/**
 * The outbox for county admins: {@code GET /api/v1/admin/outbox?status=}, {@code POST
 * .../{id}/retry}.
 */
@RestController
class OutboxApi {

	private final Outbox outbox;

	OutboxApi(Outbox outbox) {
		this.outbox = outbox;
	}

	/** Newest first; recipients masked. */
	@GetMapping("/api/v1/admin/outbox")
	CursorPage<OutboxEntry> list(@RequestParam(required = false) @Nullable OutboxStatus status,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		int n = CursorPage.limit(limit);
		List<OutboxEntry> rows = outbox.list(status, CursorPage.after(cursor), n + 1, 0);
		return CursorPage.of(rows, n, OutboxEntry::id);
	}

	/**
	 * A FAILED or UNCERTAIN message back to PENDING (409 in any other status, 404 if
	 * unknown).
	 */
	@PostMapping("/api/v1/admin/outbox/{id}/retry")
	OutboxEntry retry(@PathVariable long id) {
		return outbox.retry(id);
	}

}
