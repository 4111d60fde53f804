package cn.deputylink.briefing.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.briefing.BriefingEdit;
import cn.deputylink.briefing.BriefingSummary;
import cn.deputylink.briefing.BriefingView;
import cn.deputylink.briefing.Briefings;
import cn.deputylink.briefing.NewBriefing;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.organisation.Station;
import cn.deputylink.organisation.Township;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.web.FormErrors;

/**
 * The pages: the list with the form that generates a draft for a period (quick picks or
 * two dates) and a scope ({@code /briefings}), and one briefing as a bulletin with the
 * draft's edit form, publication, deletion and the PDF and Word downloads
 * ({@code /briefings/{id}}). Refused forms are shown again with the input and the
 * messages.
 */
@Controller
@RequestMapping("/briefings")
class BriefingPages {

	static final List<String> QUICK = List.of("thisMonth", "lastMonth", "thisQuarter", "thisYear", "lastYear");

	private final Briefings briefings;

	private final RegistryLookup registry;

	private final FormErrors errors;

	private final Clock clock;

	private final ZoneId zone;

	BriefingPages(Briefings briefings, RegistryLookup registry, FormErrors errors, Clock clock,
			@Value("${deputylink.zone:Asia/Shanghai}") ZoneId zone) {
		this.briefings = briefings;
		this.registry = registry;
		this.errors = errors;
		this.clock = clock;
		this.zone = zone;
	}

	@GetMapping
	String list(Model model) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("quick", "thisMonth");
		return list(form, Map.of(), model);
	}

	@PostMapping
	String generate(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
		CurrentUser me = CurrentUser.get();
		Map<String, String> form = new LinkedHashMap<>();
		for (String f : List.of("quick", "from", "to", "townshipId", "stationId", "title")) {
			form.put(f, params.getOrDefault(f, "").strip());
		}
		try {
			LocalDate[] period = period(form.get("quick"), form.get("from"), form.get("to"));
			Long township = me.isCountyAdmin() ? id("townshipId", form.get("townshipId")) : me.townshipId();
			BriefingView b = briefings.generate(new NewBriefing(period[0], period[1], township,
					id("stationId", form.get("stationId")), blank(form.get("title"))), LocaleContextHolder.getLocale(),
					me);
			redirect.addFlashAttribute("flash", errors.msg("briefing.generated"));
			return "redirect:/briefings/" + b.id();
		}
		catch (InvalidInputException ex) {
			return list(form, errors.of(ex), model);
		}
	}

	@GetMapping("/{id}")
	String view(@PathVariable long id, Model model) {
		BriefingView b = briefings.get(id, CurrentUser.get());
		return view(b, formOf(b), Map.of(), model);
	}

	@PostMapping("/{id}")
	String edit(@PathVariable long id, @RequestParam Map<String, String> params, Model model,
			RedirectAttributes redirect) {
		CurrentUser me = CurrentUser.get();
		BriefingView b = briefings.get(id, me);
		Map<String, String> form = new LinkedHashMap<>();
		for (String f : List.of("title", "intro", "body", "version")) {
			form.put(f, params.getOrDefault(f, ""));
		}
		List<String> cases = new ArrayList<>();
		for (int k = 0; k < b.typicalCases().size(); k++) {
			String text = params.getOrDefault("case" + k, "");
			form.put("case" + k, text);
			cases.add(text);
		}
		try {
			briefings.edit(id, new BriefingEdit(form.get("title"), form.get("intro"), form.get("body"), cases,
					version(form.get("version"))), me);
			redirect.addFlashAttribute("flash", errors.msg("briefing.edit.saved"));
			return "redirect:/briefings/" + id;
		}
		catch (RuntimeException ex) {
			Map<String, String> messages = new LinkedHashMap<>(errors.of(ex));
			for (int k = 0; k < cases.size(); k++) {
				String m = messages.remove("caseTexts[" + k + "]");
				if (m != null) {
					messages.put("case" + k, m);
				}
			}
			return view(b, form, messages, model);
		}
	}

	@PostMapping("/{id}/publish")
	String publish(@PathVariable long id, @RequestParam(required = false) @Nullable String version, Model model,
			RedirectAttributes redirect) {
		CurrentUser me = CurrentUser.get();
		try {
			briefings.publish(id, version(version), me);
			redirect.addFlashAttribute("flash", errors.msg("briefing.published"));
			return "redirect:/briefings/" + id;
		}
		catch (RuntimeException ex) {
			Map<String, String> messages = errors.of(ex);
			BriefingView b = briefings.get(id, me);
			return view(b, formOf(b), messages, model);
		}
	}

	@PostMapping("/{id}/delete")
	String delete(@PathVariable long id, Model model, RedirectAttributes redirect) {
		CurrentUser me = CurrentUser.get();
		try {
			briefings.delete(id, me);
			redirect.addFlashAttribute("flash", errors.msg("briefing.deleted"));
			return "redirect:/briefings";
		}
		catch (RuntimeException ex) {
			Map<String, String> messages = errors.of(ex);
			BriefingView b = briefings.get(id, me);
			return view(b, formOf(b), messages, model);
		}
	}

	@GetMapping("/{id}/pdf")
	ResponseEntity<byte[]> pdf(@PathVariable long id) {
		return BriefingsApiController.pdfResponse(briefings, id);
	}

	@GetMapping("/{id}/docx")
	ResponseEntity<byte[]> docx(@PathVariable long id) {
		return BriefingsApiController.docxResponse(briefings, id);
	}

	private String list(Map<String, String> form, Map<String, String> messages, Model model) {
		CurrentUser me = CurrentUser.get();
		List<BriefingSummary> items = briefings.list(me);
		model.addAttribute("items", items);
		List<Township> townships = me.isCountyAdmin() ? registry.activeTownships() : List.of();
		Long own = me.townshipId();
		List<Station> stations = !me.isCountyAdmin() && own != null
				? registry.stationsOf(own).stream().filter(Station::active).toList() : List.of();
		model.addAttribute("townships", townships);
		model.addAttribute("stations", stations);
		model.addAttribute("quicks", QUICK);
		model.addAttribute("form", form);
		model.addAttribute("errors", messages);
		return "briefing/list";
	}

	private String view(BriefingView b, Map<String, String> form, Map<String, String> messages, Model model) {
		model.addAttribute("b", b);
		model.addAttribute("published", briefings.publishedText(b));
		model.addAttribute("form", form);
		model.addAttribute("errors", messages);
		return "briefing/view";
	}

	private static Map<String, String> formOf(BriefingView b) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("title", b.title());
		form.put("intro", b.intro());
		form.put("body", b.body());
		form.put("version", Integer.toString(b.version()));
		for (int k = 0; k < b.typicalCases().size(); k++) {
			form.put("case" + k, b.typicalCases().get(k).text());
		}
		return form;
	}

	/** The period of a quick pick, else of the two dates (400 when bad). */
	LocalDate[] period(@Nullable String quick, @Nullable String from, @Nullable String to) {
		LocalDate today = LocalDate.now(clock.withZone(zone));
		YearMonth month = YearMonth.from(today);
		String q = blank(quick);
		if (q == null || q.equals("custom")) {
			return new LocalDate[] { BriefingsApiController.date("from", from), BriefingsApiController.date("to", to) };
		}
		return switch (q) {
			case "thisMonth" -> new LocalDate[] { month.atDay(1), month.atEndOfMonth() };
			case "lastMonth" -> new LocalDate[] { month.minusMonths(1).atDay(1), month.minusMonths(1).atEndOfMonth() };
			case "thisQuarter" -> {
				YearMonth first = YearMonth.of(today.getYear(), (today.getMonthValue() - 1) / 3 * 3 + 1);
				yield new LocalDate[] { first.atDay(1), first.plusMonths(2).atEndOfMonth() };
			}
			case "thisYear" ->
				new LocalDate[] { LocalDate.of(today.getYear(), 1, 1), LocalDate.of(today.getYear(), 12, 31) };
			case "lastYear" ->
				new LocalDate[] { LocalDate.of(today.getYear() - 1, 1, 1), LocalDate.of(today.getYear() - 1, 12, 31) };
			default -> throw new InvalidInputException("quick", "briefing.error.quick");
		};
	}

	private static @Nullable Long id(String field, @Nullable String raw) {
		String s = blank(raw);
		if (s == null) {
			return null;
		}
		try {
			return Long.valueOf(s);
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException(field, "validation.typeMismatch");
		}
	}

	private static @Nullable Integer version(@Nullable String raw) {
		String s = blank(raw);
		if (s == null) {
			return null;
		}
		try {
			return Integer.valueOf(s);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static @Nullable String blank(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
