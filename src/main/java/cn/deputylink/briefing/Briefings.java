package cn.deputylink.briefing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.audit.AuditLog;
import cn.deputylink.briefing.internal.Briefing;
import cn.deputylink.briefing.internal.BriefingDocx;
import cn.deputylink.briefing.internal.BriefingGenerator;
import cn.deputylink.briefing.internal.BriefingStore;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.organisation.Station;
import cn.deputylink.organisation.Township;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.NotFoundException;
import cn.deputylink.shared.pdf.PdfRendering;

/**
 * The briefings (联络动态): generated as a draft from the statistics for a period and a
 * scope, edited while a draft (409 once published or for a stale {@code version}),
 * published once, deleted while a draft, exported as PDF and .docx. A county admin works
 * on every scope, a township admin on its own township and its stations (403 on any
 * other, and on the county's); every other role 403. Unknown ids 404, bad input 400 with
 * nothing written.
 */
@Service
public class Briefings {

	/** The most briefings a list shows. */
	public static final int LIST_LIMIT = 200;

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final BriefingStore store;

	private final BriefingGenerator generator;

	private final RegistryLookup registry;

	private final PdfRendering pdf;

	private final AuditLog audit;

	private final MessageSource messages;

	private final Clock clock;

	private final ZoneId zone;

	Briefings(BriefingStore store, BriefingGenerator generator, RegistryLookup registry, PdfRendering pdf,
			AuditLog audit, MessageSource messages, Clock clock,
			@Value("${deputylink.zone:Asia/Shanghai}") ZoneId zone) {
		this.store = store;
		this.generator = generator;
		this.registry = registry;
		this.pdf = pdf;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
		this.zone = zone;
	}

	/** The briefings in the user's scope, newest first. */
	@Transactional(readOnly = true)
	public List<BriefingSummary> list(CurrentUser u) {
		requireStaff(u);
		return store.list(u.isCountyAdmin() ? null : u.townshipId(), LIST_LIMIT);
	}

	@Transactional(readOnly = true)
	public BriefingView get(long id, CurrentUser u) {
		return load(id, u).view();
	}

	/**
	 * Generates a draft from the statistics (400 bad period or scope, 403 out of scope).
	 */
	@Transactional
	public BriefingView generate(NewBriefing in, Locale locale, CurrentUser u) {
		requireStaff(u);
		LocalDate from = in.from();
		LocalDate to = in.to();
		if (from == null || to == null) {
			Briefing.checkPeriod(from, to);
			throw new IllegalStateException("checked above");
		}
		Briefing.checkPeriod(from, to);
		Long township = in.townshipId();
		Long stationId = in.stationId();
		String scopeName;
		if (stationId != null) {
			Station st = registry.station(stationId)
				.orElseThrow(() -> new InvalidInputException("stationId", "briefing.error.station"));
			if (township != null && township != st.townshipId()) {
				throw new InvalidInputException("stationId", "briefing.error.stationTownship");
			}
			township = st.townshipId();
			scopeName = st.name();
		}
		else if (township != null) {
			scopeName = registry.township(township)
				.map(Township::name)
				.orElseThrow(() -> new InvalidInputException("townshipId", "briefing.error.township"));
		}
		else {
			scopeName = msg("briefing.scope.county", locale);
		}
		if (!u.isCountyAdmin() && (township == null || !township.equals(u.townshipId()))) {
			throw new AccessDeniedException("not the user's township");
		}
		String title = in.title();
		if (title != null && title.length() > Briefing.TITLE_MAX) {
			throw new InvalidInputException("title", "briefing.error.tooLongText", Briefing.TITLE_MAX);
		}
		Briefing draft = generator.generate(from, to, township, stationId, scopeName, title, u.getUsername(),
				OffsetDateTime.now(clock), locale);
		long id = store.insert(draft);
		audit.recordForCurrentUser("briefing.generate", "briefing/" + id, draft.title());
		return load(id, u).view();
	}

	/** A draft's new texts: 409 published or stale version, 400 bad texts. */
	@Transactional
	public BriefingView edit(long id, BriefingEdit e, CurrentUser u) {
		Briefing b = load(id, u);
		Briefing changed = b.edited(e, OffsetDateTime.now(clock));
		store.updateTexts(changed);
		audit.recordForCurrentUser("briefing.edit", "briefing/" + id, changed.title());
		return load(id, u).view();
	}

	/** Publishes a draft at the version read: 409 already published or stale. */
	@Transactional
	public BriefingView publish(long id, @Nullable Integer version, CurrentUser u) {
		Briefing b = load(id, u);
		Briefing published = b.published(u.getUsername(), OffsetDateTime.now(clock), version);
		store.publish(published);
		audit.recordForCurrentUser("briefing.publish", "briefing/" + id, b.title());
		return load(id, u).view();
	}

	/** Deletes a draft: 409 for a published briefing. */
	@Transactional
	public void delete(long id, CurrentUser u) {
		Briefing b = load(id, u);
		b.requireDraft();
		store.deleteDraft(id);
		audit.recordForCurrentUser("briefing.delete", "briefing/" + id, b.title());
	}

	/** The briefing as a PDF (A4, the CJK font embedded) in the given language. */
	@Transactional(readOnly = true)
	public byte[] pdf(long id, Locale locale, CurrentUser u) {
		BriefingView b = get(id, u);
		Map<String, Object> vars = new HashMap<>();
		vars.put("b", b);
		vars.put("published", publishedText(b));
		return pdf.render("briefing/pdf", vars, locale);
	}

	/** The briefing as a Word document (.docx). */
	@Transactional(readOnly = true)
	public byte[] docx(long id, Locale locale, CurrentUser u) {
		BriefingView b = get(id, u);
		return BriefingDocx.write(b, publishedText(b), (key, args) -> msg(key, locale, args));
	}

	/** The file name of an export ({@code 联络动态-<id>.<extension>}). */
	public String fileName(BriefingView b, String extension, Locale locale) {
		return msg("briefing.masthead", locale) + "-" + b.id() + "." + extension;
	}

	/** When the briefing was published, as the county reads it; null for a draft. */
	public @Nullable String publishedText(BriefingView b) {
		OffsetDateTime at = b.publishedAt();
		return at == null ? null : MINUTES.format(at.atZoneSameInstant(zone));
	}

	/** Whether any briefing exists (the demo's check; no user). */
	@Transactional(readOnly = true)
	public boolean any() {
		return store.any();
	}

	private Briefing load(long id, CurrentUser u) {
		requireStaff(u);
		Briefing b = store.find(id).orElseThrow(() -> new NotFoundException("briefing", id));
		Long township = b.townshipId();
		if (!u.isCountyAdmin() && (township == null || !township.equals(u.townshipId()))) {
			throw new AccessDeniedException("not the user's township");
		}
		return b;
	}

	private static void requireStaff(CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);
	}

	private String msg(String key, Locale locale, Object... args) {
		String m = messages.getMessage(key, args, key, locale);
		return m == null ? key : m;
	}

}
