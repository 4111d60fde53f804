package cn.deputylink.activity.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
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
import cn.deputylink.account.Role;
import cn.deputylink.activity.Activity;
import cn.deputylink.activity.ActivityFilter;
import cn.deputylink.activity.ActivityPhoto;
import cn.deputylink.activity.ActivityQueries;
import cn.deputylink.activity.ActivityRecording;
import cn.deputylink.activity.ActivityReports;
import cn.deputylink.activity.ActivityStatus;
import cn.deputylink.activity.ActivityType;
import cn.deputylink.activity.NewActivity;
import cn.deputylink.shared.AttachmentTooLargeException;
import cn.deputylink.shared.CursorPage;
import cn.deputylink.shared.Upload;
import cn.deputylink.shared.web.AttachmentResponses;
import cn.deputylink.shared.web.Uploads;

/**
 * The activities API ({@code docs/api.md}, "Activities"): staff record (counted at once),
 * a deputy reports (SUBMITTED, with photos added as multipart), reviewers approve, reject
 * with a reason, bulk-approve (per item: each id says APPROVED, NOT_FOUND, FORBIDDEN or
 * CONFLICT), and withdraw. A deputy who leaves itself out of {@code deputyIds} is added.
 */
@RestController
@RequestMapping("/api/v1/activities")
class ActivityApiController {

	private final ActivityRecording recording;

	private final ActivityReports reports;

	private final ActivityQueries queries;

	private final MessageSource messages;

	ActivityApiController(ActivityRecording recording, ActivityReports reports, ActivityQueries queries,
			MessageSource messages) {
		this.recording = recording;
		this.reports = reports;
		this.queries = queries;
		this.messages = messages;
	}

	private static CurrentUser me() {
		return CurrentUser.get();
	}

	/** An activity as recorded, reported or edited ({@code version} for an edit). */
	record ActivityBody(@Nullable ActivityType type, @Nullable LocalDate date, @Nullable Long stationId,
			@Nullable List<Long> deputyIds, @Nullable Integer constituentsReceived, @Nullable Integer householdsVisited,
			@Nullable String title, @Nullable String note, @Nullable Long householdId, @Nullable Integer version) {

		NewActivity activity() {
			return new NewActivity(type, date, stationId, deputyIds, constituentsReceived, householdsVisited, title,
					note, householdId);
		}
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<ActivityJson.Full> create(@RequestBody ActivityBody body) {
		CurrentUser me = me();
		long id = me.is(Role.DEPUTY) ? reports.report(body.activity(), List.of(), me).id()
				: recording.record(body.activity(), me);
		return ResponseEntity.created(URI.create("/api/v1/activities/" + id)).body(show(id));
	}

	@GetMapping
	CursorPage<ActivityJson.Full> list(@RequestParam(required = false) @Nullable ActivityType type,
			@RequestParam(required = false) @Nullable ActivityStatus status,
			@RequestParam(required = false) @Nullable Long townshipId,
			@RequestParam(required = false) @Nullable Long stationId,
			@RequestParam(required = false) @Nullable Long deputyId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		int n = CursorPage.limit(limit);
		ActivityFilter f = new ActivityFilter(type, status, townshipId, stationId, deputyId, from, to);
		return CursorPage.of(queries.list(f, me(), CursorPage.after(cursor), n + 1, 0), n, Activity::id)
			.map(ActivityJson::summary);
	}

	@GetMapping("/{id}")
	ResponseEntity<ActivityJson.Full> get(@PathVariable long id) {
		ActivityJson.Full full = show(id);
		return ResponseEntity.ok().eTag("\"" + full.version() + "\"").body(full);
	}

	private ActivityJson.Full show(long id) {
		return ActivityJson.full(queries.detail(id, me()));
	}

	@PutMapping("/{id}")
	ActivityJson.Full edit(@PathVariable long id, @RequestBody ActivityBody body) {
		reports.edit(id, body.activity(), body.version(), List.of(), me());
		return show(id);
	}

	/**
	 * A review's body: the version the reviewer saw (optional) and a rejection's reason.
	 */
	record ReviewBody(@Nullable Integer version, @Nullable String reason) {
	}

	private static ReviewBody orEmpty(@Nullable ReviewBody b) {
		return b == null ? new ReviewBody(null, null) : b;
	}

	@PostMapping("/{id}/approve")
	ActivityJson.Full approve(@PathVariable long id, @RequestBody(required = false) @Nullable ReviewBody body) {
		reports.approve(id, orEmpty(body).version(), me());
		return show(id);
	}

	@PostMapping("/{id}/reject")
	ActivityJson.Full reject(@PathVariable long id, @RequestBody(required = false) @Nullable ReviewBody body) {
		ReviewBody b = orEmpty(body);
		reports.reject(id, b.reason(), b.version(), me());
		return show(id);
	}

	@PostMapping("/{id}/withdraw")
	ActivityJson.Full withdraw(@PathVariable long id, @RequestBody(required = false) @Nullable ReviewBody body) {
		reports.withdraw(id, orEmpty(body).version(), me());
		return show(id);
	}

	record BulkBody(@Nullable List<Long> ids) {
	}

	/** {@code {"results": [{id, outcome, version}]}}, one per distinct id, in order. */
	@PostMapping("/approve")
	Map<String, List<ActivityReports.BulkOutcome>> approveAll(@RequestBody BulkBody body) {
		return Map.of("results", reports.approveAll(body.ids(), me()));
	}

	// ------------------------------------------------------------------ photos

	@PostMapping(path = "/{id}/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<ActivityJson.Full> addPhotos(@PathVariable long id,
			@RequestParam(name = "file", required = false) @Nullable List<MultipartFile> files) {
		reports.addPhotos(id, uploads(files), me());
		return ResponseEntity.status(HttpStatus.CREATED).body(show(id));
	}

	@GetMapping("/{id}/photos/{photoId}")
	ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
		ActivityPhoto p = queries.photo(id, photoId, me());
		return AttachmentResponses.of(p.contentType(), p.filename(), p.sha256(), queries.photoData(p));
	}

	static List<Upload> uploads(@Nullable List<MultipartFile> files) {
		return Uploads.of(files, "photo");
	}

	@ExceptionHandler(AttachmentTooLargeException.class)
	ResponseEntity<ProblemDetail> tooLarge(AttachmentTooLargeException ex) {
		return Uploads.tooLarge(messages.getMessage("activity.photo.tooLarge", new Object[] { ex.maxMegabytes() },
				LocaleContextHolder.getLocale()));
	}

}
