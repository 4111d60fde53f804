package cn.deputylink.standards.web;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.shared.AttachmentTooLargeException;
import cn.deputylink.shared.web.AttachmentResponses;
import cn.deputylink.shared.web.Uploads;
import cn.deputylink.standards.Gap;
import cn.deputylink.standards.InspectionDetail;
import cn.deputylink.standards.InspectionPhoto;
import cn.deputylink.standards.InspectionSummary;
import cn.deputylink.standards.ItemForm;
import cn.deputylink.standards.NewInspection;
import cn.deputylink.standards.StandardGroup;
import cn.deputylink.standards.StandardItem;
import cn.deputylink.standards.StationStandards;
import cn.deputylink.standards.StationStatus;

/**
 * Station standards: the checklist ({@code GET} admins and liaisons; {@code POST}/
 * {@code PUT} county admins: 400 bad values, 409 stale {@code version}), the pass mark,
 * the stations' statuses {@code {passMark, items}} and gaps in the caller's scope,
 * inspections ({@code POST} → 201: county admins any station, township admins their
 * township's; 400 unless one result for every active item) and their photos (multipart
 * {@code file}, optional {@code itemId}; served sniffed and sandboxed).
 */
@RestController
@RequestMapping("/api/v1/standards")
class StandardsApiController {

	private final StationStandards standards;

	private final MessageSource messages;

	StandardsApiController(StationStandards standards, MessageSource messages) {
		this.standards = standards;
		this.messages = messages;
	}

	record Statuses(BigDecimal passMark, List<StationStatus> items) {
	}

	record Gaps(List<Gap> items) {
	}

	record Settings(BigDecimal passMark, int version) {
	}

	record SettingsInput(@Nullable BigDecimal passMark, int version) {
	}

	@GetMapping("/items")
	List<StandardItem> items() {
		return standards.items(CurrentUser.get());
	}

	@PostMapping("/items")
	ResponseEntity<StandardItem> addItem(@RequestBody ItemForm in) {
		return ResponseEntity.status(HttpStatus.CREATED).body(standards.addItem(in, CurrentUser.get()));
	}

	@PutMapping("/items/{id}")
	StandardItem updateItem(@PathVariable long id, @RequestBody ItemForm in) {
		return standards.updateItem(id, in, CurrentUser.get());
	}

	@GetMapping("/settings")
	Settings settings() {
		standards.items(CurrentUser.get());
		return new Settings(standards.passMark(), standards.passMarkVersion());
	}

	@PutMapping("/settings")
	Settings updateSettings(@RequestBody SettingsInput in) {
		BigDecimal pass = standards.updatePassMark(in.passMark(), in.version(), CurrentUser.get());
		return new Settings(pass, standards.passMarkVersion());
	}

	@GetMapping("/stations")
	Statuses stations(@RequestParam(required = false) @Nullable Long townshipId) {
		return new Statuses(standards.passMark(), standards.statuses(townshipId, CurrentUser.get()));
	}

	@GetMapping("/stations/{id}/inspections")
	List<InspectionSummary> stationInspections(@PathVariable long id) {
		return standards.inspectionsOf(id, CurrentUser.get());
	}

	@GetMapping("/gaps")
	Gaps gaps(@RequestParam(required = false) @Nullable Long townshipId,
			@RequestParam(required = false) @Nullable StandardGroup group) {
		return new Gaps(standards.gaps(townshipId, group, CurrentUser.get()));
	}

	@PostMapping("/inspections")
	ResponseEntity<InspectionDetail> inspect(@RequestBody NewInspection in) {
		return ResponseEntity.status(HttpStatus.CREATED).body(standards.inspect(in, CurrentUser.get()));
	}

	@GetMapping("/inspections/{id}")
	InspectionDetail inspection(@PathVariable long id) {
		return standards.inspection(id, CurrentUser.get());
	}

	@PostMapping(path = "/inspections/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<InspectionDetail> addPhotos(@PathVariable long id,
			@RequestParam(required = false) @Nullable Long itemId,
			@RequestParam(name = "file", required = false) @Nullable List<MultipartFile> files) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(standards.addPhotos(id, itemId, Uploads.of(files, "photo"), CurrentUser.get()));
	}

	@GetMapping("/inspections/{id}/photos/{photoId}")
	ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
		InspectionPhoto p = standards.photo(id, photoId, CurrentUser.get());
		return AttachmentResponses.of(p.contentType(), p.filename(), p.sha256(), standards.photoData(p));
	}

	@ExceptionHandler(AttachmentTooLargeException.class)
	ResponseEntity<ProblemDetail> tooLarge(AttachmentTooLargeException ex) {
		return Uploads.tooLarge(messages.getMessage("standards.photo.tooLarge", new Object[] { ex.maxMegabytes() },
				LocaleContextHolder.getLocale()));
	}

}
