package cn.deputylink.opinion.internal;

import static cn.deputylink.shared.TextInput.blankToNull;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.opinion.Action;
import cn.deputylink.opinion.Attachment;
import cn.deputylink.opinion.Intake;
import cn.deputylink.opinion.Opinion;
import cn.deputylink.opinion.OpinionEvent;
import cn.deputylink.opinion.OpinionIntake.Created;
import cn.deputylink.opinion.OpinionSettings;
import cn.deputylink.opinion.OpinionStatus;
import cn.deputylink.opinion.Source;
import cn.deputylink.shared.Upload;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.Masking;
import cn.deputylink.shared.PersonalDataCipher;

/**
 * Registers an opinion in one transaction: the checks (each registry lookup once), the
 * opinion, its deputies, its first timeline line, its files and idempotency key, and its
 * event (whose listener queues the notices in the same transaction). The opinion returned
 * is the one written, not read back.
 */
@Service
public class Registration {

	private final Opinions opinions;

	private final Attachments attachments;

	private final IdempotencyKeys idempotency;

	private final IntakeChecks checks;

	private final OpinionSteps steps;

	private final PersonalDataCipher cipher;

	private final OpinionSettings settings;

	Registration(Opinions opinions, Attachments attachments, IdempotencyKeys idempotency, IntakeChecks checks,
			OpinionSteps steps, PersonalDataCipher cipher, OpinionSettings settings) {
		this.opinions = opinions;
		this.attachments = attachments;
		this.idempotency = idempotency;
		this.checks = checks;
		this.steps = steps;
		this.cipher = cipher;
		this.settings = settings;
	}

	public static String scope(@Nullable CurrentUser user) {
		return user == null ? "public" : "user:" + user.id();
	}

	@Transactional
	public Created register(Intake in, @Nullable CurrentUser user, @Nullable String idempotencyKey,
			List<Upload> files) {
		if (user != null && !Policy.mayRegister(user)) {
			throw new AccessDeniedException("register");
		}
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
			throw new InvalidInputException("Idempotency-Key", "opinion.idempotencyKey.invalid");
		}
		String scope = scope(user);
		String hash = IntakeChecks.requestHash(in);
		if (idempotencyKey != null) {
			Optional<Created> earlier = replay(scope, idempotencyKey, hash);
			if (earlier.isPresent()) {
				return earlier.get();
			}
		}
		OffsetDateTime now = steps.now();
		IntakeChecks.Placed where = checks.place(in, user, now);
		List<IntakeChecks.Checked> checked = checks.checkFiles(files, 0);
		String phone = in.anonymous() ? null : blankToNull(in.phone());
		String name = in.anonymous() ? null : blankToNull(in.name());
		Source source = user == null ? Source.ONLINE : in.source();
		OffsetDateTime received = (in.receivedAt() == null || user == null ? now : in.receivedAt())
			.atZoneSameInstant(settings.zone())
			.toOffsetDateTime()
			.truncatedTo(ChronoUnit.MICROS);
		String code = newTrackingCode();
		String category = blankToNull(in.categoryCode());
		String content = in.content().strip();
		String masked = Masking.phone(phone);
		Long createdBy = user == null ? null : user.id();
		long id = opinions
			.insert(new Opinions.NewOpinion(code, source, where.townshipId(), where.stationId(), where.villageId(),
					category, content, received, now, name, cipher.encrypt(phone), masked, in.anonymous(), createdBy));
		List<Long> deputies = List.copyOf(new TreeSet<>(in.deputyIds()));
		opinions.addDeputies(id, deputies);
		opinions.addLine(id, new OpinionCase.Line(Action.SUBMIT, null, OpinionStatus.SUBMITTED, createdBy,
				OpinionCase.actorName(user), null, now, null, null));
		for (IntakeChecks.Checked f : checked) {
			attachments.insert(id, f.name(), f.type(), f.bytes(), f.sha256(), createdBy, now);
		}
		if (idempotencyKey != null) {
			idempotency.insert(scope, idempotencyKey, hash, id, now);
		}
		steps.publish(new OpinionEvent.Submitted(id, code, OpinionStatus.SUBMITTED, where.townshipId(), null, createdBy,
				now, source, where.stationId(), category));
		return new Created(new Opinion(id, code, source, where.townshipId(), where.stationId(), where.villageId(),
				category, null, content, received, now, name, masked, in.anonymous(), OpinionStatus.SUBMITTED, null,
				null, null, null, null, false, false, null, null, null, null, createdBy, deputies, 0), false);
	}

	/**
	 * The first result of a request made again under the same key; a 409 when the request
	 * differs.
	 */
	@Transactional(readOnly = true)
	public Optional<Created> replay(String scope, String key, String hash) {
		return idempotency.find(scope, key).map(stored -> {
			if (!stored.requestHash().equals(hash)) {
				throw new ConflictException("opinion.idempotencyKey.reused");
			}
			return new Created(steps.load(stored.opinionId()).state(), true);
		});
	}

	private String newTrackingCode() {
		String code = TrackingCodes.next();
		while (opinions.existsByCode(code)) {
			code = TrackingCodes.next();
		}
		return code;
	}

	/** Adds files to an open opinion. */
	@Transactional
	public List<Attachment> attach(long id, List<Upload> files, CurrentUser u) {
		OpinionCase c = steps.visible(id, u);
		c.checkAttach(u);
		List<IntakeChecks.Checked> checked = checks.checkFiles(files, attachments.count(id));
		if (checked.isEmpty()) {
			throw new InvalidInputException("files", "validation.required");
		}
		OffsetDateTime now = steps.now();
		List<String> names = new ArrayList<>();
		for (IntakeChecks.Checked f : checked) {
			attachments.insert(id, f.name(), f.type(), f.bytes(), f.sha256(), u.id(), now);
			names.add(f.name());
		}
		steps.save(c.attach(u, names, now));
		return attachments.of(id);
	}

}
