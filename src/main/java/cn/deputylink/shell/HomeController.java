package cn.deputylink.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.opinion.OpinionFilter;
import cn.deputylink.opinion.OpinionHandling;
import cn.deputylink.opinion.OpinionStatus;
import cn.deputylink.organisation.DepartmentService;
import cn.deputylink.organisation.DeputyService;
import cn.deputylink.organisation.ListFilter;
import cn.deputylink.organisation.StationService;
import cn.deputylink.organisation.TownshipService;
import cn.deputylink.organisation.VillageService;

/** The public front page and, once signed in, the dashboard of the user's role. */
@Controller
class HomeController {

	private final TownshipService townships;

	private final VillageService villages;

	private final StationService stations;

	private final DeputyService deputies;

	private final DepartmentService departments;

	private final OpinionHandling opinions;

	HomeController(TownshipService townships, VillageService villages, StationService stations,
			DeputyService deputies, DepartmentService departments, OpinionHandling opinions) {
		this.townships = townships;
		this.villages = villages;
		this.stations = stations;
		this.deputies = deputies;
		this.departments = departments;
		this.opinions = opinions;
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
		// the opinion queues the user works from, in the user's scope
		Map<String, Integer> queues = new LinkedHashMap<>();
		for (OpinionStatus s : List.of(OpinionStatus.SUBMITTED, OpinionStatus.TRIAGED, OpinionStatus.ASSIGNED,
				OpinionStatus.IN_PROGRESS, OpinionStatus.REPLIED)) {
			queues.put(s.name(), opinions.count(OpinionFilter.none().withStatus(s), me));
		}
		model.addAttribute("queues", queues);
		model.addAttribute("overdue", opinions.count(OpinionFilter.none().withOverdue(true), me));
		return "dashboard";
	}
}
