package cn.deputylink.targets.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.targets.TownshipTargets;

/**
 * The pages: the year's ranking (a township admin: its own row), one township's items,
 * and the rules with the marks (edited through the API for now).
 */
@Controller
@RequestMapping("/targets")
class TargetsPages {

	private final TownshipTargets targets;

	TargetsPages(TownshipTargets targets) {
		this.targets = targets;
	}

	@GetMapping
	String ranking(@RequestParam(required = false) @Nullable Integer year, Model model) {
		CurrentUser me = CurrentUser.get();
		int y = targets.year(year);
		model.addAttribute("year", y);
		model.addAttribute("rows", targets.ranking(y, me));
		model.addAttribute("marks", targets.marks(me));
		return "targets/ranking";
	}

	@GetMapping("/townships/{id}")
	String township(@PathVariable long id, @RequestParam(required = false) @Nullable Integer year, Model model) {
		int y = targets.year(year);
		model.addAttribute("year", y);
		model.addAttribute("r", targets.township(id, y, CurrentUser.get()));
		return "targets/township";
	}

	@GetMapping("/rules")
	String rules(Model model) {
		CurrentUser me = CurrentUser.get();
		model.addAttribute("rules", targets.rules(me));
		model.addAttribute("marks", targets.marks(me));
		return "targets/rules";
	}

}
