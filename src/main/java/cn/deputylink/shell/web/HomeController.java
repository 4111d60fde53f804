package cn.deputylink.shell.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.organisation.ListFilter;
import cn.deputylink.organisation.Registry;
import cn.deputylink.shell.DashboardTiles;

/** The public front page and, once signed in, the dashboard of the user's role. */
@Controller
class HomeController {

	private final Registry registry;

	private final List<DashboardTiles> contributions;

	HomeController(Registry registry, List<DashboardTiles> contributions) {
		this.registry = registry;
		this.contributions = contributions;
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
		// the feature modules' tiles (the opinion queues, ...), each in the user's scope
		model.addAttribute("groups", contributions.stream()
			.map(c -> new DashboardTiles.Group(c.heading(), c.tiles(me)))
			.filter(g -> !g.tiles().isEmpty())
			.toList());
		return "dashboard";
	}
}
