package cn.deputylink.opinion.web;

import static cn.deputylink.shared.TextInput.blankToNull;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.opinion.Action;
import cn.deputylink.opinion.Attachment;
import cn.deputylink.shared.AttachmentTooLargeException;
import cn.deputylink.opinion.DeadlineColour;
import cn.deputylink.opinion.Intake;
import cn.deputylink.opinion.Opinion;
import cn.deputylink.opinion.OpinionDetail;
import cn.deputylink.opinion.OpinionFilter;
import cn.deputylink.opinion.ConstituentFeedback;
import cn.deputylink.opinion.Deadlines;
import cn.deputylink.opinion.DepartmentHandling;
import cn.deputylink.opinion.OpinionEscalation;
import cn.deputylink.opinion.OpinionIntake;
import cn.deputylink.opinion.OpinionQueries;
import cn.deputylink.opinion.OpinionTriage;
import cn.deputylink.opinion.OpinionSettings;
import cn.deputylink.opinion.OpinionStatus;
import cn.deputylink.opinion.Outcome;
import cn.deputylink.opinion.Satisfaction;
import cn.deputylink.opinion.Source;
import cn.deputylink.organisation.Department;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.organisation.Tier;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.web.AttachmentResponses;
import cn.deputylink.shared.PageView;
import cn.deputylink.shared.web.FormErrors;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Staff pages for opinions: the list with filters (also the triage queue, a department's
 * queue and the overdue list), intake, and the detail page with the timeline and exactly
 * the actions the viewer may take.
 */
@Controller
@RequestMapping("/opinions")
class OpinionPages {

	private final OpinionIntake intake;

	private final OpinionTriage triage;

	private final DepartmentHandling handling;

	private final ConstituentFeedback feedback;

	private final OpinionEscalation escalation;

	private final OpinionQueries queries;

	private final RegistryLookup registryLookup;

	private final FormErrors errors;

	private final ZoneId zone;

	private final OpinionExport export;

	OpinionPages(OpinionIntake intake, OpinionTriage triage, DepartmentHandling handling, ConstituentFeedback feedback,
			OpinionEscalation escalation, OpinionQueries queries, RegistryLookup registryLookup, FormErrors errors,
			OpinionSettings settings, OpinionExport export) {
		this.intake = intake;
		this.triage = triage;
		this.handling = handling;
		this.feedback = feedback;
		this.escalation = escalation;
		this.queries = queries;
		this.registryLookup = registryLookup;
		this.errors = errors;
		this.zone = settings.zone();
		this.export = export;
	}

	/** The filtered list as Excel (personal information masked). */
	@GetMapping("/export.xlsx")
	ResponseEntity<byte[]> exportList(FilterParams params, Locale locale) {
		return export.xlsx(params.filter(), CurrentUser.get(), locale);
	}

	// ------------------------------------------------------------------ list

	@GetMapping
	String list(@RequestParam(defaultValue = "1") int page, FilterParams params, Model model) {
		CurrentUser me = CurrentUser.get();
		OpinionFilter f = params.shortened().filter();
		int number = Math.max(page, 1);
		List<Opinion> rows = queries.list(f, me, 0, PageView.SIZE, PageView.offset(number));
		Deadlines deadlines = queries.deadlines();
		model.addAttribute("page", new PageView<>(rows.stream().map(o -> new Row(o, deadlines.colour(o))).toList(),
				number, PageView.SIZE, queries.count(f, me)));
		model.addAttribute("filter", f);
		model.addAttribute("q", f.q());
		model.addAttribute("statuses", OpinionStatus.values());
		model.addAttribute("colours", DeadlineColour.values());
		model.addAttribute("categories", registryLookup.activeCategories());
		Long scope = me.townshipScope().orElse(null);
		model.addAttribute("townships", me.isCountyAdmin() ? registryLookup.activeTownships() : List.of());
		boolean staff = !me.is(Role.DEPARTMENT_HANDLER) && !me.is(Role.DEPUTY);
		model.addAttribute("stations", staff ? registryLookup.stationsOf(scope) : List.of());
		model.addAttribute("departments", staff ? registryLookup.departmentsFor(scope) : List.of());
		addNames(model, rows);
		return "opinion/list";
	}

	/** A list row: the opinion with its deadline state. */
	record Row(Opinion opinion, @Nullable DeadlineColour colour) {
	}

	private void addNames(Model model, Collection<Opinion> rows) {
		Set<Long> stations = new HashSet<>();
		Set<Long> departments = new HashSet<>();
		Set<Long> townships = new HashSet<>();
		Set<Long> villages = new HashSet<>();
		for (Opinion o : rows) {
			add(stations, o.stationId());
			add(departments, o.departmentId());
			add(townships, o.townshipId());
			add(villages, o.villageId());
		}
		model.addAttribute("stationNames", registryLookup.stationNames(stations));
		model.addAttribute("departmentNames", registryLookup.departmentNames(departments));
		model.addAttribute("townshipNames", registryLookup.townshipNames(townships));
		model.addAttribute("villageNames", registryLookup.villageNames(villages));
		model.addAttribute("categoryByCode", registryLookup.activeCategoriesByCode());
	}

	private static void add(Set<Long> set, @Nullable Long id) {
		if (id != null) {
			set.add(id);
		}
	}

	// ------------------------------------------------------------------ intake

	private void prepareForm(Model model) {
		CurrentUser me = CurrentUser.get();
		Long scope = me.townshipScope().orElse(null);
		model.addAttribute("sources", Source.values());
		model.addAttribute("categories", registryLookup.activeCategories());
		model.addAttribute("stations", registryLookup.stationsOf(scope));
		var townships = scope == null ? registryLookup.activeTownships()
				: registryLookup.township(scope).stream().toList();
		model.addAttribute("villageGroups",
				townships.stream().map(t -> Map.entry(t, registryLookup.villagesOf(t.id()))).toList());
		// the deputies who may have received it: those of the liaison's station, or of
		// the township's stations
		Set<Long> deputies = new TreeSet<>();
		if (scope != null) {
			registryLookup.stationsOf(scope)
				.stream()
				.filter(st -> me.stationId() == null || st.id() == me.stationId())
				.forEach(st -> deputies.addAll(st.deputyIds()));
		}
		model.addAttribute("deputyChoices", registryLookup.deputyNames(deputies));
	}

	@GetMapping("/new")
	String newForm(Model model) {
		CurrentUser me = CurrentUser.get();
		intake.requireRegistrar(me);
		prepareForm(model);
		model.addAttribute("form", new IntakeForm(Source.RECEPTION, me.stationId(), null, null, "",
				LocalDateTime.now(zone).withSecond(0).withNano(0), List.of(), "", "", false));
		return "opinion/new";
	}

	/** The staff intake form's fields. */
	record IntakeForm(@Nullable Source source, @Nullable Long stationId, @Nullable Long villageId,
			@Nullable String categoryCode, @Nullable String content,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable LocalDateTime receivedAt,
			@Nullable List<Long> deputyIds, @Nullable String name, @Nullable String phone,
			@Nullable Boolean anonymous) {
	}

	@PostMapping
	String create(IntakeForm form, @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
			Model model, RedirectAttributes redirect) {
		CurrentUser me = CurrentUser.get();
		try {
			Intake in = new Intake(form.source() == null ? Source.RECEPTION : form.source(), form.stationId(),
					form.villageId(), blankToNull(form.categoryCode()), form.content() == null ? "" : form.content(),
					form.receivedAt() == null ? null : form.receivedAt().atZone(zone).toOffsetDateTime(),
					receivingDeputies(form, me), form.name(), form.phone(), Boolean.TRUE.equals(form.anonymous()));
			Opinion o = intake.submit(in, me, null, OpinionApiController.uploads(files)).opinion();
			redirect.addFlashAttribute("flash", errors.msg("opinion.created", o.trackingCode()));
			return "redirect:/opinions/" + o.id();
		}
		catch (InvalidInputException | ConflictException ex) {
			model.addAttribute("errors", errors.of(ex));
		}
		catch (AttachmentTooLargeException ex) {
			model.addAttribute("errors", errors.refused("files", "opinion.attachment.tooLarge", ex.maxMegabytes()));
		}
		prepareForm(model);
		model.addAttribute("form", form);
		return "opinion/new";
	}

	/** The deputies ticked on the form, and the signed-in deputy who registers it. */
	private static List<Long> receivingDeputies(IntakeForm form, CurrentUser me) {
		Set<Long> ids = new LinkedHashSet<>(form.deputyIds() == null ? List.of() : form.deputyIds());
		if (me.deputyId() != null) {
			ids.add(me.deputyId());
		}
		return List.copyOf(ids);
	}

	// ------------------------------------------------------------------ detail

	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model) {
		CurrentUser me = CurrentUser.get();
		OpinionDetail d = queries.detail(id, me);
		Opinion o = d.opinion();
		model.addAttribute("d", d);
		model.addAttribute("o", o);
		model.addAttribute("can", d.allowedActions().stream().map(Action::name).toList());
		addNames(model, List.of(o));
		model.addAttribute("deputyNames", registryLookup.deputyNames(o.deputyIds()));
		Set<Long> eventDepartments = new HashSet<>();
		d.timeline().forEach(t -> add(eventDepartments, t.departmentId()));
		model.addAttribute("eventDepartments", registryLookup.departmentNames(eventDepartments));
		if (d.allowedActions().contains(Action.TRIAGE) || d.allowedActions().contains(Action.ASSIGN)) {
			model.addAttribute("tiers", Tier.values());
			model.addAttribute("categories", registryLookup.activeCategories());
			// only the departments that handle the category at the opinion's tier (归口办理)
			model.addAttribute("departments", triage.fittingDepartments(o, me));
			Long routed = triage.routedDepartment(o).map(Department::id).orElse(null);
			model.addAttribute("routed", routed);
			if (!model.containsAttribute("assignForm")) {
				model.addAttribute("assignForm", new AssignForm(routed, null));
			}
		}
		if (d.allowedActions().contains(Action.MERGE)) {
			model.addAttribute("duplicates", queries.duplicates(id, me));
		}
		model.addAttribute("replyOutcomes", List.of(Outcome.RESOLVED, Outcome.EXPLAINED, Outcome.NOT_RESOLVABLE));
		model.addAttribute("spotOutcomes", List.of(Outcome.RESOLVED, Outcome.EXPLAINED));
		model.addAttribute("triager", me.isCountyAdmin() || me.is(Role.TOWNSHIP_ADMIN));
		model.addAttribute("satisfactions", Satisfaction.values());
		return "opinion/detail";
	}

	/** The full phone number, swapped in by htmx; the disclosure is audited. */
	@GetMapping("/{id}/phone")
	String phone(@PathVariable long id, Model model) {
		model.addAttribute("phone", queries.revealPhone(id, CurrentUser.get()).orElse("—"));
		return "opinion/phone :: full";
	}

	@GetMapping("/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
		Attachment a = queries.attachment(id, attachmentId, CurrentUser.get());
		return AttachmentResponses.of(a.contentType(), a.filename(), a.sha256(), queries.attachmentData(a));
	}

	@PostMapping("/{id}/attachments")
	String attach(@PathVariable long id,
			@RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> intake.attach(id, OpinionApiController.uploads(files), CurrentUser.get()));
	}

	// ------------------------------------------------------------------ actions
	// (post-redirect-get)

	private String act(long id, RedirectAttributes redirect, Supplier<?> action) {
		try {
			action.get();
			redirect.addFlashAttribute("flash", errors.msg("saved"));
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("flashError", String.join("；", errors.of(ex).values()));
		}
		catch (AttachmentTooLargeException ex) {
			redirect.addFlashAttribute("flashError", errors.msg("opinion.attachment.tooLarge", ex.maxMegabytes()));
		}
		return "redirect:/opinions/" + id;
	}

	@PostMapping("/{id}/triage")
	String triage(@PathVariable long id, @RequestParam(required = false) @Nullable String categoryCode,
			@RequestParam(required = false) @Nullable Tier tier, @RequestParam(required = false) @Nullable String note,
			@RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
		return act(id, redirect,
				() -> triage.triage(id, blankToNull(categoryCode), tier, note, CurrentUser.get(), version));
	}

	/**
	 * The assign form as entered, shown again after a refusal (kept in the session as a
	 * flash attribute).
	 */
	record AssignForm(@Nullable Long departmentId, @Nullable String note) implements Serializable {
	}

	@PostMapping("/{id}/assign")
	String assign(@PathVariable long id, @RequestParam(required = false) @Nullable Long departmentId,
			@RequestParam(required = false) @Nullable String note,
			@RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
		try {
			triage.assign(id, departmentId, note, CurrentUser.get(), version);
			redirect.addFlashAttribute("flash", errors.msg("saved"));
			return "redirect:/opinions/" + id;
		}
		catch (InvalidInputException ex) {
			// the choice and the reason stay, and the message stands next to the field it
			// is about
			redirect.addFlashAttribute("assignForm", new AssignForm(departmentId, note));
			redirect.addFlashAttribute("assignErrors", errors.of(ex));
			return "redirect:/opinions/" + id + "#assign";
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("flashError", String.join("；", errors.of(ex).values()));
			return "redirect:/opinions/" + id;
		}
	}

	@PostMapping("/{id}/return")
	String giveBack(@PathVariable long id, @RequestParam(required = false) @Nullable String reason,
			@RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
		return act(id, redirect, () -> handling.returnToTriage(id, reason, CurrentUser.get(), version));
	}

	@PostMapping("/{id}/accept")
	String accept(@PathVariable long id, @RequestParam(required = false) @Nullable Integer version,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> handling.accept(id, CurrentUser.get(), version));
	}

	@PostMapping("/{id}/progress")
	String progress(@PathVariable long id, @RequestParam(required = false) @Nullable String note,
			@RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
		return act(id, redirect, () -> handling.progress(id, note, CurrentUser.get(), version));
	}

	@PostMapping("/{id}/reply")
	String reply(@PathVariable long id, @RequestParam(required = false) @Nullable String content,
			@RequestParam(required = false) @Nullable Outcome outcome,
			@RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
		return act(id, redirect, () -> handling.reply(id, content, outcome, CurrentUser.get(), version));
	}

	@PostMapping("/{id}/close")
	String close(@PathVariable long id, @RequestParam(required = false) @Nullable Outcome outcome,
			@RequestParam(required = false) @Nullable String note,
			@RequestParam(required = false) @Nullable String reply,
			@RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
		return act(id, redirect, () -> triage.close(id, outcome, note, reply, CurrentUser.get(), version));
	}

	@PostMapping("/{id}/merge")
	String merge(@PathVariable long id, @RequestParam(required = false) @Nullable Long intoId,
			@RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
		return act(id, redirect, () -> triage.merge(id, intoId, CurrentUser.get(), version));
	}

	@PostMapping("/{id}/feedback")
	String feedback(@PathVariable long id, @RequestParam(required = false) @Nullable Satisfaction satisfaction,
			@RequestParam(required = false) @Nullable String comment,
			@RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
		return act(id, redirect, () -> feedback.recordFeedback(id, satisfaction, comment, CurrentUser.get(), version));
	}

	@PostMapping("/{id}/escalate")
	String escalate(@PathVariable long id, @RequestParam(required = false) @Nullable String note,
			@RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
		return act(id, redirect, () -> escalation.escalate(id, note, CurrentUser.get(), version));
	}

}
