package cn.deputylink.opinion;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.audit.AuditLog;
import cn.deputylink.calendar.WorkingCalendar;
import cn.deputylink.notification.Notifications;
import cn.deputylink.organisation.Category;
import cn.deputylink.organisation.Department;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.organisation.Station;
import cn.deputylink.organisation.Tier;
import cn.deputylink.organisation.Village;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.InvalidInputException.FieldError;
import cn.deputylink.shared.Masking;
import cn.deputylink.shared.NotFoundException;
import cn.deputylink.shared.PersonalDataCipher;
import cn.deputylink.shared.RateLimits;

/**
 * The opinion desk: intake, triage, routing, handling, reply and feedback. Every change runs in one
 * transaction that checks, in this order, that the opinion exists (404), that the user may see it
 * (403), that the action is allowed in the opinion's status (409), that the user may take it (403)
 * and that the input is valid (400); it then moves the opinion only if nobody changed it meanwhile
 * (409), writes the timeline line and queues the notifications. A refused request changes nothing.
 */
@Service
public class OpinionHandling {

	/** Actor name stored for the constituent's own steps (public form, feedback). */
	public static final String CONSTITUENT = "constituent";

	static final int CONTENT_MAX = 4000;

	static final int NOTE_MAX = 2000;

	private static final Locale NOTICE_LOCALE = Locale.SIMPLIFIED_CHINESE;

	private final Opinions opinions;

	private final Attachments attachments;

	private final IdempotencyKeys idempotency;

	private final RoutingRules routing;

	private final RegistryLookup registryLookup;

	private final WorkingCalendar calendar;

	private final Notifications notifications;

	private final PersonalDataCipher cipher;

	private final AuditLog audit;

	private final MessageSource messages;

	private final TransactionTemplate tx;

	private final OpinionSettings settings;

	private final Clock clock;

	private final RateLimits limits;

	OpinionHandling(Opinions opinions, Attachments attachments, IdempotencyKeys idempotency, RoutingRules routing,
			RegistryLookup registryLookup, WorkingCalendar calendar, Notifications notifications, PersonalDataCipher cipher,
			AuditLog audit, MessageSource messages, TransactionTemplate tx, OpinionSettings settings, Clock clock,
			RateLimits limits) {
		this.opinions = opinions;
		this.attachments = attachments;
		this.idempotency = idempotency;
		this.routing = routing;
		this.registryLookup = registryLookup;
		this.calendar = calendar;
		this.notifications = notifications;
		this.cipher = cipher;
		this.audit = audit;
		this.messages = messages;
		this.tx = tx;
		this.settings = settings;
		this.clock = clock;
		this.limits = limits;
	}

	/**
	 * The same desk with another clock: every step taken through it happens, and counts its deadlines,
	 * at that clock's time. The demo county uses it to give its cases a past (overdue, yellow, escalated
	 * ones), through the same rules as real work.
	 */
	public OpinionHandling at(Clock other) {
		return new OpinionHandling(opinions, attachments, idempotency, routing, registryLookup, calendar, notifications, cipher,
				audit, messages, tx, settings, other, limits);
	}

	/** The result of an intake: the opinion, and whether it was created before under the same key. */
	public record Created(Opinion opinion, boolean replayed) {
	}

	// ------------------------------------------------------------------ time

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock.withZone(settings.zone()));
	}

	/** Today in the county's time zone. */
	public LocalDate today() {
		return LocalDate.now(clock.withZone(settings.zone()));
	}

	// ------------------------------------------------------------------ intake

	/**
	 * Registers an opinion: by staff ({@code user} non-null, any source) or by a constituent on the
	 * public form or API ({@code user} null, source {@code ONLINE}). With an {@code idempotencyKey}, a
	 * retry returns the first result and creates nothing; the same key with a different request is a
	 * 409.
	 */
	public Created submit(Intake in, @Nullable CurrentUser user, @Nullable String idempotencyKey, List<Upload> files) {
		if (user != null && !Policy.mayRegister(user)) {
			throw new AccessDeniedException("register");
		}
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
			throw new InvalidInputException("Idempotency-Key", "opinion.idempotencyKey.invalid");
		}
		String scope = user == null ? "public" : "user:" + user.id();
		String hash = sha256(in.fingerprint().getBytes(StandardCharsets.UTF_8));
		if (idempotencyKey != null) {
			Optional<Created> earlier = replay(scope, idempotencyKey, hash);
			if (earlier.isPresent()) {
				return earlier.get();
			}
		}
		Placed where = validateIntake(in, user);
		List<Checked> checked = checkFiles(files, 0);
		try {
			long id = write(() -> {
				OffsetDateTime now = now();
				String phone = in.anonymous() ? null : blankToNull(in.phone());
				long newId = opinions.insert(new Opinions.NewOpinion(newTrackingCode(), user == null ? Source.ONLINE : in.source(),
						where.townshipId(), where.stationId(), where.villageId(), blankToNull(in.categoryCode()),
						in.content().strip(), in.receivedAt() == null || user == null ? now : in.receivedAt(), now,
						in.anonymous() ? null : blankToNull(in.name()), cipher.encrypt(phone), Masking.phone(phone),
						in.anonymous(), user == null ? null : user.id()));
				opinions.addDeputies(newId, List.copyOf(new LinkedHashSet<>(in.deputyIds())));
				opinions.addEvent(newId, Action.SUBMIT, null, OpinionStatus.SUBMITTED, user == null ? null : user.id(),
						actorName(user), null, now, null, null);
				for (Checked f : checked) {
					attachments.insert(newId, f.name(), f.type(), f.bytes(), f.sha256(), user == null ? null : user.id(), now);
				}
				Opinion o = load(newId);
				// a public submission's SMS counts against the phone's daily limit (in this transaction, so a
				// failed intake counts nothing); over it the opinion is still taken and its code shown, only
				// the SMS is not sent — the limit protects the phone's owner, not the submitter's opinion
				if (phone != null && (user != null
						|| limits.tryAcquire(RateLimits.Kind.SMS_PER_PHONE, phoneKey(phone)).allowed())) {
					notifications.sms(phone, o.constituentName(), text("opinion.sms.received", o.trackingCode()));
				}
				if (o.townshipId() != null) {
					notifications.toTownshipAdmins(o.townshipId(), text("opinion.notice.new.subject", o.trackingCode()),
							abbreviate(o.content()), link(o));
				}
				if (idempotencyKey != null) {
					idempotency.insert(scope, idempotencyKey, hash, newId, now);
				}
				return newId;
			});
			return new Created(load(id), false);
		}
		catch (DuplicateKeyException ex) {
			if (idempotencyKey != null) {
				// a concurrent request with the same key committed first
				Optional<Created> earlier = replay(scope, idempotencyKey, hash);
				if (earlier.isPresent()) {
					return earlier.get();
				}
			}
			throw new ConflictException("opinion.duplicate");
		}
	}

	/** Refuses (403) a user whose role does not register opinions: the intake form is not for it. */
	public void requireRegistrar(CurrentUser u) {
		if (!Policy.mayRegister(u)) {
			throw new AccessDeniedException("register");
		}
	}

	private Optional<Created> replay(String scope, String key, String hash) {
		return idempotency.find(scope, key).map(stored -> {
			if (!stored.requestHash().equals(hash)) {
				throw new ConflictException("opinion.idempotencyKey.reused");
			}
			return new Created(load(stored.opinionId()), true);
		});
	}

	private String newTrackingCode() {
		String code = TrackingCodes.next();
		while (opinions.findByCode(code).isPresent()) {
			code = TrackingCodes.next();
		}
		return code;
	}

	private record Placed(@Nullable Long townshipId, @Nullable Long stationId, @Nullable Long villageId) {
	}

	private Placed validateIntake(Intake in, @Nullable CurrentUser user) {
		List<FieldError> errors = new ArrayList<>();
		if (in.content() == null || in.content().isBlank()) {
			errors.add(new FieldError("content", "validation.required"));
		}
		else if (in.content().strip().length() > CONTENT_MAX) {
			errors.add(new FieldError("content", "validation.size.max", CONTENT_MAX));
		}
		Station station = null;
		if (in.stationId() != null) {
			station = registryLookup.station(in.stationId()).filter(Station::active).orElse(null);
			if (station == null) {
				errors.add(new FieldError("stationId", "opinion.unknown.station"));
			}
		}
		Village village = null;
		if (in.villageId() != null) {
			village = registryLookup.village(in.villageId()).filter(Village::active).orElse(null);
			if (village == null) {
				errors.add(new FieldError("villageId", "opinion.unknown.village"));
			}
		}
		if (station != null && village != null && station.townshipId() != village.townshipId()) {
			errors.add(new FieldError("villageId", "opinion.village.otherTownship"));
		}
		if (blankToNull(in.categoryCode()) != null
				&& registryLookup.category(in.categoryCode()).filter(Category::active).isEmpty()) {
			errors.add(new FieldError("categoryCode", "opinion.unknown.category"));
		}
		if (in.receivedAt() != null && in.receivedAt().isAfter(now().plusMinutes(5))) {
			errors.add(new FieldError("receivedAt", "opinion.receivedAt.future"));
		}
		for (Long d : in.deputyIds()) {
			if (d == null || !registryLookup.deputyExists(d)) {
				errors.add(new FieldError("deputyIds", "opinion.unknown.deputy"));
				break;
			}
		}
		if (!in.anonymous()) {
			if (in.name() != null && in.name().strip().length() > 100) {
				errors.add(new FieldError("constituent.name", "validation.size.max", 100));
			}
			if (blankToNull(in.phone()) != null && !in.phone().strip().matches("\\+?[0-9][0-9 \\-]{5,18}[0-9]")) {
				errors.add(new FieldError("constituent.phone", "opinion.phone.invalid"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Long township = station != null ? Long.valueOf(station.townshipId())
				: village != null ? Long.valueOf(village.townshipId()) : null;
		Long stationId = station == null ? null : station.id();
		if (user != null && user.townshipScope().isPresent()) {
			long own = user.townshipScope().get();
			if (township == null) {
				township = own;
				if (user.is(Role.STATION_LIAISON) && user.stationId() != null) {
					stationId = user.stationId();
				}
			}
			else if (township != own) {
				throw new AccessDeniedException("township scope");
			}
		}
		else if (user != null && user.is(Role.DEPUTY)) {
			// a deputy registers at the stations it receives people at: their townships are its scope
			List<Long> own = user.deputyId() == null ? List.of() : registryLookup.stationsOfDeputy(user.deputyId());
			List<Long> ownTownships = own.stream()
				.map(registryLookup::station)
				.flatMap(Optional::stream)
				.map(st -> st.townshipId())
				.toList();
			if (township == null && !own.isEmpty()) {
				stationId = own.get(0);
				township = ownTownships.isEmpty() ? null : ownTownships.get(0);
			}
			else if (township != null && !ownTownships.contains(township)) {
				throw new AccessDeniedException("deputy scope");
			}
		}
		return new Placed(township, stationId, village == null ? null : village.id());
	}

	// ------------------------------------------------------------------ attachments

	private record Checked(String name, String type, byte[] bytes, String sha256) {
	}

	private List<Checked> checkFiles(List<Upload> files, int existing) {
		List<Upload> real = files.stream().filter(f -> f.bytes().length > 0).toList();
		if (existing + real.size() > settings.attachmentsPerOpinion()) {
			throw new InvalidInputException("files", "opinion.attachment.tooMany", settings.attachmentsPerOpinion());
		}
		List<Checked> out = new ArrayList<>();
		for (Upload f : real) {
			if (f.bytes().length > settings.attachmentMaxBytes()) {
				throw new AttachmentTooLargeException(settings.attachmentMaxBytes() / (1024 * 1024));
			}
			String type = AttachmentPolicy.sniff(f.bytes())
				.orElseThrow(() -> new InvalidInputException("files", "opinion.attachment.type", AttachmentPolicy.cleanName(f.filename())));
			if (type.startsWith("image/") && !AttachmentPolicy.isWholeImage(f.bytes(), type)) {
				throw new InvalidInputException("files", "input.attachment.broken", AttachmentPolicy.cleanName(f.filename()));
			}
			out.add(new Checked(AttachmentPolicy.cleanName(f.filename()), type, f.bytes(), sha256(f.bytes())));
		}
		return out;
	}

	/** Adds files to an open opinion. */
	public List<Attachment> attach(long id, List<Upload> files, CurrentUser u) {
		return write(() -> {
			Opinion o = visible(id, u);
			Lifecycle.next(o.status(), Action.ATTACH, o.reopened());
			if (!Policy.mayAct(u, o, Action.ATTACH, null)) {
				throw new AccessDeniedException("attach");
			}
			List<Checked> checked = checkFiles(files, attachments.count(id));
			if (checked.isEmpty()) {
				throw new InvalidInputException("files", "validation.required");
			}
			OffsetDateTime now = now();
			List<String> names = new ArrayList<>();
			for (Checked f : checked) {
				attachments.insert(id, f.name(), f.type(), f.bytes(), f.sha256(), u.id(), now);
				names.add(f.name());
			}
			opinions.addEvent(id, Action.ATTACH, o.status(), o.status(), u.id(), actorName(u), u.departmentId(), now,
					String.join(", ", names), null);
			return attachments.of(id);
		});
	}

	public Attachment attachment(long id, long attachmentId, CurrentUser u) {
		visible(id, u);
		return attachments.find(id, attachmentId).orElseThrow(() -> new NotFoundException("attachment", attachmentId));
	}

	public byte[] attachmentData(Attachment a) {
		return attachments.data(a.id());
	}

	// ------------------------------------------------------------------ reading

	Opinion load(long id) {
		return opinions.find(id).orElseThrow(() -> new NotFoundException("opinion", id));
	}

	private Opinion visible(long id, CurrentUser u) {
		Opinion o = load(id);
		boolean handled = u.is(Role.DEPARTMENT_HANDLER) && u.departmentId() != null
				&& opinions.everHandledBy(id, u.departmentId());
		if (!Policy.canSee(u, o, handled)) {
			throw new AccessDeniedException("opinion scope");
		}
		return o;
	}

	public Opinion get(long id, CurrentUser u) {
		return visible(id, u);
	}

	public OpinionDetail detail(long id, CurrentUser u) {
		Opinion o = visible(id, u);
		String mergedInto = o.mergedIntoId() == null ? null
				: opinions.find(o.mergedIntoId()).map(Opinion::trackingCode).orElse(null);
		DeadlineColour colour = colour(o);
		return new OpinionDetail(o, opinions.timeline(id), attachments.of(id), colour, colour == DeadlineColour.RED,
				Policy.allowedActions(u, o), o.phoneMasked() != null && Policy.mayRevealPhone(u, o), mergedInto);
	}

	public @Nullable DeadlineColour colour(Opinion o) {
		return deadlines().colour(o);
	}

	/**
	 * Today's deadline thresholds, read from the calendar once, to colour a whole list without a
	 * calendar query per row.
	 */
	public Deadlines deadlines() {
		LocalDate today = today();
		return new Deadlines(today, calendar.addWorkingDays(today, settings.yellowWorkingDays()));
	}

	/** 三色: red once the due date has passed, yellow until {@code yellowUntil}, green after it. */
	public record Deadlines(LocalDate today, LocalDate yellowUntil) {

		public @Nullable DeadlineColour colour(Opinion o) {
			if (!o.status().isWithDepartment() || o.dueDate() == null) {
				return null;
			}
			if (today.isAfter(o.dueDate())) {
				return DeadlineColour.RED;
			}
			return o.dueDate().isAfter(yellowUntil) ? DeadlineColour.GREEN : DeadlineColour.YELLOW;
		}
	}

	private Opinions.Scope scope(CurrentUser u) {
		return switch (u.role()) {
			case COUNTY_ADMIN -> Opinions.Scope.county();
			case TOWNSHIP_ADMIN, STATION_LIAISON -> new Opinions.Scope(u.townshipId() == null ? -1L : u.townshipId(), null,
					null, null);
			case DEPARTMENT_HANDLER -> new Opinions.Scope(null, u.departmentId() == null ? -1L : u.departmentId(), null, null);
			case DEPUTY -> new Opinions.Scope(null, null, u.deputyId(), u.id());
		};
	}



	/** Opinions the user may see, newest first; {@code beforeId} for keyset paging (0 = from the newest). */
	public List<Opinion> list(OpinionFilter f, CurrentUser u, long beforeId, int limit, int offset) {
		return opinions.list(f, scope(u), deadlines(), beforeId, limit, offset);
	}

	public int count(OpinionFilter f, CurrentUser u) {
		return opinions.count(f, scope(u), deadlines());
	}

	/** The constituent's phone in full, for a user whose role needs it; every look is in the audit log. */
	public Optional<String> revealPhone(long id, CurrentUser u) {
		Opinion o;
		try {
			o = visible(id, u);
		}
		catch (AccessDeniedException ex) {
			audit.recordDeniedForCurrentUser("opinion.phone.reveal", "opinion:" + id, "scope");
			throw ex;
		}
		if (!Policy.mayRevealPhone(u, o)) {
			// a refused look at personal data is as much the auditor's business as a granted one
			audit.recordDeniedForCurrentUser("opinion.phone.reveal", "opinion:" + id, o.trackingCode());
			throw new AccessDeniedException("phone");
		}
		String phone = cipher.decrypt(opinions.encryptedPhone(id));
		if (phone != null) {
			audit.recordForCurrentUser("opinion.phone.reveal", "opinion:" + id, o.trackingCode());
		}
		return Optional.ofNullable(phone);
	}

	/** Possible duplicates the triager should look at, most similar first. */
	public List<Duplicate> duplicates(long id, CurrentUser u) {
		Opinion o = visible(id, u);
		OffsetDateTime from = o.receivedAt().minus(settings.duplicateWindow());
		OffsetDateTime to = o.receivedAt().plus(settings.duplicateWindow());
		return opinions.duplicateCandidates(o, from, to, 500)
			.stream()
			.filter(c -> Policy.canSee(u, c, false))
			.map(c -> new Duplicate(c, Similarity.dice(o.content(), c.content())))
			.filter(d -> d.similarity() >= settings.duplicateThreshold())
			.sorted(Comparator.comparingDouble(Duplicate::similarity).reversed())
			.limit(5)
			.toList();
	}

	// ------------------------------------------------------------------ routing

	/** The department the routing table (or, without a rule, the registry) proposes for this opinion. */
	public Optional<Department> routedDepartment(Opinion o) {
		if (o.categoryCode() == null || o.tier() == null) {
			return Optional.empty();
		}
		Optional<Department> ruled = routing.match(o.categoryCode(), o.tier(), o.townshipId())
			.flatMap(r -> registryLookup.department(r.departmentId()))
			.filter(Department::active);
		if (ruled.isPresent()) {
			return ruled;
		}
		return registryLookup.competent(o.categoryCode(), o.tier(), o.townshipId()).stream().findFirst();
	}

	/**
	 * Whether the department may handle the opinion as triaged: of its tier, competent for its
	 * category, and for a township or village tier of its township.
	 */
	private static boolean fits(Department d, Opinion o) {
		return o.tier() != null && o.categoryCode() != null && d.tier() == o.tier()
				&& d.categoryCodes().contains(o.categoryCode())
				&& (d.tier() == Tier.COUNTY || (d.townshipId() != null && d.townshipId().equals(o.townshipId())));
	}

	/**
	 * The departments the user may assign the opinion to: the routed one first, then every other
	 * active one of the opinion's tier competent for its category, within the user's scope.
	 */
	public List<Department> fittingDepartments(Opinion o, CurrentUser u) {
		if (o.categoryCode() == null || o.tier() == null) {
			return List.of();
		}
		List<Department> out = new ArrayList<>();
		routedDepartment(o).ifPresent(out::add);
		for (Department d : registryLookup.competent(o.categoryCode(), o.tier(), o.townshipId())) {
			if (out.stream().noneMatch(x -> x.id() == d.id())) {
				out.add(d);
			}
		}
		return out.stream()
			.filter(d -> u.townshipScope().isEmpty() || d.townshipId() == null
					|| d.townshipId().equals(u.townshipScope().get()))
			.toList();
	}

	// ------------------------------------------------------------------ transitions

	/** An opinion as read and the status an action leads it to. */
	private record Move(Opinion opinion, OpinionStatus to) {
	}

	/**
	 * Checks, for an opinion the user may see, the transition (409), the user's right to take it (403),
	 * the input (400) and an expected version.
	 */
	private Move begin(Opinion o, CurrentUser u, Action action, @Nullable Integer expectedVersion,
			@Nullable Outcome outcome, Runnable validate) {
		OpinionStatus to = Lifecycle.next(o.status(), action, o.reopened());
		if (!Policy.mayAct(u, o, action, outcome)) {
			throw new AccessDeniedException(action.name());
		}
		validate.run();
		if (expectedVersion != null && expectedVersion != o.version()) {
			throw new ConflictException("error.staleVersion");
		}
		return new Move(o, to);
	}

	private void move(Move m, Map<String, @Nullable Object> set) {
		if (!opinions.update(m.opinion().id(), m.opinion().version(), m.opinion().status(), m.to(), set)) {
			throw new ConflictException("error.staleVersion");
		}
	}

	private void event(Move m, Action action, @Nullable CurrentUser u, @Nullable Long departmentId, @Nullable String note) {
		event(m, action, u, departmentId, note, null);
	}

	private void event(Move m, Action action, @Nullable CurrentUser u, @Nullable Long departmentId, @Nullable String note,
			@Nullable Satisfaction satisfaction) {
		opinions.addEvent(m.opinion().id(), action, m.opinion().status(), m.to(), u == null ? null : u.id(), actorName(u),
				departmentId, now(), note, satisfaction);
	}

	public Opinion triage(long id, @Nullable String categoryCode, @Nullable Tier tier, @Nullable String note,
			CurrentUser u, @Nullable Integer expectedVersion) {
		return write(() -> {
			Move m = begin(visible(id, u), u, Action.TRIAGE, expectedVersion, null, () -> {
				List<FieldError> errors = new ArrayList<>();
				if (blankToNull(categoryCode) == null) {
					errors.add(new FieldError("categoryCode", "validation.required"));
				}
				else if (registryLookup.category(categoryCode).filter(Category::active).isEmpty()) {
					errors.add(new FieldError("categoryCode", "opinion.unknown.category"));
				}
				if (tier == null) {
					errors.add(new FieldError("tier", "validation.required"));
				}
				noteMax(errors, "note", note);
				if (!errors.isEmpty()) {
					throw new InvalidInputException(errors);
				}
			});
			Map<String, @Nullable Object> set = new HashMap<>();
			set.put("category_code", categoryCode);
			set.put("tier", tier.name());
			move(m, set);
			event(m, Action.TRIAGE, u, null, blankToNull(note));
			return load(id);
		});
	}

	public Opinion assign(long id, @Nullable Long departmentId, @Nullable String note, CurrentUser u,
			@Nullable Integer expectedVersion) {
		return write(() -> {
			Opinion current = visible(id, u);
			Optional<Department> routed = routedDepartment(current);
			Long chosen = departmentId != null ? departmentId : routed.map(Department::id).orElse(null);
			Department[] dept = new Department[1];
			Move m = begin(current, u, Action.ASSIGN, expectedVersion, null, () -> {
				List<FieldError> errors = new ArrayList<>();
				noteMax(errors, "note", note);
				if (chosen == null) {
					errors.add(new FieldError("departmentId", "opinion.assign.noRoute"));
				}
				else {
					dept[0] = registryLookup.department(chosen).filter(Department::active).orElse(null);
					if (dept[0] == null || (u.townshipScope().isPresent() && dept[0].townshipId() != null
							&& !dept[0].townshipId().equals(u.townshipScope().get()))) {
						errors.add(new FieldError("departmentId", "opinion.unknown.department"));
					}
					else if (!(routed.isPresent() && routed.get().id() == chosen) && !fits(dept[0], current)) {
						// 归口办理: the department must handle this category at the opinion's tier
						errors.add(new FieldError("departmentId", "opinion.assign.notCompetent"));
					}
					else if (routed.isPresent() && routed.get().id() != chosen && blankToNull(note) == null) {
						// 交办 against the routing table must say why
						errors.add(new FieldError("note", "opinion.assign.overrideReason"));
					}
				}
				if (!errors.isEmpty()) {
					throw new InvalidInputException(errors);
				}
			});
			Category category = registryLookup.category(m.opinion().categoryCode()).orElseThrow();
			int dueDays = category.dueWorkingDays() > 0 ? category.dueWorkingDays() : settings.defaultDueWorkingDays();
			LocalDate today = today();
			Map<String, @Nullable Object> set = new HashMap<>();
			set.put("department_id", chosen);
			set.put("assigned_at", now());
			set.put("due_date", calendar.addWorkingDays(today, dueDays));
			set.put("return_by", calendar.addWorkingDays(today, settings.returnWorkingDays()));
			set.put("escalated", false);
			set.put("overdue_noticed", false);
			move(m, set);
			event(m, Action.ASSIGN, u, chosen, blankToNull(note));
			Opinion o = load(id);
			notifications.toDepartment(chosen, text("opinion.notice.assigned.subject", o.trackingCode()),
					text("opinion.notice.assigned.text", o.dueDate(), abbreviate(o.content())), link(o));
			return o;
		});
	}

	public Opinion returnToTriage(long id, @Nullable String reason, CurrentUser u, @Nullable Integer expectedVersion) {
		return write(() -> {
			Move m = begin(visible(id, u), u, Action.RETURN, expectedVersion, null, () -> requireNote("reason", reason));
			if (m.opinion().returnBy() == null || today().isAfter(m.opinion().returnBy())) {
				throw new ConflictException("opinion.return.tooLate", m.opinion().returnBy() == null ? "-" : m.opinion().returnBy());
			}
			Map<String, @Nullable Object> set = new HashMap<>();
			set.put("department_id", null);
			set.put("assigned_at", null);
			set.put("due_date", null);
			set.put("return_by", null);
			move(m, set);
			event(m, Action.RETURN, u, m.opinion().departmentId(), reason.strip());
			Opinion o = load(id);
			if (o.townshipId() != null) {
				notifications.toTownshipAdmins(o.townshipId(), text("opinion.notice.returned.subject", o.trackingCode()),
						reason.strip(), link(o));
			}
			return o;
		});
	}

	public Opinion accept(long id, CurrentUser u, @Nullable Integer expectedVersion) {
		return write(() -> {
			Move m = begin(visible(id, u), u, Action.ACCEPT, expectedVersion, null, () -> {
			});
			move(m, Map.of());
			event(m, Action.ACCEPT, u, m.opinion().departmentId(), null);
			return load(id);
		});
	}

	public Opinion progress(long id, @Nullable String note, CurrentUser u, @Nullable Integer expectedVersion) {
		return write(() -> {
			Move m = begin(visible(id, u), u, Action.PROGRESS, expectedVersion, null, () -> requireNote("note", note));
			move(m, Map.of());
			event(m, Action.PROGRESS, u, m.opinion().departmentId(), note.strip());
			return load(id);
		});
	}

	public Opinion reply(long id, @Nullable String content, @Nullable Outcome outcome, CurrentUser u,
			@Nullable Integer expectedVersion) {
		return write(() -> {
			Move m = begin(visible(id, u), u, Action.REPLY, expectedVersion, outcome, () -> {
				List<FieldError> errors = new ArrayList<>();
				if (blankToNull(content) == null) {
					errors.add(new FieldError("content", "validation.required"));
				}
				else if (content.strip().length() > CONTENT_MAX) {
					errors.add(new FieldError("content", "validation.size.max", CONTENT_MAX));
				}
				if (outcome == null) {
					errors.add(new FieldError("outcome", "validation.required"));
				}
				else if (!outcome.isReplyOutcome()) {
					errors.add(new FieldError("outcome", "opinion.outcome.notForReply"));
				}
				if (!errors.isEmpty()) {
					throw new InvalidInputException(errors);
				}
			});
			Map<String, @Nullable Object> set = new HashMap<>();
			set.put("reply", content.strip());
			set.put("replied_at", now());
			set.put("outcome", outcome.name());
			move(m, set);
			event(m, Action.REPLY, u, m.opinion().departmentId(), content.strip());
			Opinion o = load(id);
			smsConstituent(o, "opinion.sms.replied");
			return o;
		});
	}

	/**
	 * Closes an opinion: a replied one (outcome from the reply unless given); or, before assignment,
	 * one that is not accepted (outcome NOT_ACCEPTED with the explanation the constituent sees) or was
	 * answered on the spot (RESOLVED/EXPLAINED with the answer given as {@code reply}).
	 */
	public Opinion close(long id, @Nullable Outcome outcome, @Nullable String note, @Nullable String reply, CurrentUser u,
			@Nullable Integer expectedVersion) {
		return write(() -> {
			Opinion current = visible(id, u);
			boolean early = current.status() == OpinionStatus.SUBMITTED || current.status() == OpinionStatus.TRIAGED;
			Move m = begin(current, u, Action.CLOSE, expectedVersion, outcome, () -> {
				List<FieldError> errors = new ArrayList<>();
				noteMax(errors, "note", note);
				if (reply != null && reply.strip().length() > CONTENT_MAX) {
					errors.add(new FieldError("reply", "validation.size.max", CONTENT_MAX));
				}
				if (early) {
					if (outcome == null) {
						errors.add(new FieldError("outcome", "validation.required"));
					}
					else if (outcome == Outcome.NOT_ACCEPTED && blankToNull(note) == null) {
						errors.add(new FieldError("note", "opinion.close.explanationRequired"));
					}
					else if (outcome.isOnTheSpot() && blankToNull(reply) == null) {
						errors.add(new FieldError("reply", "opinion.close.replyRequired"));
					}
					else if (outcome == Outcome.NOT_RESOLVABLE) {
						errors.add(new FieldError("outcome", "opinion.close.outcomeNotHere"));
					}
				}
				else if (outcome == Outcome.NOT_ACCEPTED) {
					errors.add(new FieldError("outcome", "opinion.close.outcomeNotHere"));
				}
				if (!errors.isEmpty()) {
					throw new InvalidInputException(errors);
				}
			});
			Map<String, @Nullable Object> set = new HashMap<>();
			if (early) {
				set.put("outcome", outcome.name());
				set.put("reply", outcome == Outcome.NOT_ACCEPTED ? note.strip() : reply.strip());
				set.put("replied_at", now());
			}
			else if (outcome != null) {
				set.put("outcome", outcome.name());
			}
			move(m, set);
			event(m, Action.CLOSE, u, null, early && outcome.isOnTheSpot() ? reply.strip() : blankToNull(note));
			Opinion o = load(id);
			if (early) {
				smsConstituent(o, "opinion.sms.replied");
			}
			return o;
		});
	}

	public Opinion merge(long id, @Nullable Long intoId, CurrentUser u, @Nullable Integer expectedVersion) {
		return write(() -> {
			Opinion[] target = new Opinion[1];
			Move m = begin(visible(id, u), u, Action.MERGE, expectedVersion, null, () -> {
				if (intoId == null) {
					throw new InvalidInputException("intoId", "validation.required");
				}
				target[0] = opinions.find(intoId).orElse(null);
				if (target[0] == null || intoId == id || target[0].status() == OpinionStatus.MERGED
						|| !Policy.canSee(u, target[0], false)) {
					throw new InvalidInputException("intoId", "opinion.merge.badTarget");
				}
			});
			move(m, Map.of("merged_into_id", intoId));
			event(m, Action.MERGE, u, null, target[0].trackingCode());
			return load(id);
		});
	}

	public Opinion escalate(long id, @Nullable String note, CurrentUser u, @Nullable Integer expectedVersion) {
		return write(() -> {
			Move m = begin(visible(id, u), u, Action.ESCALATE, expectedVersion, null, () -> requireNote("note", note));
			move(m, Map.of("escalated", true, "escalated_at", now()));
			event(m, Action.ESCALATE, u, m.opinion().departmentId(), note.strip());
			Opinion o = load(id);
			String subject = text("opinion.notice.escalated.subject", o.trackingCode());
			if (o.departmentId() != null) {
				notifications.toDepartment(o.departmentId(), subject, note.strip(), link(o));
			}
			if (o.townshipId() != null) {
				notifications.toTownshipAdmins(o.townshipId(), subject, note.strip(), link(o));
			}
			return o;
		});
	}

	// ------------------------------------------------------------------ the constituent's side

	public PublicView publicView(String typedCode) {
		Opinion o = byCode(typedCode);
		List<TimelineEntry> timeline = opinions.timeline(o.id());
		List<PublicView.Step> steps = timeline
			.stream()
			.filter(t -> t.action() != Action.ESCALATE && t.action() != Action.ATTACH && t.action() != Action.PROGRESS)
			.map(t -> new PublicView.Step(t.action(), t.at()))
			.toList();
		boolean answered = o.status() == OpinionStatus.REPLIED || o.status() == OpinionStatus.CLOSED;
		// every reply the department sent, so that after a second handling the first answer is not lost
		List<PublicView.Reply> replies = !answered ? List.of()
				: timeline.stream()
					.filter(t -> t.action() == Action.REPLY && t.note() != null)
					.map(t -> new PublicView.Reply(t.note(), t.at()))
					.toList();
		String mergedInto = o.mergedIntoId() == null ? null
				: opinions.find(o.mergedIntoId()).map(Opinion::trackingCode).orElse(null);
		return new PublicView(o.trackingCode(), o.status(), o.outcome(), o.submittedAt(), steps,
				answered ? o.reply() : null, answered ? o.repliedAt() : null, o.status() == OpinionStatus.REPLIED,
				o.status() == OpinionStatus.REPLIED && !o.reopened(), o.satisfaction(), mergedInto, replies);
	}

	private Opinion byCode(String typedCode) {
		return TrackingCodes.normalise(typedCode).flatMap(opinions::findByCode)
			.orElseThrow(() -> new NotFoundException("tracking code", ""));
	}

	/**
	 * The constituent rates the reply: satisfied or basically satisfied closes the case; unsatisfied
	 * sends it back to the department once (with a new due date). The department's next reply is the
	 * final one: whatever the rating of it, the case closes.
	 */
	public PublicView feedback(String typedCode, @Nullable Satisfaction satisfaction, @Nullable String comment) {
		Opinion found = byCode(typedCode);
		rate(found.id(), satisfaction, comment, null, null);
		return publicView(found.trackingCode());
	}

	/**
	 * Staff record the rating a constituent gave on a follow-up call or visit (回访), with the same
	 * effect as the constituent's own: only on a replied case, by its township's admin or a county
	 * admin (who make the follow-up calls).
	 */
	public Opinion recordFeedback(long id, @Nullable Satisfaction satisfaction, @Nullable String comment, CurrentUser u,
			@Nullable Integer expectedVersion) {
		Opinion o = visible(id, u);
		Lifecycle.next(o.status(), Action.FEEDBACK, o.reopened());
		if (!Policy.mayAct(u, o, Action.FEEDBACK, null)) {
			throw new AccessDeniedException("feedback");
		}
		rate(id, satisfaction, comment, u, expectedVersion);
		return load(id);
	}

	private void rate(long id, @Nullable Satisfaction satisfaction, @Nullable String comment, @Nullable CurrentUser u,
			@Nullable Integer expectedVersion) {
		if (satisfaction == null) {
			throw new InvalidInputException("satisfaction", "validation.required");
		}
		if (comment != null && comment.strip().length() > 1000) {
			throw new InvalidInputException("comment", "validation.size.max", 1000);
		}
		write(() -> {
			Opinion o = load(id);
			// unsatisfied reopens once; after that every rating closes the case (it is the final answer)
			Action action = satisfaction == Satisfaction.UNSATISFIED && !o.reopened() ? Action.REOPEN : Action.FEEDBACK;
			Move m = new Move(o, Lifecycle.next(o.status(), action, o.reopened()));
			if (expectedVersion != null && expectedVersion != o.version()) {
				throw new ConflictException("error.staleVersion");
			}
			Map<String, @Nullable Object> set = new HashMap<>();
			set.put("satisfaction", satisfaction.name());
			if (action == Action.REOPEN) {
				LocalDate today = today();
				int dueDays = registryLookup.category(o.categoryCode() == null ? "" : o.categoryCode())
					.map(Category::dueWorkingDays)
					.filter(d -> d > 0)
					.orElse(settings.defaultDueWorkingDays());
				set.put("reopened", true);
				set.put("overdue_noticed", false);
				set.put("assigned_at", now());
				set.put("due_date", calendar.addWorkingDays(today, dueDays));
				set.put("return_by", null);
			}
			move(m, set);
			event(m, action, u, action == Action.REOPEN ? o.departmentId() : null, blankToNull(comment), satisfaction);
			if (action == Action.REOPEN && o.departmentId() != null) {
				Opinion after = load(o.id());
				notifications.toDepartment(o.departmentId(), text("opinion.notice.reopened.subject", o.trackingCode()),
						text("opinion.notice.reopened.text", after.dueDate(), blankToNull(comment) == null ? "-" : comment.strip()),
						link(o));
			}
			return null;
		});
	}

	// ------------------------------------------------------------------ helpers

	/** A phone as the SMS limit counts it: digits only, without China's country code. */
	static String phoneKey(String phone) {
		String digits = phone.replaceAll("[^0-9]", "");
		if (digits.startsWith("0086")) {
			digits = digits.substring(4);
		}
		else if (digits.startsWith("86") && digits.length() == 13) {
			digits = digits.substring(2);
		}
		return digits;
	}

	private void smsConstituent(Opinion o, String key) {
		String phone = cipher.decrypt(opinions.encryptedPhone(o.id()));
		if (phone != null) {
			notifications.sms(phone, o.constituentName(), text(key, o.trackingCode()));
		}
	}

	private String text(String key, Object... args) {
		return messages.getMessage(key, args, NOTICE_LOCALE);
	}

	private static String link(Opinion o) {
		return "/opinions/" + o.id();
	}

	private static String abbreviate(String s) {
		return s.length() <= 80 ? s : s.substring(0, 80) + "…";
	}

	private static String actorName(@Nullable CurrentUser u) {
		return u == null ? CONSTITUENT : u.displayName();
	}

	private static void requireNote(String field, @Nullable String note) {
		List<FieldError> errors = new ArrayList<>();
		if (blankToNull(note) == null) {
			errors.add(new FieldError(field, "validation.required"));
		}
		noteMax(errors, field, note);
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
	}

	private static void noteMax(List<FieldError> errors, String field, @Nullable String note) {
		if (note != null && note.strip().length() > NOTE_MAX) {
			errors.add(new FieldError(field, "validation.size.max", NOTE_MAX));
		}
	}

	static @Nullable String blankToNull(@Nullable String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private <T> T write(Supplier<T> work) {
		return tx.execute(s -> work.get());
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
