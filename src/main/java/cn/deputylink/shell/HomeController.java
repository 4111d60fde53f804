package cn.deputylink.shell;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.organisation.ListFilter;
import cn.deputylink.organisation.Registry;

/** The public front page and, once signed in, the dashboard of the user's role. */
@Controller
class HomeController {

	private final Registry registry;

	HomeController(Registry registry) {
		this.registry = registry;
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
		return "dashboard";
	}
}
