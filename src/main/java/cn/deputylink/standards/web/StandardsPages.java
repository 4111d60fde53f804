package cn.deputylink.standards.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
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
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.organisation.Station;
import cn.deputylink.shared.AttachmentTooLargeException;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.Upload;
import cn.deputylink.shared.web.AttachmentResponses;
import cn.deputylink.shared.web.FormErrors;
import cn.deputylink.shared.web.FormNumbers;
import cn.deputylink.shared.web.Uploads;
import cn.deputylink.standards.InspectionDetail;
import cn.deputylink.standards.InspectionPhoto;
import cn.deputylink.standards.InspectionSummary;
import cn.deputylink.standards.ItemForm;
import cn.deputylink.standards.ItemResult;
import cn.deputylink.standards.NewInspection;
import cn.deputylink.standards.StandardGroup;
import cn.deputylink.standards.StandardItem;
import cn.deputylink.standards.StationStandards;

/**
 * The pages: the stations' status and the gaps ({@code /standards}), a station's
 * inspections and latest results ({@code /standards/stations/{id}}), the new-inspection
 * form (one row per item, photos) and, for county admins, the checklist editor.
 */
@Controller
@RequestMapping("/standards")
class StandardsPages {

	private final StationStandards standards;

	private final RegistryLookup registry;

	private final FormErrors errors;

	private final ZoneId zone;

	StandardsPages(StationStandards standards, RegistryLookup registry, FormErrors errors,
			@Value("${deputylink.zone:Asia/Shanghai}") ZoneId zone) {
		this.standards = standards;
		this.registry = registry;
		this.errors = errors;
		this.zone = zone;
	}

	@GetMapping
	String overview(@RequestParam(required = false) @Nullable Long townshipId,
			@RequestParam(required = false) @Nullable StandardGroup group, Model model) {
		CurrentUser me = CurrentUser.get();
		model.addAttribute("statuses", standards.statuses(townshipId, me));
		model.addAttribute("gaps", standards.gaps(townshipId, group, me));
		model.addAttribute("passMark", standards.passMark());
		model.addAttribute("townships", me.isCountyAdmin() ? registry.activeTownships() : List.of());
		model.addAttribute("townshipId", townshipId);
		model.addAttribute("group", group);
		model.addAttribute("groups", StandardGroup.values());
		return "standards/overview";
	}

	@GetMapping("/stations/{id}")
	String station(@PathVariable long id, @RequestParam(required = false) @Nullable Long inspection, Model model) {
		CurrentUser me = CurrentUser.get();
		Station s = standards.station(id, me);
		List<InspectionSummary> list = standards.inspectionsOf(id, me);
		InspectionDetail shown = null;
		if (inspection != null) {
			shown = standards.inspection(inspection, me);
			if (shown.stationId() != id) {
				throw new AccessDeniedException("another station's inspection");
			}
		}
		else if (!list.isEmpty()) {
			shown = standards.inspection(list.get(0).id(), me);
		}
		model.addAttribute("station", s);
		model.addAttribute("inspections", list);
		model.addAttribute("shown", shown);
		model.addAttribute("grouped", shown == null ? Map.of() : grouped(shown.results()));
		model.addAttribute("mayInspect", standards.mayInspect(s, me));
		model.addAttribute("items", shown == null ? List.of() : shown.results());
		return "standards/station";
	}

	private static Map<StandardGroup, List<InspectionDetail.Line>> grouped(List<InspectionDetail.Line> lines) {
		Map<StandardGroup, List<InspectionDetail.Line>> out = new LinkedHashMap<>();
		for (StandardGroup g : StandardGroup.values()) {
			List<InspectionDetail.Line> here = lines.stream().filter(l -> l.group() == g).toList();
			if (!here.isEmpty()) {
				out.put(g, here);
			}
		}
		return out;
	}

	@GetMapping("/inspections/{id}/photos/{photoId}")
	ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
		InspectionPhoto p = standards.photo(id, photoId, CurrentUser.get());
		return AttachmentResponses.of(p.contentType(), p.filename(), p.sha256(), standards.photoData(p));
	}

	@PostMapping("/inspections/{id}/photos")
	String addPhotos(@PathVariable long id, @RequestParam(required = false) @Nullable Long itemId,
			@RequestParam(name = "photos", required = false) @Nullable List<MultipartFile> photos,
			RedirectAttributes redirect) {
		CurrentUser me = CurrentUser.get();
		long station = standards.inspection(id, me).stationId();
		try {
			standards.addPhotos(id, itemId, Uploads.of(photos, "photo"), me);
			redirect.addFlashAttribute("flash", errors.msg("standards.saved"));
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("flashError", String.join("；", errors.of(ex).values()));
		}
		catch (AttachmentTooLargeException ex) {
			redirect.addFlashAttribute("flashError", errors.msg("standards.photo.tooLarge", ex.maxMegabytes()));
		}
		return "redirect:/standards/stations/" + station + "?inspection=" + id;
	}

	// ------------------------------------------------------------------ new inspection

	@GetMapping("/inspections/new")
	String newInspection(@RequestParam long stationId, Model model) {
		CurrentUser me = CurrentUser.get();
		Station s = inspectable(stationId, me);
		form(model, s, me, LocalDate.now(zone).toString(), "", Map.of(), Map.of());
		return "standards/inspection-form";
	}

	private Station inspectable(long stationId, CurrentUser me) {
		Station s = standards.station(stationId, me);
		if (!standards.mayInspect(s, me)) {
			throw new AccessDeniedException("may not inspect");
		}
		return s;
	}

	private void form(Model model, Station s, CurrentUser me, String inspectedOn, String note,
			Map<Long, String> results, Map<Long, String> notes) {
		List<StandardItem> items = standards.activeItems(me);
		Map<StandardGroup, List<StandardItem>> grouped = new LinkedHashMap<>();
		for (StandardGroup g : StandardGroup.values()) {
			grouped.put(g, items.stream().filter(i -> i.group() == g).toList());
		}
		Map<Long, Integer> index = new HashMap<>();
		for (int n = 0; n < items.size(); n++) {
			index.put(items.get(n).id(), n);
		}
		model.addAttribute("station", s);
		model.addAttribute("grouped", grouped);
		model.addAttribute("index", index);
		model.addAttribute("resultValues", ItemResult.values());
		model.addAttribute("inspectedOn", inspectedOn);
		model.addAttribute("note", note);
		model.addAttribute("results", results);
		model.addAttribute("notes", notes);
		model.addAttribute("today", LocalDate.now(zone).toString());
	}

	@PostMapping("/inspections")
	String create(@RequestParam long stationId, @RequestParam Map<String, String> params,
			MultipartHttpServletRequest request, Model model) {
		CurrentUser me = CurrentUser.get();
		Station s = inspectable(stationId, me);
		List<StandardItem> items = standards.activeItems(me);
		Map<Long, String> results = new HashMap<>();
		Map<Long, String> notes = new HashMap<>();
		List<NewInspection.ResultInput> in = new ArrayList<>();
		Map<Long, List<Upload>> itemPhotos = new LinkedHashMap<>();
		for (StandardItem i : items) {
			String r = params.getOrDefault("result_" + i.id(), "");
			String n = params.getOrDefault("note_" + i.id(), "");
			results.put(i.id(), r);
			notes.put(i.id(), n);
			in.add(new NewInspection.ResultInput(i.id(), parse(r), n));
			List<MultipartFile> files = request.getFiles("photo_" + i.id());
			if (!files.isEmpty()) {
				itemPhotos.put(i.id(), Uploads.of(files, "photo"));
			}
		}
		String on = params.getOrDefault("inspectedOn", "");
		String note = params.getOrDefault("note", "");
		try {
			LocalDate date = on.isBlank() ? null : LocalDate.parse(on);
			standards.inspect(new NewInspection(stationId, date, note, in),
					Uploads.of(request.getFiles("photos"), "photo"), itemPhotos, me);
			return "redirect:/standards/stations/" + stationId;
		}
		catch (DateTimeParseException ex) {
			model.addAttribute("errors", errors.refused("inspectedOn", "validation.typeMismatch"));
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", errors.of(ex));
		}
		catch (AttachmentTooLargeException ex) {
			model.addAttribute("errors", errors.refused("photos", "standards.photo.tooLarge", ex.maxMegabytes()));
		}
		form(model, s, me, on, note, results, notes);
		return "standards/inspection-form";
	}

	private static @Nullable ItemResult parse(String r) {
		for (ItemResult v : ItemResult.values()) {
			if (v.name().equals(r)) {
				return v;
			}
		}
		return null;
	}

	// ------------------------------------------------------------------ checklist

	@GetMapping("/items")
	String items(Model model) {
		model.addAttribute("items", standards.checklistForEditing(CurrentUser.get()));
		model.addAttribute("groups", StandardGroup.values());
		model.addAttribute("passMark", standards.passMark());
		model.addAttribute("passMarkVersion", standards.passMarkVersion());
		if (!model.containsAttribute("add")) {
			model.addAttribute("add", new ItemForm(null, null, null, null, null, false, null, true, null));
		}
		return "standards/items";
	}

	@PostMapping("/items")
	String addItem(@RequestParam(required = false) @Nullable String code,
			@RequestParam(required = false) @Nullable StandardGroup group,
			@RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable String description,
			@RequestParam(required = false) @Nullable BigDecimal points,
			@RequestParam(required = false) @Nullable Boolean required,
			@RequestParam(required = false) @Nullable Integer position, Model model, RedirectAttributes redirect) {
		ItemForm f = new ItemForm(code, group, name, description, points, Boolean.TRUE.equals(required), position, true,
				null);
		try {
			standards.addItem(f, CurrentUser.get());
			redirect.addFlashAttribute("flash", errors.msg("standards.saved"));
			return "redirect:/standards/items";
		}
		catch (InvalidInputException ex) {
			model.addAttribute("errors", errors.of(ex));
			model.addAttribute("add", f);
			return items(model);
		}
	}

	/** The county admin's pass mark (a refused one: the message above the checklist). */
	@PostMapping("/settings")
	String passMark(@RequestParam(required = false) @Nullable String passMark,
			@RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
		try {
			standards.updatePassMark(FormNumbers.decimal(passMark, 12), version == null ? -1 : version,
					CurrentUser.get());
			redirect.addFlashAttribute("flash", errors.msg("standards.saved"));
		}
		catch (InvalidInputException | ConflictException ex) {
			redirect.addFlashAttribute("flashError", String.join("；", errors.of(ex).values()));
		}
		return "redirect:/standards/items";
	}

	@PostMapping("/items/{id}")
	String editItem(@PathVariable long id, @RequestParam(required = false) @Nullable String name,
			@RequestParam(required = false) @Nullable String description,
			@RequestParam(required = false) @Nullable BigDecimal points,
			@RequestParam(required = false) @Nullable Boolean required,
			@RequestParam(required = false) @Nullable Integer position,
			@RequestParam(required = false) @Nullable Boolean active,
			@RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
		try {
			standards.updateItem(id, new ItemForm(null, null, name, description, points, Boolean.TRUE.equals(required),
					position, Boolean.TRUE.equals(active), version), CurrentUser.get());
			redirect.addFlashAttribute("flash", errors.msg("standards.saved"));
		}
		catch (RuntimeException ex) {
			redirect.addFlashAttribute("flashError", String.join("；", errors.of(ex).values()));
		}
		return "redirect:/standards/items";
	}

}
