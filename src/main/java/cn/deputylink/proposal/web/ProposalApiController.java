package cn.deputylink.proposal.web;

import java.net.URI;
import java.util.List;

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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.proposal.Evaluation;
import cn.deputylink.proposal.NewProposal;
import cn.deputylink.proposal.Period;
import cn.deputylink.proposal.Proposal;
import cn.deputylink.proposal.ProposalAttachment;
import cn.deputylink.proposal.ProposalDrafting;
import cn.deputylink.proposal.ProposalEvaluation;
import cn.deputylink.proposal.ProposalFilter;
import cn.deputylink.proposal.ProposalHandling;
import cn.deputylink.proposal.ProposalQueries;
import cn.deputylink.proposal.ProposalRegistration;
import cn.deputylink.proposal.ProposalStatus;
import cn.deputylink.shared.AttachmentTooLargeException;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.CursorPage;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.TextInput;
import cn.deputylink.shared.Upload;
import cn.deputylink.shared.web.AttachmentResponses;
import cn.deputylink.shared.web.Uploads;

/**
 * The proposals API for signed-in users ({@code docs/api.md}, "Proposals"). Every step
 * takes an optional {@code version} in its body (stale: 409) or an {@code If-Match}
 * header (stale: 412); liaison officers get 403 on every call.
 */
@RestController
@RequestMapping("/api/v1/proposals")
class ProposalApiController {

	private final ProposalDrafting drafting;

	private final ProposalRegistration registration;

	private final ProposalHandling handling;

	private final ProposalEvaluation evaluation;

	private final ProposalQueries queries;

	private final MessageSource messages;

	ProposalApiController(ProposalDrafting drafting, ProposalRegistration registration, ProposalHandling handling,
			ProposalEvaluation evaluation, ProposalQueries queries, MessageSource messages) {
		this.drafting = drafting;
		this.registration = registration;
		this.handling = handling;
		this.evaluation = evaluation;
		this.queries = queries;
		this.messages = messages;
	}

	private static CurrentUser me() {
		return CurrentUser.get();
	}

	// ------------------------------------------------------------------ drafts

	record DraftBody(@Nullable @Size(max = 200) String title, @Nullable @Size(max = 8000) String content,
			@Nullable Long leadDeputyId, @Nullable @Size(max = 100) List<Long> coSignerIds,
			@Nullable @Size(max = 100) List<Long> opinionIds, @Nullable Period period, @Nullable Boolean publicConsent,
			@Nullable Integer version) {

		NewProposal draft() {
			return new NewProposal(title, content, leadDeputyId, coSignerIds, opinionIds, period,
					Boolean.TRUE.equals(publicConsent));
		}
	}

	@PostMapping
	ResponseEntity<ProposalJson.Full> create(@Valid @RequestBody DraftBody body) {
		Proposal p = drafting.create(body.draft(), me());
		return ResponseEntity.created(URI.create("/api/v1/proposals/" + p.id())).body(full(p.id()));
	}

	@PutMapping("/{id}")
	ResponseEntity<ProposalJson.Full> edit(@PathVariable long id, @Valid @RequestBody DraftBody body,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		return show(drafting.edit(id, body.draft(), version(id, ifMatch, body.version()), me()));
	}

	record VersionBody(@Nullable Integer version) {
	}

	@PostMapping("/{id}/withdraw")
	ResponseEntity<ProposalJson.Full> withdraw(@PathVariable long id,
			@Valid @RequestBody(required = false) @Nullable VersionBody b,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		return show(drafting.withdraw(id, version(id, ifMatch, b == null ? null : b.version()), me()));
	}

	@PostMapping("/{id}/submit")
	ResponseEntity<ProposalJson.Full> submit(@PathVariable long id,
			@Valid @RequestBody(required = false) @Nullable VersionBody b,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		return show(drafting.submit(id, version(id, ifMatch, b == null ? null : b.version()), me()));
	}

	record CoSignBody(@NotNull Boolean confirm) {
	}

	@PostMapping("/{id}/co-sign")
	ResponseEntity<ProposalJson.Full> coSign(@PathVariable long id, @Valid @RequestBody CoSignBody b) {
		return show(drafting.answerCoSign(id, b.confirm(), me()));
	}

	// ------------------------------------------------------------------ the county

	record NoteBody(@Nullable @Size(max = 2000) String note, @Nullable Integer version) {
	}

	@PostMapping("/{id}/register")
	ResponseEntity<ProposalJson.Full> register(@PathVariable long id,
			@Valid @RequestBody(required = false) @Nullable NoteBody b,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		NoteBody body = b == null ? new NoteBody(null, null) : b;
		return show(registration.register(id, body.note(), version(id, ifMatch, body.version()), me()));
	}

	record ReasonBody(@Nullable @Size(max = 2000) String reason, @Nullable Integer version) {
	}

	@PostMapping("/{id}/refuse")
	ResponseEntity<ProposalJson.Full> refuse(@PathVariable long id, @Valid @RequestBody ReasonBody b,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		return show(registration.refuse(id, b.reason(), version(id, ifMatch, b.version()), me()));
	}

	record AssignBody(@Nullable Long leadDepartmentId, @Nullable @Size(max = 50) List<Long> coDepartmentIds,
			@Nullable @Size(max = 2000) String note, @Nullable Integer version) {
	}

	@PostMapping("/{id}/assign")
	ResponseEntity<ProposalJson.Full> assign(@PathVariable long id, @Valid @RequestBody AssignBody b,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		return show(registration.assign(id, b.leadDepartmentId(), b.coDepartmentIds(), b.note(),
				version(id, ifMatch, b.version()), me()));
	}

	record SuperviseBody(@NotNull Boolean keySupervised, @Nullable @Size(max = 2000) String note,
			@Nullable Integer version) {
	}

	@PostMapping("/{id}/supervise")
	ResponseEntity<ProposalJson.Full> supervise(@PathVariable long id, @Valid @RequestBody SuperviseBody b,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		stale(id, ifMatch, b.version());
		return show(registration.supervise(id, b.keySupervised(), b.note(), me()));
	}

	record DecisionBody(@NotNull Boolean approve, @Nullable @Size(max = 2000) String note, @Nullable Integer version) {
	}

	@PostMapping("/{id}/extension/decision")
	ResponseEntity<ProposalJson.Full> decideExtension(@PathVariable long id, @Valid @RequestBody DecisionBody b,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		return show(registration.decideExtension(id, b.approve(), b.note(), version(id, ifMatch, b.version()), me()));
	}

	@PostMapping("/{id}/close")
	ResponseEntity<ProposalJson.Full> close(@PathVariable long id,
			@Valid @RequestBody(required = false) @Nullable NoteBody b,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		NoteBody body = b == null ? new NoteBody(null, null) : b;
		return show(registration.close(id, body.note(), version(id, ifMatch, body.version()), me()));
	}

	// ------------------------------------------------------------------ the units

	@PostMapping("/{id}/extension")
	ResponseEntity<ProposalJson.Full> requestExtension(@PathVariable long id, @Valid @RequestBody ReasonBody b,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		stale(id, ifMatch, b.version());
		return show(handling.requestExtension(id, b.reason(), me()));
	}

	record InputBody(@Nullable @Size(max = 4000) String input, @Nullable Integer version) {
	}

	@PostMapping("/{id}/co-unit-input")
	ResponseEntity<ProposalJson.Full> coUnitInput(@PathVariable long id, @Valid @RequestBody InputBody b,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		stale(id, ifMatch, b.version());
		return show(handling.coUnitInput(id, b.input(), me()));
	}

	record ReplyBody(@Nullable @Size(max = 8000) String content, @Nullable @Size(max = 8) String resultClass,
			@Nullable Integer version) {
	}

	@PostMapping(path = "/{id}/reply", consumes = "application/json")
	ResponseEntity<ProposalJson.Full> reply(@PathVariable long id, @Valid @RequestBody ReplyBody b,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		return show(handling.reply(id, b.content(), b.resultClass(), null, version(id, ifMatch, b.version()), me()));
	}

	@PostMapping(path = "/{id}/reply", consumes = "multipart/form-data")
	ResponseEntity<ProposalJson.Full> replyWithLetter(@PathVariable long id,
			@RequestParam(required = false) @Nullable String content,
			@RequestParam(required = false) @Nullable String resultClass,
			@RequestParam(required = false) @Nullable Integer version,
			@RequestParam(name = "letter", required = false) @Nullable MultipartFile letter,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		if (content != null && content.length() > 8000) {
			throw new InvalidInputException("content", "validation.size.max", 8000);
		}
		List<Upload> files = Uploads.of(letter == null ? null : List.of(letter), "letter.pdf");
		return show(handling.reply(id, content, resultClass, files.isEmpty() ? null : files.get(0),
				version(id, ifMatch, version), me()));
	}

	@PostMapping(path = "/{id}/attachments", consumes = "multipart/form-data")
	ResponseEntity<ProposalJson.File> attach(@PathVariable long id, @RequestParam("file") MultipartFile file) {
		ProposalAttachment a = handling.attach(id, Uploads.of(List.of(file), "file").get(0), me());
		return ResponseEntity.status(HttpStatus.CREATED).body(ProposalJson.file(a));
	}

	@GetMapping("/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
		ProposalAttachment a = queries.attachment(id, attachmentId, me());
		return AttachmentResponses.of(a.contentType(), a.fileName(), a.sha256(), queries.attachmentData(a));
	}

	// ------------------------------------------------------------------ the deputy

	record EvaluateBody(@Nullable Evaluation satisfaction, @Nullable @Size(max = 2000) String comment,
			@Nullable Integer version) {
	}

	@PostMapping("/{id}/evaluate")
	ResponseEntity<ProposalJson.Full> evaluate(@PathVariable long id, @Valid @RequestBody EvaluateBody b,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		return show(evaluation.evaluate(id, b.satisfaction(), b.comment(), version(id, ifMatch, b.version()), me()));
	}

	// ------------------------------------------------------------------ reading

	@GetMapping("/{id}")
	ResponseEntity<ProposalJson.Full> get(@PathVariable long id) {
		ProposalJson.Full f = full(id);
		return ResponseEntity.ok().eTag("\"" + f.version() + "\"").body(f);
	}

	record ListParams(@Nullable ProposalStatus status, @Nullable Integer year, @Nullable Long deputyId,
			@Nullable Long departmentId, @Nullable Boolean overdue, @Nullable Boolean keySupervised,
			@Nullable String q) {

		ProposalFilter filter() {
			if (q != null && q.length() > 200) {
				throw new InvalidInputException("q", "validation.size.max", 200);
			}
			return new ProposalFilter(status, year, deputyId, departmentId, Boolean.TRUE.equals(overdue),
					Boolean.TRUE.equals(keySupervised), TextInput.blankToNull(q));
		}
	}

	@GetMapping
	CursorPage<ProposalJson.Summary> list(ListParams params, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		int n = CursorPage.limit(limit);
		var today = queries.today();
		return CursorPage.of(queries.list(params.filter(), me(), CursorPage.after(cursor), n + 1, 0), n, Proposal::id)
			.map(p -> ProposalJson.summary(p, today));
	}

	private ProposalJson.Full full(long id) {
		return ProposalJson.full(queries.detail(id, me()));
	}

	private ResponseEntity<ProposalJson.Full> show(Proposal p) {
		return get(p.id());
	}

	/**
	 * The version the caller saw: an {@code If-Match} naming another version than the
	 * current one is refused with 412; a body's {@code version} is checked by the step
	 * (409).
	 */
	private @Nullable Integer version(long id, @Nullable String ifMatch, @Nullable Integer bodyVersion) {
		if (ifMatch == null || ifMatch.isBlank()) {
			return bodyVersion;
		}
		int expected;
		try {
			expected = Integer.parseInt(ifMatch.replace("W/", "").replace("\"", "").strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidInputException("If-Match", "proposal.ifMatch.invalid");
		}
		if (queries.get(id, me()).version() != expected) {
			throw new ResponseStatusException(HttpStatus.PRECONDITION_FAILED);
		}
		return expected;
	}

	/** For the steps without a version of their own: 412 / 409 before the step. */
	private void stale(long id, @Nullable String ifMatch, @Nullable Integer bodyVersion) {
		Integer v = version(id, ifMatch, bodyVersion);
		if (v != null && queries.get(id, me()).version() != v) {
			throw new ConflictException("proposal.error.stale");
		}
	}

	@ExceptionHandler(AttachmentTooLargeException.class)
	ResponseEntity<ProblemDetail> tooLarge(AttachmentTooLargeException ex) {
		return Uploads.tooLarge(messages.getMessage("proposal.attachment.tooLarge", new Object[] { ex.maxMegabytes() },
				LocaleContextHolder.getLocale()));
	}

}
