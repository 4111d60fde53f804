package cn.deputylink.targets.web;

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
import cn.deputylink.targets.EvidenceFile;
import cn.deputylink.targets.Marks;
import cn.deputylink.targets.TargetRule;
import cn.deputylink.targets.TownshipRow;
import cn.deputylink.targets.TownshipTargets;

/**
 * The township target assessment: rules and marks ({@code GET} county and township
 * admins; {@code PUT} county admins: 400 bad values, 409 stale {@code version}), a year's
 * ranking {@code {year, items: [row...]}} (a township admin: its own row), one township's
 * breakdown, manual scores ({@code PUT}, county admins) and the manual items' evidence
 * files ({@code POST} multipart {@code file} parts with {@code year} and {@code rule}: a
 * county admin or the township's admin; 201 with the township's files of the year).
 */
@RestController
@RequestMapping("/api/v1/targets")
class TargetsApiController {

	private final TownshipTargets targets;

	private final MessageSource messages;

	TargetsApiController(TownshipTargets targets, MessageSource messages) {
		this.targets = targets;
		this.messages = messages;
	}

	record Ranking(int year, Marks marks, List<TownshipRow> items) {
	}

	record RuleInput(@Nullable String name, @Nullable BigDecimal maxPoints, @Nullable BigDecimal target,
			@Nullable Integer position, @Nullable Boolean active, int version) {
	}

	record MarksInput(@Nullable BigDecimal excellent, @Nullable BigDecimal pass, int version) {
	}

	record ManualInput(@Nullable BigDecimal points, @Nullable String evidence) {
	}

	@GetMapping("/rules")
	List<TargetRule> rules() {
		return targets.rules(CurrentUser.get());
	}

	@PutMapping("/rules/{code}")
	TargetRule updateRule(@PathVariable String code, @RequestBody RuleInput in) {
		return targets.updateRule(code, in.name() == null ? "" : in.name(), in.maxPoints(), in.target(),
				in.position() == null ? 0 : in.position(), in.active() == null || in.active(), in.version(),
				CurrentUser.get());
	}

	@GetMapping("/marks")
	Marks marks() {
		return targets.marks(CurrentUser.get());
	}

	@PutMapping("/marks")
	Marks updateMarks(@RequestBody MarksInput in) {
		return targets.updateMarks(in.excellent(), in.pass(), in.version(), CurrentUser.get());
	}

	@GetMapping("/ranking")
	Ranking ranking(@RequestParam(required = false) @Nullable Integer year) {
		CurrentUser u = CurrentUser.get();
		int y = targets.year(year);
		return new Ranking(y, targets.marks(u), targets.ranking(y, u));
	}

	@GetMapping("/townships/{id}")
	TownshipRow township(@PathVariable long id, @RequestParam(required = false) @Nullable Integer year) {
		return targets.township(id, year, CurrentUser.get());
	}

	@PutMapping("/townships/{id}/manual/{code}")
	TownshipRow manual(@PathVariable long id, @PathVariable String code,
			@RequestParam(required = false) @Nullable Integer year, @RequestBody ManualInput in) {
		return targets.scoreManual(id, targets.year(year), code, in.points(),
				in.evidence() == null ? "" : in.evidence(), CurrentUser.get());
	}

	@GetMapping("/townships/{id}/evidence")
	List<EvidenceFile> evidence(@PathVariable long id, @RequestParam(required = false) @Nullable Integer year) {
		return targets.evidenceFiles(id, year, CurrentUser.get());
	}

	@PostMapping(path = "/townships/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<List<EvidenceFile>> addEvidence(@PathVariable long id,
			@RequestParam(required = false) @Nullable Integer year, @RequestParam String rule,
			@RequestParam(name = "file", required = false) @Nullable List<MultipartFile> files) {
		List<EvidenceFile> all = targets.addEvidence(id, targets.year(year), rule, Uploads.of(files, "evidence"),
				CurrentUser.get());
		return ResponseEntity.status(HttpStatus.CREATED).body(all);
	}

	@GetMapping("/townships/{id}/evidence/{fileId}")
	ResponseEntity<byte[]> evidenceFile(@PathVariable long id, @PathVariable long fileId) {
		return download(targets.evidenceFile(id, fileId, CurrentUser.get()));
	}

	/** An evidence file as a download (the API and the pages answer the same). */
	static ResponseEntity<byte[]> download(TownshipTargets.EvidenceContent c) {
		return AttachmentResponses.of(c.file().contentType(), c.file().filename(), c.file().sha256(), c.data());
	}

	@ExceptionHandler(AttachmentTooLargeException.class)
	ResponseEntity<ProblemDetail> tooLarge(AttachmentTooLargeException ex) {
		return Uploads.tooLarge(messages.getMessage("targets.evidence.tooLarge", new Object[] { ex.maxMegabytes() },
				LocaleContextHolder.getLocale()));
	}

}
