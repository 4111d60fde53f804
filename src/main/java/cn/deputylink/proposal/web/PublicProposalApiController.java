package cn.deputylink.proposal.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.deputylink.proposal.ProposalQueries;
import cn.deputylink.proposal.PublicProposal;
import cn.deputylink.shared.CursorPage;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.NotFoundException;

/**
 * Replied proposals whose deputies agreed to publish them, without a login: phone and ID
 * numbers removed from the text. The list's cursor is the position of the next page.
 */
@RestController
@RequestMapping("/api/v1/public/proposals")
class PublicProposalApiController {

	private final ProposalQueries queries;

	PublicProposalApiController(ProposalQueries queries) {
		this.queries = queries;
	}

	@GetMapping
	CursorPage<PublicProposal> list(@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		int n = CursorPage.limit(limit);
		int offset;
		try {
			offset = cursor == null || cursor.isBlank() ? 0 : Integer.parseInt(cursor);
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("cursor", "validation.cursor");
		}
		if (offset < 0) {
			throw new InvalidInputException("cursor", "validation.cursor");
		}
		List<PublicProposal> rows = queries.publicList(n + 1, offset);
		boolean more = rows.size() > n;
		return new CursorPage<>(more ? rows.subList(0, n) : rows, more ? String.valueOf(offset + n) : null);
	}

	@GetMapping("/{id}")
	PublicProposal one(@PathVariable long id) {
		return queries.publicOne(id).orElseThrow(() -> new NotFoundException("proposal", id));
	}

}
