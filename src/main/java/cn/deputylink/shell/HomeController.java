package cn.deputylink.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.opinion.OpinionFilter;
import cn.deputylink.opinion.OpinionQueries;
import cn.deputylink.opinion.OpinionStatus;
import cn.deputylink.organisation.ListFilter;
import cn.deputylink.organisation.Registry;

/** The public front page and, once signed in, the dashboard of the user's role. */
@Controller
class HomeController {

	private final Registry registry;

	private final OpinionQueries queries;

	HomeController(Registry registry, OpinionQueries queries) {
		this.registry = registry;
		this.queries = queries;
	}

	@GetMapping("/")
	String home() {
		return CurrentUser.find().isPresent() ? "redirect:/dashboard" : "public/home";
	}

	@GetMapping("/dashboard")
	String dashboard(Model model) {
		CurrentUser me = CurrentUser.get();
		if (me.isCountyAdmin() || me.townshipScope().isPresent()) {
			ListFilter all = ListFilter.all();
			model.addAttribute("townships", registry.countTownships(all, me));
			model.addAttribute("villages", registry.countVillages(all, me));
			model.addAttribute("stations", registry.countStations(all, me));
			model.addAttribute("deputies", registry.countDeputies(all, me));
			model.addAttribute("departments", registry.countDepartments(all, null, me));
		}
		// the opinion queues the user works from, in the user's scope
		Map<String, Integer> queues = new LinkedHashMap<>();
		for (OpinionStatus s : List.of(OpinionStatus.SUBMITTED, OpinionStatus.TRIAGED, OpinionStatus.ASSIGNED,
				OpinionStatus.IN_PROGRESS, OpinionStatus.REPLIED)) {
			queues.put(s.name(), queries.count(OpinionFilter.none().withStatus(s), me));
		}
		model.addAttribute("queues", queues);
		model.addAttribute("overdue", queries.count(OpinionFilter.none().withOverdue(true), me));
		return "dashboard";
	}
}
