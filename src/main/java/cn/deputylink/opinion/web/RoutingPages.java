package cn.deputylink.opinion.web;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.opinion.Routing;
import cn.deputylink.opinion.RoutingRule;
import cn.deputylink.organisation.Places;
import cn.deputylink.organisation.Tier;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.web.FormErrors;

/** The routing table page (分办规则): county admins add and remove rules. */
@Controller
@RequestMapping("/admin/routing")
class RoutingPages {

	private final Routing routing;

	private final Places places;

	private final FormErrors errors;

	RoutingPages(Routing routing, Places places, FormErrors errors) {
		this.routing = routing;
		this.places = places;
		this.errors = errors;
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable String categoryCode, Model model) {
		CurrentUser me = CurrentUser.get();
		var rules = routing.list(categoryCode == null || categoryCode.isBlank() ? null : categoryCode, me);
		Set<Long> departments = new HashSet<>();
		Set<Long> townships = new HashSet<>();
		for (RoutingRule r : rules) {
			departments.add(r.departmentId());
			if (r.townshipId() != null) {
				townships.add(r.townshipId());
			}
		}
		model.addAttribute("rules", rules);
		model.addAttribute("categoryCode", categoryCode);
		model.addAttribute("departmentNames", places.departmentNames(departments));
		model.addAttribute("townshipNames", places.townshipNames(townships));
		model.addAttribute("categories", places.activeCategories());
		model.addAttribute("categoryByCode", places.activeCategoriesByCode());
		model.addAttribute("tiers", Tier.values());
		model.addAttribute("townships", places.activeTownships());
		model.addAttribute("departments", places.departmentsFor(null));
		return "opinion/routing";
	}

	@PostMapping
	String create(@RequestParam(required = false) @Nullable String categoryCode,
			@RequestParam(required = false) @Nullable Tier tier, @RequestParam(required = false) @Nullable Long townshipId,
			@RequestParam(required = false) @Nullable Long departmentId, RedirectAttributes redirect) {
		try {
			routing.create(new Routing.RuleForm(categoryCode, tier, townshipId, departmentId), CurrentUser.get());
			redirect.addFlashAttribute("flash", errors.msg("saved"));
		}
		catch (InvalidInputException | ConflictException ex) {
			Map<String, String> e = errors.of(ex);
			redirect.addFlashAttribute("flashError", String.join("；", e.values()));
		}
		return "redirect:/admin/routing";
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		routing.delete(id, CurrentUser.get());
		redirect.addFlashAttribute("flash", errors.msg("saved"));
		return "redirect:/admin/routing";
	}
}
