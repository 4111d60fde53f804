package cn.deputylink.performance.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.activity.ActivityType;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.performance.Points;
import cn.deputylink.performance.PointsScheme;
import cn.deputylink.performance.PointsSchemes;
import cn.deputylink.performance.PointsTable;
import cn.deputylink.proposal.Evaluation;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.web.FormErrors;

/**
 * The points pages: for admins a township's table of a quarter (live, and the published
 * one) with the publish button; for a deputy its published scores and ranks; the scheme
 * (the county admin edits it).
 */
@Controller
@RequestMapping("/points")
class PointsPages {

	private final Points points;

	private final PointsSchemes schemes;

	private final RegistryLookup registry;

	private final FormErrors errors;

	PointsPages(Points points, PointsSchemes schemes, RegistryLookup registry, FormErrors errors) {
		this.points = points;
		this.schemes = schemes;
		this.registry = registry;
		this.errors = errors;
	}

	@GetMapping
	String show(@RequestParam(required = false) @Nullable String year,
			@RequestParam(required = false) @Nullable String quarter,
			@RequestParam(required = false) @Nullable Long townshipId, Model model) {
		CurrentUser me = CurrentUser.get();
		Integer y = number(year, model);
		if (me.is(Role.DEPUTY)) {
			Long own = me.deputyId();
			if (own == null) {
				throw new AccessDeniedException("no deputy");
			}
			model.addAttribute("mine", points.ofDeputy(own, y, me));
			model.addAttribute("scheme", schemes.get(me));
			return "performance/points";
		}
		me.requireRole(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);
		Integer q = number(quarter, model);
		Long t = townshipId;
		if (me.isCountyAdmin() && t == null) {
			t = registry.activeTownships().stream().findFirst().map(x -> x.id()).orElse(null);
		}
		PointsTable table;
		try {
			table = points.table(y, q, t, me);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("flashError", errors.of(ex).values().iterator().next());
			table = points.table(null, null, t, me);
		}
		model.addAttribute("table", table);
		model.addAttribute("townships", me.isCountyAdmin() ? registry.activeTownships() : List.of());
		model.addAttribute("years", points.currentYear());
		return "performance/points";
	}

	@PostMapping("/publications")
	String publish(@RequestParam(required = false) @Nullable String year,
			@RequestParam(required = false) @Nullable String quarter,
			@RequestParam(required = false) @Nullable Long townshipId, RedirectAttributes redirect) {
		CurrentUser me = CurrentUser.get();
		Integer y = parse(year);
		Integer q = parse(quarter);
		try {
			var p = points.publish(y, q, townshipId, me);
			redirect.addFlashAttribute("flash", errors.msg("points.publishedOk", p.year(), p.quarter()));
			return "redirect:/points?year=" + p.year() + "&quarter=" + p.quarter() + "&townshipId=" + p.townshipId();
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("flashError", errors.of(ex).values().iterator().next());
			return "redirect:/points" + (y != null && q != null && townshipId != null
					? "?year=" + y + "&quarter=" + q + "&townshipId=" + townshipId : "");
		}
	}

	@GetMapping("/scheme")
	String scheme(Model model) {
		CurrentUser me = CurrentUser.get();
		PointsScheme s = schemes.get(me);
		model.addAttribute("values", values(s));
		model.addAttribute("labels", labels());
		model.addAttribute("editable", me.isCountyAdmin());
		return "performance/scheme";
	}

	@PostMapping("/scheme")
	String saveScheme(@RequestParam MultiValueMap<String, String> form, Model model, RedirectAttributes redirect) {
		CurrentUser me = CurrentUser.get();
		me.requireRole(Role.COUNTY_ADMIN);
		Map<String, String> typed = new LinkedHashMap<>();
		for (String k : values(schemes.get(me)).keySet()) {
			String v = form.getFirst(k);
			typed.put(k, v == null ? "" : v);
		}
		Map<String, @Nullable Integer> activity = new LinkedHashMap<>();
		for (ActivityType t : ActivityType.values()) {
			activity.put(t.name(), parse(typed.get("activity." + t.name())));
		}
		Map<String, @Nullable Integer> evaluation = new LinkedHashMap<>();
		for (Evaluation e : Evaluation.values()) {
			evaluation.put(e.name(), parse(typed.get("evaluation." + e.name())));
		}
		try {
			schemes.update(new PointsSchemes.Change(activity, parse(typed.get("dutyAttended")),
					parse(typed.get("dutyAbsent")), parse(typed.get("proposalLed")),
					parse(typed.get("proposalCoSigned")), evaluation, parse(typed.get("opinionReceived"))), me);
			redirect.addFlashAttribute("flash", errors.msg("points.schemeSaved"));
			return "redirect:/points/scheme";
		}
		catch (InvalidInputException ex) {
			Map<String, String> errs = errors.of(ex);
			// a number that is no number is "required" to the service: say what was wrong
			model.addAttribute("errors", errs);
			model.addAttribute("values", typed);
			model.addAttribute("labels", labels());
			model.addAttribute("editable", true);
			return "performance/scheme";
		}
	}

	private Map<String, String> labels() {
		Map<String, String> m = new LinkedHashMap<>();
		for (ActivityType t : ActivityType.values()) {
			m.put("activity." + t.name(),
					errors.msg("points.scheme.activity", errors.msg("activity.type." + t.name())));
		}
		for (String k : List.of("dutyAttended", "dutyAbsent", "proposalLed", "proposalCoSigned")) {
			m.put(k, errors.msg("points.scheme." + k));
		}
		for (Evaluation e : Evaluation.values()) {
			m.put("evaluation." + e.name(),
					errors.msg("points.scheme.evaluation", errors.msg("perf.evaluation." + e.name())));
		}
		m.put("opinionReceived", errors.msg("points.scheme.opinionReceived"));
		return m;
	}

	/** The scheme as form fields: {@code activity.VISIT}, {@code dutyAttended}, ... */
	static Map<String, String> values(PointsScheme s) {
		Map<String, String> m = new LinkedHashMap<>();
		for (ActivityType t : ActivityType.values()) {
			m.put("activity." + t.name(), String.valueOf(s.activityPoints(t)));
		}
		m.put("dutyAttended", String.valueOf(s.dutyAttended()));
		m.put("dutyAbsent", String.valueOf(s.dutyAbsent()));
		m.put("proposalLed", String.valueOf(s.proposalLed()));
		m.put("proposalCoSigned", String.valueOf(s.proposalCoSigned()));
		for (Evaluation e : Evaluation.values()) {
			m.put("evaluation." + e.name(), String.valueOf(s.evaluationPoints(e)));
		}
		m.put("opinionReceived", String.valueOf(s.opinionReceived()));
		return m;
	}

	private @Nullable Integer number(@Nullable String s, Model model) {
		if (s == null || s.isBlank()) {
			return null;
		}
		Integer n = parse(s);
		if (n == null) {
			model.addAttribute("flashError", errors.msg("perf.error.yearPage"));
			FormErrors.markRefused();
		}
		return n;
	}

	private static @Nullable Integer parse(@Nullable String s) {
		if (s == null || s.isBlank()) {
			return null;
		}
		try {
			return Integer.parseInt(s.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
