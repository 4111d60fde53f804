package cn.deputylink.briefing.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.deputylink.briefing.BriefingEdit;
import cn.deputylink.briefing.BriefingStatus;
import cn.deputylink.briefing.BriefingSummary;
import cn.deputylink.briefing.BriefingView;
import cn.deputylink.briefing.HeadlineFigures;
import cn.deputylink.briefing.LeaderRow;
import cn.deputylink.briefing.TypicalCase;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.TextInput;

/**
 * The briefing aggregate: its period, scope and the snapshot taken from the statistics
 * never change; its texts change only while it is a draft and only from the version the
 * editor read (409 otherwise); it is published once, and a published briefing is
 * immutable. {@code id} is 0 until stored.
 */
public record Briefing(long id, String title, LocalDate from, LocalDate to, @Nullable Long townshipId,
		@Nullable Long stationId, String scopeName, BriefingStatus status, String intro, String body,
		HeadlineFigures figures, List<LeaderRow> leadingStations, List<LeaderRow> leadingDeputies,
		List<TypicalCase> typicalCases, String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt,
		@Nullable String publishedBy, @Nullable OffsetDateTime publishedAt, int version) {

	public static final int TITLE_MAX = 200;

	public static final int INTRO_MAX = 4000;

	public static final int BODY_MAX = 8000;

	public static final int CASE_MAX = 2000;

	/** The longest period a briefing covers, in years. */
	public static final int MAX_YEARS = 5;

	public Briefing {
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("period reversed");
		}
		if ((status == BriefingStatus.PUBLISHED) != (publishedAt != null)) {
			throw new IllegalArgumentException("a published briefing has a publication time, a draft none");
		}
		leadingStations = List.copyOf(leadingStations);
		leadingDeputies = List.copyOf(leadingDeputies);
		typicalCases = List.copyOf(typicalCases);
	}

	/** A new draft, its texts checked like an edit's. */
	public static Briefing draft(String title, LocalDate from, LocalDate to, @Nullable Long townshipId,
			@Nullable Long stationId, String scopeName, String intro, String body, HeadlineFigures figures,
			List<LeaderRow> stations, List<LeaderRow> deputies, List<TypicalCase> cases, String createdBy,
			OffsetDateTime now) {
		checkPeriod(from, to);
		List<InvalidInputException.FieldError> errors = new ArrayList<>();
		String t = text("title", title, TITLE_MAX, true, errors);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new Briefing(0, t, from, to, townshipId, stationId, scopeName, BriefingStatus.DRAFT, intro, body,
				figures, stations, deputies, cases, createdBy, now, now, null, null, 0);
	}

	/** 400 unless both ends are given, in order and at most {@link #MAX_YEARS} apart. */
	public static void checkPeriod(@Nullable LocalDate from, @Nullable LocalDate to) {
		if (from == null) {
			throw new InvalidInputException("from", "briefing.error.from");
		}
		if (to == null) {
			throw new InvalidInputException("to", "briefing.error.to");
		}
		if (to.isBefore(from)) {
			throw new InvalidInputException("to", "briefing.error.reversed");
		}
		if (to.isAfter(from.plusYears(MAX_YEARS))) {
			throw new InvalidInputException("to", "briefing.error.tooLong", MAX_YEARS);
		}
	}

	/**
	 * The draft with new texts: 409 if published or not at the editor's version, 400 (all
	 * fields' messages at once) for a blank title, texts too long or the wrong number of
	 * case texts.
	 */
	public Briefing edited(BriefingEdit e, OffsetDateTime now) {
		requireDraft();
		requireVersion(e.version());
		List<InvalidInputException.FieldError> errors = new ArrayList<>();
		String t = text("title", e.title(), TITLE_MAX, true, errors);
		String i = text("intro", e.intro(), INTRO_MAX, false, errors);
		String b = text("body", e.body(), BODY_MAX, false, errors);
		List<TypicalCase> cases = typicalCases;
		List<String> texts = e.caseTexts();
		if (texts != null) {
			if (texts.size() != typicalCases.size()) {
				errors.add(
						new InvalidInputException.FieldError("caseTexts", "briefing.error.cases", typicalCases.size()));
			}
			else {
				List<TypicalCase> changed = new ArrayList<>();
				for (int k = 0; k < texts.size(); k++) {
					TypicalCase c = typicalCases.get(k);
					String ct = text("caseTexts[" + k + "]", texts.get(k), CASE_MAX, true, errors);
					changed.add(new TypicalCase(c.opinionId(), c.trackingCode(), c.receivedOn(), c.stationName(),
							c.categoryName(), c.converted(), ct));
				}
				cases = changed;
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		return new Briefing(id, t, from, to, townshipId, stationId, scopeName, status, i, b, figures, leadingStations,
				leadingDeputies, cases, createdBy, createdAt, now, publishedBy, publishedAt, version);
	}

	/** The briefing published: 409 if already published or not at the given version. */
	public Briefing published(String by, OffsetDateTime now, @Nullable Integer expectedVersion) {
		requireDraft();
		requireVersion(expectedVersion);
		return new Briefing(id, title, from, to, townshipId, stationId, scopeName, BriefingStatus.PUBLISHED, intro,
				body, figures, leadingStations, leadingDeputies, typicalCases, createdBy, createdAt, now, by, now,
				version);
	}

	/** 409 for a published briefing (it never changes). */
	public void requireDraft() {
		if (status != BriefingStatus.DRAFT) {
			throw new ConflictException("briefing.error.published");
		}
	}

	private void requireVersion(@Nullable Integer expected) {
		if (expected == null) {
			throw new InvalidInputException("version", "briefing.error.version");
		}
		if (expected != version) {
			throw new ConflictException("briefing.error.stale");
		}
	}

	public BriefingSummary summary() {
		return new BriefingSummary(id, title, from, to, townshipId, stationId, scopeName, status, createdAt,
				publishedAt, version);
	}

	public BriefingView view() {
		return new BriefingView(id, title, from, to, townshipId, stationId, scopeName, status, intro, body, figures,
				leadingStations, leadingDeputies, typicalCases, createdBy, createdAt, publishedBy, publishedAt,
				version);
	}

	private static String text(String field, @Nullable String raw, int max, boolean required,
			List<InvalidInputException.FieldError> errors) {
		String s = raw == null ? "" : TextInput.clean(raw).strip();
		if (required && s.isEmpty()) {
			errors.add(new InvalidInputException.FieldError(field, "briefing.error.blank"));
		}
		else if (s.length() > max) {
			errors.add(new InvalidInputException.FieldError(field, "briefing.error.tooLongText", max));
		}
		return s;
	}

}
