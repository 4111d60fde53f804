package cn.deputylink.notification.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.notification.internal.Inbox;
import cn.deputylink.notification.internal.InboxEntry;
import cn.deputylink.shared.CursorPage;

/**
 * The caller's inbox: {@code GET /api/v1/inbox}, {@code POST /api/v1/inbox/{id}/read}.
 */
@RestController
class InboxApi {

	private final Inbox inbox;

	InboxApi(Inbox inbox) {
		this.inbox = inbox;
	}

	/** Newest first. */
	@GetMapping("/api/v1/inbox")
	CursorPage<InboxEntry> list(@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		int n = CursorPage.limit(limit);
		List<InboxEntry> rows = inbox.list(CurrentUser.get(), CursorPage.after(cursor), n + 1, 0);
		return CursorPage.of(rows, n, InboxEntry::id);
	}

	/** 204; 404 for an id that is not the caller's. */
	@PostMapping("/api/v1/inbox/{id}/read")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void read(@PathVariable long id) {
		inbox.markRead(id, CurrentUser.get());
	}

}
