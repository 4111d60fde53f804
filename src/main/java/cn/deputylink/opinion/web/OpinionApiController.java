package cn.deputylink.opinion.web;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.opinion.Attachment;
import cn.deputylink.shared.AttachmentTooLargeException;
import cn.deputylink.opinion.Intake;
import cn.deputylink.opinion.Opinion;
import cn.deputylink.opinion.ConstituentFeedback;
import cn.deputylink.opinion.Deadlines;
import cn.deputylink.opinion.DepartmentHandling;
import cn.deputylink.opinion.OpinionEscalation;
import cn.deputylink.opinion.OpinionIntake;
import cn.deputylink.opinion.OpinionQueries;
import cn.deputylink.opinion.OpinionTriage;
import cn.deputylink.opinion.OpinionStatus;
import cn.deputylink.opinion.Outcome;
import cn.deputylink.opinion.Satisfaction;
import cn.deputylink.opinion.Source;
import cn.deputylink.shared.Upload;
import cn.deputylink.organisation.Tier;
import cn.deputylink.shared.CursorPage;
import cn.deputylink.shared.web.AttachmentResponses;
import cn.deputylink.shared.web.Uploads;
import cn.deputylink.shared.InvalidInputException;
import java.util.Collections;
import java.util.Locale;

/** The opinions API for staff ({@code docs/api.md}, "Opinions"). */
@RestController
@RequestMapping("/api/v1/opinions")
class OpinionApiController {

	private final OpinionIntake intake;

	private final OpinionTriage triage;

	private final DepartmentHandling handling;

	private final ConstituentFeedback feedback;

	private final OpinionEscalation escalation;

	private final OpinionQueries queries;

	private final MessageSource messages;

	private final OpinionExport export;

	OpinionApiController(OpinionIntake intake, OpinionTriage triage, DepartmentHandling handling,
			ConstituentFeedback feedback, OpinionEscalation escalation, OpinionQueries queries, MessageSource messages,
			OpinionExport export) {
		this.intake = intake;
		this.triage = triage;
		this.handling = handling;
		this.feedback = feedback;
		this.escalation = escalation;
		this.queries = queries;
		this.messages = messages;
		this.export = export;
	}

	/** The list (same filters) as an Excel file; names and phones masked. */
	@GetMapping("/export.xlsx")
	ResponseEntity<byte[]> exportList(FilterParams params, Locale locale) {
		return export.xlsx(params.filter(), me(), locale);
	}

	private static CurrentUser me() {
		return CurrentUser.get();
	}

	record ConstituentBody(@Nullable @Size(max = 100) String name, @Nullable @Size(max = 30) String phone,
			@Nullable Boolean anonymous) {
	}

	record NewOpinion(@NotNull Source source, @Nullable Long stationId, @Nullable Long villageId,
			@Nullable @Size(max = 40) String categoryCode, @NotNull @Size(max = 4000) String content,
			@Nullable OffsetDateTime receivedAt, @Nullable List<Long> deputyIds,
			@Nullable @Valid ConstituentBody constituent) {

		Intake intake() {
			ConstituentBody c = constituent == null ? new ConstituentBody(null, null, false) : constituent;
			return new Intake(source, stationId, villageId, categoryCode, content, receivedAt,
					deputyIds == null ? List.of() : deputyIds, c.name(), c.phone(), Boolean.TRUE.equals(c.anonymous()));
		}
	}

	record Created(long id, String trackingCode, OpinionStatus status, int version) {
	}

	@PostMapping
	ResponseEntity<Created> create(@Valid @RequestBody NewOpinion body,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key) {
		OpinionIntake.Created c = intake.submit(body.intake(), me(), key, List.of());
		Opinion o = c.opinion();
		return ResponseEntity.created(URI.create("/api/v1/opinions/" + o.id()))
			.header("Idempotent-Replayed", String.valueOf(c.replayed()))
			.body(new Created(o.id(), o.trackingCode(), o.status(), o.version()));
	}

	@GetMapping("/{id}")
	ResponseEntity<OpinionJson.Full> get(@PathVariable long id) {
		OpinionJson.Full full = OpinionJson.full(queries.detail(id, me()));
		return ResponseEntity.ok().eTag("\"" + full.version() + "\"").body(full);
	}

	@GetMapping
	CursorPage<OpinionJson.Summary> list(FilterParams params, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		int n = CursorPage.limit(limit);
		Deadlines deadlines = queries.deadlines();
		return CursorPage.of(queries.list(params.filter(), me(), CursorPage.after(cursor), n + 1, 0), n, Opinion::id)
			.map(o -> OpinionJson.summary(o, deadlines));
	}

	// ------------------------------------------------------------------ transitions

	/**
	 * An {@code If-Match} naming a version other than the current one is refused with
	 * 412; without it, concurrent changes are still caught by the version check of the
	 * update (409).
	 */
	private @Nullable Integer ifMatch(long id, @Nullable String header) {
		if (header == null || header.isBlank()) {
			return null;
		}
		Integer expected;
		try {
			expected = Integer.valueOf(header.replace("W/", "").replace("\"", "").strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("If-Match", "opinion.ifMatch.invalid");
		}
		if (queries.get(id, me()).version() != expected) {
			throw new ResponseStatusException(HttpStatus.PRECONDITION_FAILED);
		}
		return expected;
	}

	private ResponseEntity<OpinionJson.Full> show(Opinion o) {
		return get(o.id());
	}

	record TriageBody(@Nullable @Size(max = 40) String categoryCode, @Nullable Tier tier,
			@Nullable @Size(max = 2000) String note) {
	}

	@PostMapping("/{id}/triage")
	ResponseEntity<OpinionJson.Full> triage(@PathVariable long id, @Valid @RequestBody TriageBody b,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		return show(triage.triage(id, b.categoryCode(), b.tier(), b.note(), me(), ifMatch(id, ifMatch)));
	}

	record AssignBody(@Nullable Long departmentId, @Nullable @Size(max = 2000) String note) {
	}

	@PostMapping("/{id}/assign")
	ResponseEntity<OpinionJson.Full> assign(@PathVariable long id,
			@Valid @RequestBody(required = false) @Nullable AssignBody b,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		AssignBody body = b == null ? new AssignBody(null, null) : b;
		return show(triage.assign(id, body.departmentId(), body.note(), me(), ifMatch(id, ifMatch)));
	}

	record ReasonBody(@Nullable @Size(max = 2000) String reason) {
	}

	@PostMapping("/{id}/return")
	ResponseEntity<OpinionJson.Full> giveBack(@PathVariable long id, @Valid @RequestBody ReasonBody b,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		return show(handling.returnToTriage(id, b.reason(), me(), ifMatch(id, ifMatch)));
	}

	@PostMapping("/{id}/accept")
	ResponseEntity<OpinionJson.Full> accept(@PathVariable long id,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		return show(handling.accept(id, me(), ifMatch(id, ifMatch)));
	}

	record NoteBody(@Nullable @Size(max = 2000) String note) {
	}

	@PostMapping("/{id}/progress")
	ResponseEntity<OpinionJson.Full> progress(@PathVariable long id, @Valid @RequestBody NoteBody b,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		return show(handling.progress(id, b.note(), me(), ifMatch(id, ifMatch)));
	}

	record ReplyBody(@Nullable @Size(max = 4000) String content, @Nullable Outcome outcome) {
	}

	@PostMapping("/{id}/reply")
	ResponseEntity<OpinionJson.Full> reply(@PathVariable long id, @Valid @RequestBody ReplyBody b,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		return show(handling.reply(id, b.content(), b.outcome(), me(), ifMatch(id, ifMatch)));
	}

	record CloseBody(@Nullable Outcome outcome, @Nullable @Size(max = 2000) String note,
			@Nullable @Size(max = 4000) String reply) {
	}

	@PostMapping("/{id}/close")
	ResponseEntity<OpinionJson.Full> close(@PathVariable long id,
			@Valid @RequestBody(required = false) @Nullable CloseBody b,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		CloseBody body = b == null ? new CloseBody(null, null, null) : b;
		return show(triage.close(id, body.outcome(), body.note(), body.reply(), me(), ifMatch(id, ifMatch)));
	}

	record MergeBody(@Nullable Long intoId) {
	}

	@PostMapping("/{id}/merge")
	ResponseEntity<OpinionJson.Full> merge(@PathVariable long id, @Valid @RequestBody MergeBody b,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		return show(triage.merge(id, b.intoId(), me(), ifMatch(id, ifMatch)));
	}

	record FeedbackBody(@Nullable Satisfaction satisfaction, @Nullable @Size(max = 1000) String comment) {
	}

	/**
	 * A rating the constituent gave on a follow-up call (回访), recorded by township staff.
	 */
	@PostMapping("/{id}/feedback")
	ResponseEntity<OpinionJson.Full> feedback(@PathVariable long id, @Valid @RequestBody FeedbackBody b,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		return show(feedback.recordFeedback(id, b.satisfaction(), b.comment(), me(), ifMatch(id, ifMatch)));
	}

	@PostMapping("/{id}/escalate")
	ResponseEntity<OpinionJson.Full> escalate(@PathVariable long id, @Valid @RequestBody NoteBody b,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		return show(escalation.escalate(id, b.note(), me(), ifMatch(id, ifMatch)));
	}

	// ------------------------------------------------------------------ reading aids

	record DuplicateJson(OpinionJson.Summary opinion, double similarity) {
	}

	@GetMapping("/{id}/duplicates")
	List<DuplicateJson> duplicates(@PathVariable long id) {
		Deadlines deadlines = queries.deadlines();
		return queries.duplicates(id, me())
			.stream()
			.map(d -> new DuplicateJson(OpinionJson.summary(d.opinion(), deadlines),
					Math.round(d.similarity() * 1000) / 1000.0))
			.toList();
	}

	record Route(@Nullable Long departmentId) {
	}

	@GetMapping("/{id}/route")
	Route route(@PathVariable long id) {
		return new Route(triage.routedDepartment(queries.get(id, me())).map(d -> d.id()).orElse(null));
	}

	@GetMapping("/{id}/phone")
	Map<String, @Nullable String> phone(@PathVariable long id) {
		return Collections.singletonMap("phone", queries.revealPhone(id, me()).orElse(null));
	}

	// ------------------------------------------------------------------ attachments

	@PostMapping(path = "/{id}/attachments", consumes = "multipart/form-data")
	ResponseEntity<List<OpinionJson.File>> attach(@PathVariable long id,
			@RequestParam("file") List<MultipartFile> files) {
		List<Attachment> all = intake.attach(id, uploads(files), me());
		return ResponseEntity.status(HttpStatus.CREATED).body(all.stream().map(a -> OpinionJson.file(id, a)).toList());
	}

	@GetMapping("/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
		Attachment a = queries.attachment(id, attachmentId, me());
		return AttachmentResponses.of(a.contentType(), a.filename(), a.sha256(), queries.attachmentData(a));
	}

	static List<Upload> uploads(@Nullable List<MultipartFile> files) {
		return Uploads.of(files, "attachment");
	}

	@ExceptionHandler(AttachmentTooLargeException.class)
	ResponseEntity<ProblemDetail> tooLarge(AttachmentTooLargeException ex) {
		return Uploads.tooLarge(messages.getMessage("opinion.attachment.tooLarge", new Object[] { ex.maxMegabytes() },
				LocaleContextHolder.getLocale()));
	}

}
