package cn.deputylink.activity.web;

import static cn.deputylink.shared.TextInput.blankToNull;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
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
import cn.deputylink.activity.Activity;
import cn.deputylink.activity.ActivityAction;
import cn.deputylink.activity.ActivityDetail;
import cn.deputylink.activity.ActivityFilter;
import cn.deputylink.activity.ActivityPhoto;
import cn.deputylink.activity.ActivityQueries;
import cn.deputylink.activity.ActivityRecording;
import cn.deputylink.activity.ActivityReports;
import cn.deputylink.activity.ActivityStatus;
import cn.deputylink.activity.ActivityType;
import cn.deputylink.activity.NewActivity;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.organisation.Station;
import cn.deputylink.shared.AttachmentTooLargeException;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.PageView;
import cn.deputylink.shared.web.AttachmentResponses;
import cn.deputylink.shared.web.FormErrors;

/**
 * The activity pages: for a deputy (on a phone) "report an activity" with photos and "my
 * activities" with their review status and the reason of a rejection, edit and resubmit;
 * for staff the recording form, the list and the review queue with bulk approval. The
 * services decide scope, so these pages and the API agree.
 */
@Controller
@RequestMapping("/activities")
class ActivityPages {

	private final ActivityRecording recording;

	private final ActivityReports reports;

	private final ActivityQueries queries;

	private final RegistryLookup registry;

	private final FormErrors errors;

	private final ZoneId zone;

	ActivityPages(ActivityRecording recording, ActivityReports reports, ActivityQueries queries,
			RegistryLookup registry, FormErrors errors, @Value("${deputylink.zone:Asia/Shanghai}") ZoneId zone) {
		this.recording = recording;
		this.reports = reports;
		this.queries = queries;
		this.registry = registry;
		this.errors = errors;
		this.zone = zone;
	}

	private static boolean staff(CurrentUser me) {
		return me.isCountyAdmin() || me.is(Role.TOWNSHIP_ADMIN) || me.is(Role.STATION_LIAISON);
	}

	// ------------------------------------------------------------------ lists

	@GetMapping
	String list(@RequestParam(defaultValue = "1") int page, @RequestParam(required = false) @Nullable ActivityType type,
			@RequestParam(required = false) @Nullable ActivityStatus status,
			@RequestParam(required = false) @Nullable Long stationId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			Model model) {
		CurrentUser me = CurrentUser.get();
		ActivityFilter f = new ActivityFilter(type, status, null, stationId, null, from, to);
		int number = Math.max(page, 1);
		List<Activity> rows = queries.list(f, me, 0, PageView.SIZE, PageView.offset(number));
		model.addAttribute("page", new PageView<>(rows, number, PageView.SIZE, queries.count(f, me)));
		model.addAttribute("filter", f);
		model.addAttribute("types", ActivityType.values());
		model.addAttribute("statuses", ActivityStatus.values());
		model.addAttribute("staff", staff(me));
		model.addAttribute("stations", staff(me) ? registry.stationsOf(me.townshipScope().orElse(null)) : List.of());
		names(model, rows);
		return "activity/list";
	}

	@GetMapping("/review")
	String review(@RequestParam(defaultValue = "1") int page, Model model) {
		CurrentUser me = CurrentUser.get();
		if (!staff(me)) {
			throw new AccessDeniedException("review queue");
		}
		ActivityFilter f = ActivityFilter.none().withStatus(ActivityStatus.SUBMITTED);
		int number = Math.max(page, 1);
		List<Activity> rows = queries.list(f, me, 0, PageView.SIZE, PageView.offset(number));
		model.addAttribute("page", new PageView<>(rows, number, PageView.SIZE, queries.count(f, me)));
		names(model, rows);
		return "activity/review";
	}

	@PostMapping("/review/approve")
	String approveSelected(@RequestParam(name = "ids", required = false) @Nullable List<Long> ids,
			RedirectAttributes redirect) {
		try {
			List<ActivityReports.BulkOutcome> out = reports.approveAll(ids, CurrentUser.get());
			long done = out.stream().filter(o -> o.outcome().equals(ActivityStatus.APPROVED.name())).count();
			redirect.addFlashAttribute("flash", errors.msg("activities.review.done", done, out.size() - done));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", String.join("；", errors.of(ex).values()));
		}
		return "redirect:/activities/review";
	}

	private void names(Model model, Collection<Activity> rows) {
		Set<Long> stations = new HashSet<>();
		Set<Long> deputies = new HashSet<>();
		for (Activity a : rows) {
			if (a.stationId() != null) {
				stations.add(a.stationId());
			}
			deputies.addAll(a.deputyIds());
		}
		model.addAttribute("stationNames", registry.stationNames(stations));
		model.addAttribute("deputyNames", registry.deputyNames(deputies));
	}

	// ------------------------------------------------------------------ the form

	/** The recording and reporting form's fields. */
	record ActivityForm(@Nullable ActivityType type,
			@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date, @Nullable Long stationId,
			@Nullable List<Long> deputyIds, @Nullable Integer constituentsReceived, @Nullable Integer householdsVisited,
			@Nullable String title, @Nullable String note, @Nullable Integer version) {

		NewActivity activity() {
			return new NewActivity(type, date, stationId, deputyIds == null ? List.of() : deputyIds,
					constituentsReceived, householdsVisited, blankToNull(title), blankToNull(note), null);
		}

		static ActivityForm of(Activity a) {
			return new ActivityForm(a.type(), a.date(), a.stationId(), a.deputyIds(), a.constituentsReceived(),
					a.householdsVisited(), a.title(), a.note(), a.version());
		}
	}

	private void prepareForm(Model model, CurrentUser me, @Nullable Long editing) {
		List<Station> stations;
		Set<Long> deputies = new TreeSet<>();
		if (me.is(Role.DEPUTY) && me.deputyId() != null) {
			// the deputy's own stations and the deputies it works with there
			stations = registry.stationsOfDeputy(me.deputyId())
				.stream()
				.map(registry::station)
				.flatMap(Optional::stream)
				.toList();
			stations.forEach(st -> deputies.addAll(st.deputyIds()));
			deputies.remove(me.deputyId());
		}
		else {
			Long scope = me.townshipScope().orElse(null);
			stations = registry.stationsOf(scope);
			if (scope != null) {
				stations.stream()
					.filter(st -> me.stationId() == null || st.id() == me.stationId())
					.forEach(st -> deputies.addAll(st.deputyIds()));
			}
			else {
				// the county: the deputies of the stations offered, capped for a usable
				// form
				stations.stream().limit(6).forEach(st -> deputies.addAll(st.deputyIds()));
			}
		}
		model.addAttribute("types", ActivityType.values());
		model.addAttribute("stations", stations);
		model.addAttribute("deputyChoices", sortedNames(registry.deputyNames(deputies)));
		model.addAttribute("deputyMode", me.is(Role.DEPUTY));
		model.addAttribute("editing", editing);
		model.addAttribute("today", LocalDate.now(zone));
	}

	private static Map<Long, String> sortedNames(Map<Long, String> names) {
		Map<Long, String> sorted = new LinkedHashMap<>();
		names.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> sorted.put(e.getKey(), e.getValue()));
		return sorted;
	}

	private static void requireWriter(CurrentUser me) {
		if (!staff(me) && !(me.is(Role.DEPUTY) && me.deputyId() != null)) {
			throw new AccessDeniedException("activities");
		}
	}

	@GetMapping("/new")
	String newForm(Model model) {
		CurrentUser me = CurrentUser.get();
		requireWriter(me);
		prepareForm(model, me, null);
		Long station = me.stationId();
		if (station == null && me.deputyId() != null) {
			List<Long> own = registry.stationsOfDeputy(me.deputyId());
			station = own.isEmpty() ? null : own.get(0);
		}
		model.addAttribute("form", new ActivityForm(me.is(Role.DEPUTY) ? ActivityType.VISIT : ActivityType.STUDY,
				LocalDate.now(zone), station, List.of(), 0, 0, "", "", null));
		return "activity/form";
	}

	@PostMapping
	String create(ActivityForm form,
			@RequestParam(name = "photos", required = false) @Nullable List<MultipartFile> photos, Model model,
			RedirectAttributes redirect) {
		CurrentUser me = CurrentUser.get();
		requireWriter(me);
		try {
			long id;
			if (me.is(Role.DEPUTY)) {
				id = reports.report(form.activity(), ActivityApiController.uploads(photos), me).id();
				redirect.addFlashAttribute("flash", errors.msg("activities.created.report"));
			}
			else {
				id = recording.record(form.activity(), ActivityApiController.uploads(photos), me);
				redirect.addFlashAttribute("flash", errors.msg("activities.created.record"));
			}
			return "redirect:/activities/" + id;
		}
		catch (InvalidInputException | ConflictException ex) {
			model.addAttribute("errors", errors.of(ex));
		}
		catch (AttachmentTooLargeException ex) {
			model.addAttribute("errors", errors.refused("photos", "activity.photo.tooLarge", ex.maxMegabytes()));
		}
		prepareForm(model, me, null);
		model.addAttribute("form", form);
		return "activity/form";
	}

	@GetMapping("/{id}/edit")
	String editForm(@PathVariable long id, Model model) {
		CurrentUser me = CurrentUser.get();
		ActivityDetail d = queries.detail(id, me);
		if (!d.allowedActions().contains(ActivityAction.EDIT)) {
			throw new AccessDeniedException("edit");
		}
		prepareForm(model, me, id);
		model.addAttribute("form", ActivityForm.of(d.activity()));
		model.addAttribute("rejectReason", d.activity().rejectReason());
		return "activity/form";
	}

	@PostMapping("/{id}/edit")
	String edit(@PathVariable long id, ActivityForm form,
			@RequestParam(name = "photos", required = false) @Nullable List<MultipartFile> photos, Model model,
			RedirectAttributes redirect) {
		CurrentUser me = CurrentUser.get();
		try {
			reports.edit(id, form.activity(), form.version(), ActivityApiController.uploads(photos), me);
			redirect.addFlashAttribute("flash", errors.msg("activities.created.report"));
			return "redirect:/activities/" + id;
		}
		catch (InvalidInputException | ConflictException ex) {
			model.addAttribute("errors", errors.of(ex));
		}
		catch (AttachmentTooLargeException ex) {
			model.addAttribute("errors", errors.refused("photos", "activity.photo.tooLarge", ex.maxMegabytes()));
		}
		prepareForm(model, me, id);
		model.addAttribute("form", form);
		return "activity/form";
	}

	// ------------------------------------------------------------------ detail

	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model) {
		CurrentUser me = CurrentUser.get();
		ActivityDetail d = queries.detail(id, me);
		Activity a = d.activity();
		model.addAttribute("d", d);
		model.addAttribute("a", a);
		model.addAttribute("can", d.allowedActions().stream().map(Enum::name).toList());
		model.addAttribute("deputyNames", registry.deputyNames(a.deputyIds()));
		model.addAttribute("stationName",
				a.stationId() == null ? null : registry.stationNames(List.of(a.stationId())).get(a.stationId()));
		model.addAttribute("townshipName",
				a.townshipId() == null ? null : registry.townshipNames(List.of(a.townshipId())).get(a.townshipId()));
		return "activity/detail";
	}

	@GetMapping("/{id}/photos/{photoId}")
	ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
		ActivityPhoto p = queries.photo(id, photoId, CurrentUser.get());
		return AttachmentResponses.of(p.contentType(), p.filename(), p.sha256(), queries.photoData(p));
	}

	private String act(long id, RedirectAttributes redirect, String done, Supplier<?> action) {
		try {
			action.get();
			redirect.addFlashAttribute("flash", errors.msg(done));
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("flashError", String.join("；", errors.of(ex).values()));
		}
		catch (AttachmentTooLargeException ex) {
			redirect.addFlashAttribute("flashError", errors.msg("activity.photo.tooLarge", ex.maxMegabytes()));
		}
		return "redirect:/activities/" + id;
	}

	@PostMapping("/{id}/photos")
	String addPhotos(@PathVariable long id,
			@RequestParam(name = "photos", required = false) @Nullable List<MultipartFile> photos,
			RedirectAttributes redirect) {
		return act(id, redirect, "activities.saved",
				() -> reports.addPhotos(id, ActivityApiController.uploads(photos), CurrentUser.get()));
	}

	@PostMapping("/{id}/approve")
	String approve(@PathVariable long id, @RequestParam(required = false) @Nullable Integer version,
			@RequestParam(required = false) @Nullable String back, RedirectAttributes redirect) {
		String to = act(id, redirect, "activities.approved", () -> reports.approve(id, version, CurrentUser.get()));
		return "review".equals(back) ? "redirect:/activities/review" : to;
	}

	@PostMapping("/{id}/reject")
	String reject(@PathVariable long id, @RequestParam(required = false) @Nullable String reason,
			@RequestParam(required = false) @Nullable Integer version,
			@RequestParam(required = false) @Nullable String back, RedirectAttributes redirect) {
		String to = act(id, redirect, "activities.rejected",
				() -> reports.reject(id, reason, version, CurrentUser.get()));
		return "review".equals(back) && !redirect.getFlashAttributes().containsKey("flashError")
				? "redirect:/activities/review" : to;
	}

	@PostMapping("/{id}/withdraw")
	String withdraw(@PathVariable long id, @RequestParam(required = false) @Nullable Integer version,
			RedirectAttributes redirect) {
		return act(id, redirect, "activities.withdrawn", () -> reports.withdraw(id, version, CurrentUser.get()));
	}

}
