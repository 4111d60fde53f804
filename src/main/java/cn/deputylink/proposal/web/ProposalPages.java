package cn.deputylink.proposal.web;

import static cn.deputylink.shared.TextInput.blankToNull;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
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
import cn.deputylink.opinion.DeadlineColour;
import cn.deputylink.opinion.Opinion;
import cn.deputylink.opinion.OpinionFilter;
import cn.deputylink.opinion.OpinionQueries;
import cn.deputylink.opinion.OpinionStatus;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.proposal.Evaluation;
import cn.deputylink.proposal.HandlingUnit;
import cn.deputylink.proposal.NewProposal;
import cn.deputylink.proposal.Period;
import cn.deputylink.proposal.Proposal;
import cn.deputylink.proposal.ProposalAttachment;
import cn.deputylink.proposal.ProposalDetail;
import cn.deputylink.proposal.ProposalDrafting;
import cn.deputylink.proposal.ProposalEvaluation;
import cn.deputylink.proposal.ProposalFilter;
import cn.deputylink.proposal.ProposalHandling;
import cn.deputylink.proposal.ProposalQueries;
import cn.deputylink.proposal.ProposalRegistration;
import cn.deputylink.proposal.ProposalStatus;
import cn.deputylink.proposal.ProposalStep;
import cn.deputylink.proposal.ResultClass;
import cn.deputylink.proposal.ResultClasses;
import cn.deputylink.proposal.UnitRole;
import cn.deputylink.shared.AttachmentTooLargeException;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.PageView;
import cn.deputylink.shared.Upload;
import cn.deputylink.shared.web.AttachmentResponses;
import cn.deputylink.shared.web.FormErrors;
import cn.deputylink.shared.web.Uploads;

/**
 * Staff pages for deputies' proposals: the list in the user's scope (a handling unit's
 * with its part and the deadline's colour), the draft form (a county admin's on a
 * deputy's behalf, 代录入), and the detail page with the timeline and forms for exactly the
 * steps the viewer may take.
 */
@Controller
@RequestMapping("/proposals")
class ProposalPages {

	/** Days before the reply's due date at which its colour turns yellow. */
	static final int YELLOW_DAYS = 15;

	private static final Set<OpinionStatus> CONVERTIBLE = EnumSet.of(OpinionStatus.TRIAGED, OpinionStatus.ASSIGNED,
			OpinionStatus.IN_PROGRESS, OpinionStatus.REPLIED, OpinionStatus.CLOSED);

	private final ProposalDrafting drafting;

	private final ProposalRegistration registration;

	private final ProposalHandling handling;

	private final ProposalEvaluation evaluation;

	private final ProposalQueries queries;

	private final ResultClasses resultClasses;

	private final OpinionQueries opinions;

	private final RegistryLookup registry;

	private final FormErrors errors;

	ProposalPages(ProposalDrafting drafting, ProposalRegistration registration, ProposalHandling handling,
			ProposalEvaluation evaluation, ProposalQueries queries, ResultClasses resultClasses,
			OpinionQueries opinions, RegistryLookup registry, FormErrors errors) {
		this.drafting = drafting;
		this.registration = registration;
		this.handling = handling;
		this.evaluation = evaluation;
		this.queries = queries;
		this.resultClasses = resultClasses;
		this.opinions = opinions;
		this.registry = registry;
		this.errors = errors;
	}

	/** Liaison officers have no part in proposals. */
	static void requireReader(CurrentUser me) {
		me.requireRole(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN, Role.DEPUTY, Role.DEPARTMENT_HANDLER);
	}

	// ------------------------------------------------------------------ list

	/** The list's filters, bound by name. */
	record ListParams(@Nullable ProposalStatus status, @Nullable Integer year, @Nullable Boolean overdue,
			@Nullable Boolean keySupervised, @Nullable String q) {

		ProposalFilter filter(@Nullable Long departmentId) {
			String words = q == null || q.strip().length() <= 200 ? blankToNull(q) : q.strip().substring(0, 200);
			return new ProposalFilter(status, year, null, departmentId, Boolean.TRUE.equals(overdue),
					Boolean.TRUE.equals(keySupervised), words);
		}
	}

	/** A list row: the proposal, the viewing unit's part in it, its deadline's colour. */
	record Row(Proposal proposal, @Nullable UnitRole role, @Nullable DeadlineColour colour) {
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "1") int page, ListParams params, Model model) {
		CurrentUser me = CurrentUser.get();
		requireReader(me);
		Long unit = me.is(Role.DEPARTMENT_HANDLER) ? me.departmentId() : null;
		ProposalFilter f = params.filter(unit);
		int number = Math.max(1, Math.min(page, PageView.MAX_NUMBER));
		List<Proposal> rows = queries.list(f, me, 0, PageView.SIZE, PageView.offset(number));
		LocalDate today = queries.today();
		List<Row> items = rows.stream()
			.map(p -> new Row(p, unit == null ? null : roleOf(p, unit), colour(p, today)))
			.toList();
		model.addAttribute("page", new PageView<>(items, number, PageView.SIZE, queries.count(f, me)));
		model.addAttribute("filter", f);
		model.addAttribute("statuses", ProposalStatus.values());
		List<Integer> years = new ArrayList<>();
		for (int y = today.getYear(); y >= today.getYear() - 5; y--) {
			years.add(y);
		}
		model.addAttribute("years", years);
		Set<Long> deputies = new HashSet<>();
		Set<Long> departments = new HashSet<>();
		for (Proposal p : rows) {
			deputies.add(p.leadDeputyId());
			if (p.leadDepartmentId() != null) {
				departments.add(p.leadDepartmentId());
			}
		}
		model.addAttribute("deputyNames", registry.deputyNames(deputies));
		model.addAttribute("departmentNames", registry.departmentNames(departments));
		model.addAttribute("mayDraft", me.is(Role.DEPUTY) || me.isCountyAdmin());
		return "proposal/list";
	}

	static @Nullable UnitRole roleOf(Proposal p, long unit) {
		if (p.leadDepartmentId() != null && p.leadDepartmentId() == unit) {
			return UnitRole.LEAD;
		}
		return p.coDepartmentIds().contains(unit) ? UnitRole.CO : null;
	}

	/** 三色: the reply's deadline while the units handle it. */
	static @Nullable DeadlineColour colour(Proposal p, LocalDate today) {
		LocalDate due = p.replyDue();
		if (p.status() != ProposalStatus.ASSIGNED || due == null) {
			return null;
		}
		if (today.isAfter(due)) {
			return DeadlineColour.RED;
		}
		return ChronoUnit.DAYS.between(today, due) <= YELLOW_DAYS ? DeadlineColour.YELLOW : DeadlineColour.GREEN;
	}

	// ------------------------------------------------------------------ draft

	/** The draft form's fields. */
	record DraftForm(@Nullable String title, @Nullable String content, @Nullable Period period,
			@Nullable Boolean publicConsent, @Nullable Long leadDeputyId, @Nullable List<Long> coSignerIds,
			@Nullable List<Long> opinionIds) {

		NewProposal draft(CurrentUser me) {
			Long lead = me.is(Role.DEPUTY) ? me.deputyId() : leadDeputyId;
			return new NewProposal(title, content, lead, coSignerIds == null ? List.of() : coSignerIds,
					opinionIds == null ? List.of() : opinionIds, period, Boolean.TRUE.equals(publicConsent));
		}

		public boolean cosigner(long id) {
			return coSignerIds != null && coSignerIds.contains(id);
		}

		public boolean opinion(long id) {
			return opinionIds != null && opinionIds.contains(id);
		}
	}

	static void requireDrafter(CurrentUser me) {
		me.requireRole(Role.DEPUTY, Role.COUNTY_ADMIN);
	}

	private void prepareDraft(Model model, CurrentUser me, DraftForm form, @Nullable Long editing) {
		model.addAttribute("form", form);
		model.addAttribute("editing", editing);
		model.addAttribute("periods", Period.values());
		Map<Long, String> deputies = activeDeputies();
		model.addAttribute("leadChoices", deputies);
		Map<Long, String> cosigners = new TreeMap<>(deputies);
		Long lead = me.is(Role.DEPUTY) ? me.deputyId() : form.leadDeputyId();
		if (lead != null) {
			cosigners.remove(lead);
		}
		model.addAttribute("coSignerChoices", cosigners);
		model.addAttribute("opinionChoices", convertibleOpinions(me, form));
		model.addAttribute("onBehalf", me.isCountyAdmin());
	}

	/** Active deputies attached to a station, by name: whom one may co-sign with. */
	private Map<Long, String> activeDeputies() {
		Map<Long, String> names = registry.deputyNames(registry.activeAttachedDeputies());
		Map<Long, String> sorted = new LinkedHashMap<>();
		names.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByValue())
			.forEach(e -> sorted.put(e.getKey(), e.getValue()));
		return sorted;
	}

	/**
	 * The opinions the caller may turn into a proposal (TRIAGED or later, in its scope),
	 * the newest first, and those already ticked.
	 */
	private List<Opinion> convertibleOpinions(CurrentUser me, DraftForm form) {
		List<Opinion> out = new ArrayList<>();
		Set<Long> seen = new HashSet<>();
		for (OpinionStatus s : CONVERTIBLE) {
			for (Opinion o : opinions.list(OpinionFilter.none().withStatus(s), me, 0, 50, 0)) {
				if (seen.add(o.id())) {
					out.add(o);
				}
			}
		}
		if (form.opinionIds() != null) {
			for (Long id : form.opinionIds()) {
				if (!seen.contains(id)) {
					try {
						Opinion o = opinions.get(id, me);
						if (CONVERTIBLE.contains(o.status()) && seen.add(o.id())) {
							out.add(0, o);
						}
					}
					catch (RuntimeException ex) {
						// not the caller's to see: not offered
					}
				}
			}
		}
		out.sort((a, b) -> Boolean.compare(form.opinion(b.id()), form.opinion(a.id())));
		return out;
	}

	@GetMapping("/new")
	String newForm(@RequestParam(required = false) @Nullable List<Long> opinionIds, Model model) {
		CurrentUser me = CurrentUser.get();
		requireDrafter(me);
		prepareDraft(model, me, new DraftForm("", "", Period.RECESS, false, null, List.of(),
				opinionIds == null ? List.of() : opinionIds), null);
		return "proposal/new";
	}

	@PostMapping
	String create(DraftForm form, Model model, RedirectAttributes redirect) {
		CurrentUser me = CurrentUser.get();
		requireDrafter(me);
		try {
			Proposal p = drafting.create(form.draft(me), me);
			redirect.addFlashAttribute("flash", errors.msg("proposal.created"));
			return "redirect:/proposals/" + p.id();
		}
		catch (InvalidInputException | ConflictException ex) {
			model.addAttribute("errors", errors.of(ex));
		}
		prepareDraft(model, me, form, null);
		return "proposal/new";
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		CurrentUser me = CurrentUser.get();
		ProposalDetail d = queries.detail(id, me);
		if (!d.allowedSteps().contains(ProposalStep.EDIT)) {
			return "redirect:/proposals/" + id;
		}
		Proposal p = d.proposal();
		DraftForm form = new DraftForm(p.title(), p.content(), p.period(), p.publicConsent(), p.leadDeputyId(),
				p.coSigners().stream().map(Proposal.CoSigner::deputyId).toList(), p.opinionIds());
		prepareDraft(model, me, form, id);
		model.addAttribute("version", p.version());
		return "proposal/new";
	}

	@PostMapping("/{id}/edit")
	String edit(@PathVariable long id, DraftForm form, @RequestParam(required = false) @Nullable Integer version,
			Model model, RedirectAttributes redirect) {
		CurrentUser me = CurrentUser.get();
		try {
			NewProposal draft = form.draft(me);
			if (me.isCountyAdmin() && form.leadDeputyId() == null) {
				draft = new NewProposal(draft.title(), draft.content(), queries.get(id, me).leadDeputyId(),
						draft.coSignerIds(), draft.opinionIds(), draft.period(), draft.publicConsent());
			}
			drafting.edit(id, draft, version, me);
			redirect.addFlashAttribute("flash", errors.msg("saved"));
			return "redirect:/proposals/" + id;
		}
		catch (InvalidInputException | ConflictException ex) {
			model.addAttribute("errors", errors.of(ex));
		}
		prepareDraft(model, me, form, id);
		model.addAttribute("version", version);
		return "proposal/new";
	}

	// ------------------------------------------------------------------ detail

	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model) {
		CurrentUser me = CurrentUser.get();
		requireReader(me);
		ProposalDetail d = queries.detail(id, me);
		Proposal p = d.proposal();
		model.addAttribute("d", d);
		model.addAttribute("p", p);
		model.addAttribute("can", d.allowedSteps().stream().map(ProposalStep::name).toList());
		Set<Long> deputies = new LinkedHashSet<>();
		deputies.add(p.leadDeputyId());
		p.coSigners().forEach(c -> deputies.add(c.deputyId()));
		model.addAttribute("deputyNames", registry.deputyNames(deputies));
		Set<Long> departments = new HashSet<>();
		d.units().forEach(u -> departments.add(u.departmentId()));
		d.timeline().forEach(t -> {
			if (t.departmentId() != null) {
				departments.add(t.departmentId());
			}
		});
		model.addAttribute("departmentNames", registry.departmentNames(departments));
		model.addAttribute("linkedOpinions", linkedOpinions(p.opinionIds(), me));
		model.addAttribute("colour", colour(p, queries.today()));
		HandlingUnit mine = null;
		if (me.is(Role.DEPARTMENT_HANDLER)) {
			for (HandlingUnit u : d.units()) {
				if (me.departmentId() != null && u.departmentId() == me.departmentId()) {
					mine = u;
				}
			}
		}
		model.addAttribute("myUnit", mine);
		if (d.allowedSteps().contains(ProposalStep.ASSIGN)) {
			model.addAttribute("departments", registry.departmentsFor(null));
		}
		List<ResultClass> classes = resultClasses.all();
		model.addAttribute("resultClassByCode", byCode(classes));
		if (d.allowedSteps().contains(ProposalStep.REPLY)) {
			model.addAttribute("resultClasses", classes.stream().filter(ResultClass::active).toList());
		}
		model.addAttribute("evaluations", Evaluation.values());
		return "proposal/detail";
	}

	static Map<String, ResultClass> byCode(Collection<ResultClass> classes) {
		Map<String, ResultClass> m = new TreeMap<>();
		classes.forEach(c -> m.put(c.code(), c));
		return m;
	}

	/**
	 * The proposal's opinions; a tracking code links only where the viewer may see it.
	 */
	record LinkedOpinion(long id, @Nullable String trackingCode, boolean visible) {
	}

	private List<LinkedOpinion> linkedOpinions(List<Long> ids, CurrentUser me) {
		List<LinkedOpinion> out = new ArrayList<>();
		for (Long id : ids) {
			try {
				Opinion o = opinions.get(id, me);
				out.add(new LinkedOpinion(id, o.trackingCode(), true));
			}
			catch (RuntimeException ex) {
				out.add(new LinkedOpinion(id, null, false));
			}
		}
		return out;
	}

	@GetMapping("/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
		ProposalAttachment a = queries.attachment(id, attachmentId, CurrentUser.get());
		return AttachmentResponses.of(a.contentType(), a.fileName(), a.sha256(), queries.attachmentData(a));
	}

	// ------------------------------------------------------------------ steps
	// (post-redirect-get; a refusal comes back as the page's message)

	private String act(long id, RedirectAttributes redirect, Supplier<?> step) {
		try {
			step.get();
			redirect.addFlashAttribute("flash", errors.msg("saved"));
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("flashError", String.join("；", errors.of(ex).values()));
		}
		catch (AttachmentTooLargeException ex) {
			redirect.addFlashAttribute("flashError", errors.msg("proposal.letter.tooLarge", ex.maxMegabytes()));
		}
		return "redirect:/proposals/" + id;
	}

	@PostMapping("/{id}/withdraw")
	String withdraw(@PathVariable long id, @RequestParam(required = false) @Nullable Integer version,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> drafting.withdraw(id, version, CurrentUser.get()));
	}

	@PostMapping("/{id}/submit")
	String submit(@PathVariable long id, @RequestParam(required = false) @Nullable Integer version,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> drafting.submit(id, version, CurrentUser.get()));
	}

	@PostMapping("/{id}/co-sign")
	String coSign(@PathVariable long id, @RequestParam(defaultValue = "true") boolean confirm,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> drafting.answerCoSign(id, confirm, CurrentUser.get()));
	}

	@PostMapping("/{id}/register")
	String register(@PathVariable long id, @RequestParam(required = false) @Nullable String note,
			@RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
		return act(id, redirect, () -> registration.register(id, blankToNull(note), version, CurrentUser.get()));
	}

	@PostMapping("/{id}/refuse")
	String refuse(@PathVariable long id, @RequestParam(required = false) @Nullable String reason,
			@RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
		return act(id, redirect, () -> registration.refuse(id, reason, version, CurrentUser.get()));
	}

	@PostMapping("/{id}/assign")
	String assign(@PathVariable long id, @RequestParam(required = false) @Nullable Long leadDepartmentId,
			@RequestParam(required = false) @Nullable List<Long> coDepartmentIds,
			@RequestParam(required = false) @Nullable String note,
			@RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
		return act(id, redirect, () -> registration.assign(id, leadDepartmentId,
				coDepartmentIds == null ? List.of() : coDepartmentIds, blankToNull(note), version, CurrentUser.get()));
	}

	@PostMapping("/{id}/supervise")
	String supervise(@PathVariable long id, @RequestParam(defaultValue = "true") boolean keySupervised,
			@RequestParam(required = false) @Nullable String note, RedirectAttributes redirect) {
		return act(id, redirect, () -> registration.supervise(id, keySupervised, blankToNull(note), CurrentUser.get()));
	}

	@PostMapping("/{id}/extension")
	String decideExtension(@PathVariable long id, @RequestParam(defaultValue = "false") boolean approve,
			@RequestParam(required = false) @Nullable String note,
			@RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
		return act(id, redirect,
				() -> registration.decideExtension(id, approve, blankToNull(note), version, CurrentUser.get()));
	}

	@PostMapping("/{id}/close")
	String close(@PathVariable long id, @RequestParam(required = false) @Nullable String note,
			@RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
		return act(id, redirect, () -> registration.close(id, blankToNull(note), version, CurrentUser.get()));
	}

	@PostMapping("/{id}/input")
	String coUnitInput(@PathVariable long id, @RequestParam(required = false) @Nullable String input,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> handling.coUnitInput(id, input, CurrentUser.get()));
	}

	@PostMapping("/{id}/request-extension")
	String requestExtension(@PathVariable long id, @RequestParam(required = false) @Nullable String reason,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> handling.requestExtension(id, reason, CurrentUser.get()));
	}

	@PostMapping("/{id}/reply")
	String reply(@PathVariable long id, @RequestParam(required = false) @Nullable String content,
			@RequestParam(required = false) @Nullable String resultClass,
			@RequestParam(name = "letter", required = false) @Nullable MultipartFile letter,
			@RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
		Upload file = letter == null || letter.isEmpty() ? null : Uploads.of(List.of(letter), "letter.pdf").get(0);
		return act(id, redirect,
				() -> handling.reply(id, content, blankToNull(resultClass), file, version, CurrentUser.get()));
	}

	@PostMapping("/{id}/evaluate")
	String evaluate(@PathVariable long id, @RequestParam(required = false) @Nullable Evaluation evaluation,
			@RequestParam(required = false) @Nullable String comment,
			@RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
		return act(id, redirect,
				() -> this.evaluation.evaluate(id, evaluation, blankToNull(comment), version, CurrentUser.get()));
	}

}
