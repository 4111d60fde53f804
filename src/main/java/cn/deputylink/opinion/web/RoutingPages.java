package cn.deputylink.opinion.web;

import static cn.deputylink.shared.TextInput.blankToNull;

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
import cn.deputylink.account.Role;
import cn.deputylink.opinion.internal.Routing;
import cn.deputylink.opinion.RoutingRule;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.organisation.Tier;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.web.FormErrors;

/**
 * The routing table page (分办规则): county admins add and remove rules. The department
 * picker offers only the departments that fit the chosen category, tier and township; a
 * refused rule shows the form again as entered, with the reasons next to the fields.
 */
@Controller
@RequestMapping("/admin/routing")
class RoutingPages {

	private final Routing routing;

	private final RegistryLookup registryLookup;

	private final FormErrors errors;

	RoutingPages(Routing routing, RegistryLookup registryLookup, FormErrors errors) {
		this.routing = routing;
		this.registryLookup = registryLookup;
		this.errors = errors;
	}

	@GetMapping
	String list(@RequestParam(required = false) @Nullable String categoryCode, Model model) {
		return page(blankToNull(categoryCode), new Routing.RuleForm(null, null, null, null), model);
	}

	private String page(@Nullable String categoryCode, Routing.RuleForm form, Model model) {
		CurrentUser me = CurrentUser.get();
		// the table is the county's to keep; a township admin reads its rules through the
		// API
		me.requireRole(Role.COUNTY_ADMIN);
		var rules = routing.list(categoryCode, me);
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
		model.addAttribute("departmentNames", registryLookup.departmentNames(departments));
		model.addAttribute("townshipNames", registryLookup.townshipNames(townships));
		model.addAttribute("categories", registryLookup.activeCategories());
		model.addAttribute("categoryByCode", registryLookup.activeCategoriesByCode());
		model.addAttribute("tiers", Tier.values());
		model.addAttribute("townships", registryLookup.activeTownships());
		model.addAttribute("form", form);
		model.addAttribute("departments",
				routing.fittingDepartments(form.categoryCode(), form.tier(), form.townshipId(), me));
		return "opinion/routing";
	}

	/** The department choices for the cell chosen so far, swapped in by htmx. */
	@GetMapping("/departments")
	String departments(@RequestParam(required = false) @Nullable String categoryCode,
			@RequestParam(required = false) @Nullable Tier tier,
			@RequestParam(required = false) @Nullable Long townshipId, Model model) {
		model.addAttribute("form", new Routing.RuleForm(blankToNull(categoryCode), tier, townshipId, null));
		model.addAttribute("departments",
				routing.fittingDepartments(blankToNull(categoryCode), tier, townshipId, CurrentUser.get()));
		return "opinion/routing :: departmentOptions";
	}

	@PostMapping
	String create(@RequestParam(required = false) @Nullable String categoryCode,
			@RequestParam(required = false) @Nullable Tier tier,
			@RequestParam(required = false) @Nullable Long townshipId,
			@RequestParam(required = false) @Nullable Long departmentId, Model model, RedirectAttributes redirect) {
		Routing.RuleForm form = new Routing.RuleForm(blankToNull(categoryCode), tier, townshipId, departmentId);
		try {
			routing.create(form, CurrentUser.get());
		}
		catch (InvalidInputException | ConflictException ex) {
			Map<String, String> e = errors.of(ex);
			model.addAttribute("errors", e);
			return page(null, form, model);
		}
		redirect.addFlashAttribute("flash", errors.msg("saved"));
		return "redirect:/admin/routing";
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, RedirectAttributes redirect) {
		routing.delete(id, CurrentUser.get());
		redirect.addFlashAttribute("flash", errors.msg("saved"));
		return "redirect:/admin/routing";
	}

}
