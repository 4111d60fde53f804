package cn.deputylink.briefing.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.briefing.BriefingEdit;
import cn.deputylink.briefing.BriefingSummary;
import cn.deputylink.briefing.BriefingView;
import cn.deputylink.briefing.Briefings;
import cn.deputylink.briefing.NewBriefing;
import cn.deputylink.shared.InvalidInputException;

/**
 * The briefings: the list in the caller's scope ({@code {items: [...]}}, newest first),
 * generation of a draft ({@code POST}, 201), one briefing, a draft's edit ({@code PUT}
 * with {@code version}), publication, deletion of a draft, and the PDF and .docx exports.
 * 400 bad dates or texts, 403 another scope or role, 404 unknown, 409 published or stale.
 */
@RestController
@RequestMapping("/api/v1/briefings")
class BriefingsApiController {

	static final MediaType DOCX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

	private final Briefings briefings;

	BriefingsApiController(Briefings briefings) {
		this.briefings = briefings;
	}

	record Items(List<BriefingSummary> items) {
	}

	record NewInput(@Nullable String from, @Nullable String to, @Nullable Long townshipId, @Nullable Long stationId,
			@Nullable String title) {
	}

	record EditInput(@Nullable String title, @Nullable String intro, @Nullable String body,
			@Nullable List<String> caseTexts, @Nullable Integer version) {
	}

	record VersionInput(@Nullable Integer version) {
	}

	@GetMapping
	Items list() {
		return new Items(briefings.list(CurrentUser.get()));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	BriefingView generate(@RequestBody NewInput in) {
		return briefings.generate(new NewBriefing(date("from", in.from()), date("to", in.to()), in.townshipId(),
				in.stationId(), in.title()), LocaleContextHolder.getLocale(), CurrentUser.get());
	}

	@GetMapping("/{id}")
	BriefingView get(@PathVariable long id) {
		return briefings.get(id, CurrentUser.get());
	}

	@PutMapping("/{id}")
	BriefingView edit(@PathVariable long id, @RequestBody EditInput in) {
		return briefings.edit(id, new BriefingEdit(in.title(), in.intro(), in.body(), in.caseTexts(), in.version()),
				CurrentUser.get());
	}

	@PostMapping("/{id}/publish")
	BriefingView publish(@PathVariable long id, @RequestBody VersionInput in) {
		return briefings.publish(id, in.version(), CurrentUser.get());
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable long id) {
		briefings.delete(id, CurrentUser.get());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/pdf")
	ResponseEntity<byte[]> pdf(@PathVariable long id) {
		return pdfResponse(briefings, id);
	}

	@GetMapping("/{id}/docx")
	ResponseEntity<byte[]> docx(@PathVariable long id) {
		return docxResponse(briefings, id);
	}

	static ResponseEntity<byte[]> pdfResponse(Briefings briefings, long id) {
		CurrentUser me = CurrentUser.get();
		Locale locale = LocaleContextHolder.getLocale();
		BriefingView b = briefings.get(id, me);
		return attachment(briefings.pdf(id, locale, me), MediaType.APPLICATION_PDF,
				briefings.fileName(b, "pdf", locale));
	}

	static ResponseEntity<byte[]> docxResponse(Briefings briefings, long id) {
		CurrentUser me = CurrentUser.get();
		Locale locale = LocaleContextHolder.getLocale();
		BriefingView b = briefings.get(id, me);
		return attachment(briefings.docx(id, locale, me), DOCX, briefings.fileName(b, "docx", locale));
	}

	private static ResponseEntity<byte[]> attachment(byte[] body, MediaType type, String name) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.body(body);
	}

	/** A date {@code yyyy-MM-dd}: 400 when it is not one; null when absent. */
	static @Nullable LocalDate date(String field, @Nullable String raw) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(raw.strip());
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException(field, "briefing.error.date");
		}
	}

}
