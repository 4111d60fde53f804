package cn.deputylink.opinion;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.audit.AuditLog;
import cn.deputylink.calendar.WorkingCalendar;
import cn.deputylink.opinion.internal.OpinionSteps;
import cn.deputylink.opinion.internal.OpinionReads;
import cn.deputylink.opinion.internal.Policy;
import cn.deputylink.opinion.internal.Similarity;
import cn.deputylink.shared.NotFoundException;
import cn.deputylink.shared.PersonalDataCipher;

/**
 * Reading opinions as staff see them: one, its detail, lists in the user's scope,
 * duplicates, files.
 */
@Service
public class OpinionQueries {

	private final OpinionSteps steps;

	private final OpinionReads reads;

	private final WorkingCalendar calendar;

	private final OpinionSettings settings;

	private final PersonalDataCipher cipher;

	private final AuditLog audit;

	OpinionQueries(OpinionSteps steps, OpinionReads reads, WorkingCalendar calendar, OpinionSettings settings,
			PersonalDataCipher cipher, AuditLog audit) {
		this.steps = steps;
		this.reads = reads;
		this.calendar = calendar;
		this.settings = settings;
		this.cipher = cipher;
		this.audit = audit;
	}

	/** Today in the county's time zone. */
	public LocalDate today() {
		return steps.today();
	}

	@Transactional(readOnly = true)
	public Opinion get(long id, CurrentUser u) {
		return steps.visible(id, u).state();
	}

	@Transactional(readOnly = true)
	public OpinionDetail detail(long id, CurrentUser u) {
		Opinion o = get(id, u);
		String mergedInto = reads.trackingCode(o.mergedIntoId());
		DeadlineColour colour = colour(o);
		return new OpinionDetail(o, reads.timeline(id), reads.attachments(id), colour, colour == DeadlineColour.RED,
				Policy.allowedActions(u, o), o.phoneMasked() != null && Policy.mayRevealPhone(u, o), mergedInto,
				reads.proposalIds(id));
	}

	@Transactional(readOnly = true)
	public @Nullable DeadlineColour colour(Opinion o) {
		return deadlines().colour(o);
	}

	/**
	 * Today's deadline thresholds, read from the calendar once, to colour a whole list.
	 */
	@Transactional(readOnly = true)
	public Deadlines deadlines() {
		LocalDate today = today();
		return new Deadlines(today, calendar.addWorkingDays(today, settings.yellowWorkingDays()));
	}

	/**
	 * Opinions the user may see, newest first; {@code beforeId} for keyset paging (0 =
	 * from the newest).
	 */
	@Transactional(readOnly = true)
	public List<Opinion> list(OpinionFilter f, CurrentUser u, long beforeId, int limit, int offset) {
		return reads.list(f, u, deadlines(), beforeId, limit, offset);
	}

	@Transactional(readOnly = true)
	public int count(OpinionFilter f, CurrentUser u) {
		return reads.count(f, u, deadlines());
	}

	/**
	 * The constituent's phone in full, for a user whose role needs it; every look is in
	 * the audit log, a refused one too (so a refusal does not roll the audit line back,
	 * and the transaction is not read-only: the audit line may be written in it).
	 */
	@Transactional(noRollbackFor = AccessDeniedException.class)
	public Optional<String> revealPhone(long id, CurrentUser u) {
		Opinion o;
		try {
			o = get(id, u);
		}
		catch (AccessDeniedException ex) {
			audit.recordDeniedForCurrentUser("opinion.phone.reveal", "opinion:" + id, "scope");
			throw ex;
		}
		if (!Policy.mayRevealPhone(u, o)) {
			// a refused look at personal data is as much the auditor's business as a
			// granted one
			audit.recordDeniedForCurrentUser("opinion.phone.reveal", "opinion:" + id, o.trackingCode());
			throw new AccessDeniedException("phone");
		}
		String phone = cipher.decrypt(reads.encryptedPhone(id));
		if (phone != null) {
			audit.recordForCurrentUser("opinion.phone.reveal", "opinion:" + id, o.trackingCode());
		}
		return Optional.ofNullable(phone);
	}

	/** Possible duplicates the triager should look at, most similar first. */
	@Transactional(readOnly = true)
	public List<Duplicate> duplicates(long id, CurrentUser u) {
		Opinion o = get(id, u);
		OffsetDateTime from = o.receivedAt().minus(settings.duplicateWindow());
		OffsetDateTime to = o.receivedAt().plus(settings.duplicateWindow());
		return reads.duplicateCandidates(o, from, to, 500)
			.stream()
			.filter(c -> Policy.canSee(u, c, false))
			.map(c -> new Duplicate(c, Similarity.dice(o.content(), c.content())))
			.filter(d -> d.similarity() >= settings.duplicateThreshold())
			.sorted(Comparator.comparingDouble(Duplicate::similarity).reversed())
			.limit(5)
			.toList();
	}

	@Transactional(readOnly = true)
	public Attachment attachment(long id, long attachmentId, CurrentUser u) {
		get(id, u);
		return reads.attachment(id, attachmentId).orElseThrow(() -> new NotFoundException("attachment", attachmentId));
	}

	@Transactional(readOnly = true)
	public byte[] attachmentData(Attachment a) {
		return reads.attachmentData(a.id());
	}

}
