package cn.deputylink.proposal.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.deputylink.proposal.ProposalQueries;
import cn.deputylink.proposal.PublicProposal;
import cn.deputylink.shared.NotFoundException;
import cn.deputylink.shared.PageView;

import java.util.List;

/**
 * The public list of replied proposals whose deputies agreed to publish the reply, and
 * one of them; no account needed.
 */
@Controller
@RequestMapping("/public/proposals")
class PublicProposalPages {

	private final ProposalQueries queries;

	PublicProposalPages(ProposalQueries queries) {
		this.queries = queries;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "1") int page, Model model) {
		int number = Math.max(1, Math.min(page, PageView.MAX_NUMBER));
		// one more than a page tells whether a next page exists
		List<PublicProposal> rows = queries.publicList(PageView.SIZE + 1, PageView.offset(number));
		boolean more = rows.size() > PageView.SIZE;
		model.addAttribute("proposals", more ? rows.subList(0, PageView.SIZE) : rows);
		model.addAttribute("pageNumber", number);
		model.addAttribute("more", more);
		return "public/proposals";
	}

	@GetMapping("/{id}")
	String one(@PathVariable long id, Model model) {
		model.addAttribute("v", queries.publicOne(id).orElseThrow(() -> new NotFoundException("proposal", id)));
		return "public/proposal";
	}

}
