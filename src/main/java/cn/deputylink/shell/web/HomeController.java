package cn.deputylink.shell.web;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.organisation.DepartmentService;
import cn.deputylink.organisation.DeputyService;
import cn.deputylink.organisation.ListFilter;
import cn.deputylink.organisation.StationService;
import cn.deputylink.organisation.TownshipService;
import cn.deputylink.organisation.VillageService;
import cn.deputylink.shell.DashboardTiles;

/** The public front page and, once signed in, the dashboard of the user's role. */
@Controller
class HomeController {

	private final TownshipService townships;

	private final VillageService villages;

	private final StationService stations;

	private final DeputyService deputies;

	private final DepartmentService departments;

	private final List<DashboardTiles> contributions;

	HomeController(TownshipService townships, VillageService villages, StationService stations, DeputyService deputies,
			DepartmentService departments, List<DashboardTiles> contributions) {
		this.townships = townships;
		this.villages = villages;
		this.stations = stations;
		this.deputies = deputies;
		this.departments = departments;
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
			model.addAttribute("townships", townships.count(all, me));
			model.addAttribute("villages", villages.count(all, me));
			model.addAttribute("stations", stations.count(all, me));
			model.addAttribute("deputies", deputies.count(all, me));
			model.addAttribute("departments", departments.count(all, null, me));
		}
		// the feature modules' tiles (the opinion queues, ...), each in the user's scope
		model.addAttribute("groups",
				contributions.stream()
					.map(c -> new DashboardTiles.Group(c.heading(), c.tiles(me)))
					.filter(g -> !g.tiles().isEmpty())
					.toList());
		return "dashboard";
	}

}
