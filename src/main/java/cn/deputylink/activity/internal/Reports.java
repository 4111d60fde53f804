package cn.deputylink.activity.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.activity.Activity;
import cn.deputylink.activity.ActivityAction;
import cn.deputylink.activity.ActivityEvent;
import cn.deputylink.activity.ActivityStatus;
import cn.deputylink.activity.NewActivity;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.shared.AttachmentPolicy;
import cn.deputylink.shared.Digests;
import cn.deputylink.shared.AttachmentTooLargeException;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.NotFoundException;
import cn.deputylink.shared.TextInput;
import cn.deputylink.shared.Upload;

/**
 * A deputy's reports and their review: reporting (SUBMITTED, with photos), approval
 * (APPROVED, counted, {@link ActivityEvent.Approved}), rejection with a reason (REJECTED,
 * back to the deputy, who edits and resubmits), withdrawal (of a report not yet counted
 * by its deputy; of a counted activity by staff, {@link ActivityEvent.Withdrawn}). Every
 * check comes before the first write, and every move is conditional on the status and
 * version it was read in (409 otherwise).
 */
@Component
public class Reports {

	static final int REASON_MAX = 500;

	static final int BULK_MAX = 200;

	private final Recording recording;

	private final ActivityRows rows;

	private final ActivityPhotos photos;

	private final ReportNotices notices;

	private final RegistryLookup registry;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ZoneId zone;

	private final long photoMaxBytes;

	private final int photosPerActivity;

	Reports(Recording recording, ActivityRows rows, ActivityPhotos photos, ReportNotices notices,
			RegistryLookup registry, ApplicationEventPublisher events, Clock clock,
			@Value("${deputylink.zone:Asia/Shanghai}") ZoneId zone,
			@Value("${deputylink.activities.photo-max-bytes:${deputylink.opinions.attachment-max-bytes:5242880}}") long photoMaxBytes,
			@Value("${deputylink.activities.photos-per-activity:${deputylink.opinions.attachments-per-opinion:5}}") int photosPerActivity) {
		this.recording = recording;
		this.rows = rows;
		this.photos = photos;
		this.notices = notices;
		this.registry = registry;
		this.events = events;
		this.clock = clock;
		this.zone = zone;
		this.photoMaxBytes = photoMaxBytes;
		this.photosPerActivity = photosPerActivity;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock.withZone(zone)).truncatedTo(ChronoUnit.MICROS);
	}

	private Activity load(long id) {
		return rows.find(id).orElseThrow(() -> new NotFoundException("activity", id));
	}

	private static Activity visible(Activity a, CurrentUser u) {
		ReportPolicy.requireReader(u);
		if (!ReportPolicy.maySee(a, u)) {
			throw new AccessDeniedException("activity scope");
		}
		return a;
	}

	private static void requireVersion(Activity a, @Nullable Integer version) {
		if (version != null && version != a.version()) {
			throw new ConflictException("activity.version.stale");
		}
	}

	// ------------------------------------------------------------------ reporting

	/**
	 * A deputy reports an activity it took part in (it is added to the deputies if the
	 * report leaves it out): checked as staff's records are, then SUBMITTED with its
	 * photos; the township's reviewers are told.
	 */
	public Activity report(NewActivity in, List<Upload> files, CurrentUser u) {
		Long deputy = u.deputyId();
		if (!u.is(Role.DEPUTY) || deputy == null) {
			throw new AccessDeniedException("only a deputy reports an activity");
		}
		Checked c = checkReport(in, deputy, u);
		List<Photo> checked = checkPhotos(files, 0);
		OffsetDateTime now = now();
		long id = rows.insert(c, ActivityStatus.SUBMITTED, null, u.id(), now);
		rows.markReported(id);
		store(id, checked, u, now);
		Activity a = load(id);
		notices.reported(a, false);
		return a;
	}

	/**
	 * The report's checks: those of staff's records, the deputy itself among the
	 * deputies.
	 */
	private Checked checkReport(NewActivity in, long deputy, CurrentUser u) {
		Set<Long> deputies = new LinkedHashSet<>();
		deputies.add(deputy);
		if (in.deputyIds() != null) {
			deputies.addAll(in.deputyIds().stream().filter(Objects::nonNull).toList());
		}
		NewActivity withSelf = new NewActivity(in.type(), in.date(), in.stationId(), List.copyOf(deputies),
				in.constituentsReceived(), in.householdsVisited(), in.title(), in.note(), in.householdId());
		Checked c = recording.check(withSelf, u);
		if (c.townshipId() != null) {
			return c;
		}
		// a visit without a station belongs to the township of the deputy's first
		// station,
		// whose reviewers see it
		Long township = registry.stationsOfDeputy(deputy)
			.stream()
			.map(registry::station)
			.flatMap(Optional::stream)
			.map(st -> Long.valueOf(st.townshipId()))
			.findFirst()
			.orElse(null);
		return new Checked(c.type(), c.date(), c.stationId(), township, c.deputyIds(), c.constituentsReceived(),
				c.householdsVisited(), c.title(), c.note(), c.householdId());
	}

	/**
	 * Staff record an activity with photos, in the caller's transaction: a refused photo
	 * (400, 413) rolls the record back with it.
	 */
	public long record(NewActivity in, List<Upload> files, CurrentUser u) {
		long id = recording.record(in, null, u);
		if (hasPhotos(files)) {
			addPhotos(id, files, u);
		}
		return id;
	}

	/**
	 * The deputy's edit with photos to add, in the caller's transaction: a refused photo
	 * (400, 413) leaves the report as it was.
	 */
	public Activity edit(long id, NewActivity in, @Nullable Integer version, List<Upload> files, CurrentUser u) {
		Activity a = edit(id, in, version, u);
		return hasPhotos(files) ? addPhotos(id, files, u) : a;
	}

	/** Whether a form sent any file: a browser sends an empty part for no file. */
	private static boolean hasPhotos(List<Upload> files) {
		return files.stream().anyMatch(f -> f.bytes().length > 0);
	}

	/**
	 * The reporting deputy edits a report awaiting review or rejected: SUBMITTED again.
	 */
	public Activity edit(long id, NewActivity in, @Nullable Integer version, CurrentUser u) {
		Activity a = visible(load(id), u);
		if (!u.is(Role.DEPUTY) || !ReportPolicy.ownReport(a, u) || u.deputyId() == null) {
			throw new AccessDeniedException("only the reporting deputy edits a report");
		}
		if (version == null) {
			throw new InvalidInputException("version", "validation.required");
		}
		if (!ReportPolicy.editable(a.status())) {
			throw new ConflictException("activity.notEditable");
		}
		requireVersion(a, version);
		Checked c = checkReport(in, u.deputyId(), u);
		if (!rows.resubmit(id, version, a.status(), c)) {
			throw new ConflictException("activity.version.stale");
		}
		Activity after = load(id);
		notices.reported(after, true);
		return after;
	}

	// ------------------------------------------------------------------ review

	private Activity reviewable(long id, @Nullable Integer version, CurrentUser u) {
		if (!ReportPolicy.isStaff(u)) {
			throw new AccessDeniedException("only staff review reports");
		}
		Activity a = visible(load(id), u);
		if (Objects.equals(a.createdBy(), u.id())) {
			throw new AccessDeniedException("nobody reviews a report of their own");
		}
		if (a.status() != ActivityStatus.SUBMITTED) {
			throw new ConflictException("activity.notSubmitted");
		}
		requireVersion(a, version);
		return a;
	}

	/** A reviewer approves a report: it counts from now. */
	public Activity approve(long id, @Nullable Integer version, CurrentUser u) {
		Activity a = reviewable(id, version, u);
		OffsetDateTime now = now();
		if (!rows.move(id, a.version(), ActivityStatus.SUBMITTED, ActivityStatus.APPROVED, u.id(), now, null)) {
			throw new ConflictException("activity.version.stale");
		}
		events.publishEvent(new ActivityEvent.Approved(a.id(), a.type(), a.date(), a.stationId(), a.townshipId(),
				a.deputyIds(), a.constituentsReceived(), a.householdsVisited(), u.id(), now));
		Activity after = load(id);
		notices.reviewed(after);
		return after;
	}

	/** A reviewer rejects a report with a reason, which the deputy sees. */
	public Activity reject(long id, @Nullable String reason, @Nullable Integer version, CurrentUser u) {
		String why = TextInput.blankToNull(reason);
		if (why == null) {
			throw new InvalidInputException("reason", "validation.required");
		}
		if (why.length() > REASON_MAX) {
			throw new InvalidInputException("reason", "validation.size.max", REASON_MAX);
		}
		Activity a = reviewable(id, version, u);
		if (!rows.move(id, a.version(), ActivityStatus.SUBMITTED, ActivityStatus.REJECTED, u.id(), now(), why)) {
			throw new ConflictException("activity.version.stale");
		}
		Activity after = load(id);
		notices.reviewed(after);
		return after;
	}

	/** One id's outcome in a bulk approval. */
	public record Outcome(long id, String outcome, @Nullable Integer version) {
	}

	/**
	 * Approves each report that may be approved; the others are left as they are and say
	 * why (NOT_FOUND, FORBIDDEN, CONFLICT). Per item, not all-or-nothing: a queue of
	 * thirty is not held up by one that another reviewer took meanwhile.
	 */
	public List<Outcome> approveAll(@Nullable List<Long> ids, CurrentUser u) {
		if (!ReportPolicy.isStaff(u)) {
			throw new AccessDeniedException("only staff review reports");
		}
		if (ids == null || ids.isEmpty()) {
			throw new InvalidInputException("ids", "validation.required");
		}
		if (ids.size() > BULK_MAX) {
			throw new InvalidInputException("ids", "validation.size.max", BULK_MAX);
		}
		if (ids.stream().anyMatch(Objects::isNull)) {
			throw new InvalidInputException("ids", "validation.required");
		}
		List<Outcome> out = new ArrayList<>();
		for (Long id : new LinkedHashSet<>(ids)) {
			try {
				Activity a = approve(id, null, u);
				out.add(new Outcome(id, ActivityStatus.APPROVED.name(), a.version()));
			}
			catch (NotFoundException ex) {
				out.add(new Outcome(id, "NOT_FOUND", null));
			}
			catch (AccessDeniedException ex) {
				out.add(new Outcome(id, "FORBIDDEN", null));
			}
			catch (ConflictException ex) {
				out.add(new Outcome(id, "CONFLICT", null));
			}
		}
		return out;
	}

	/**
	 * The reporting deputy withdraws its report not yet approved; staff in scope withdraw
	 * a counted activity, which then counts no more.
	 */
	public Activity withdraw(long id, @Nullable Integer version, CurrentUser u) {
		Activity a = visible(load(id), u);
		if (u.is(Role.DEPUTY)) {
			if (!ReportPolicy.ownReport(a, u)) {
				throw new AccessDeniedException("only the reporting deputy withdraws a report");
			}
			if (!ReportPolicy.editable(a.status())) {
				throw new ConflictException("activity.notEditable");
			}
		}
		else if (!ReportPolicy.isStaff(u)) {
			throw new AccessDeniedException("withdraw");
		}
		else if (!a.status().counts()) {
			throw new ConflictException("activity.notCounted");
		}
		else if (a.dutyDayId() != null) {
			throw new ConflictException("activity.dutyDay");
		}
		requireVersion(a, version);
		OffsetDateTime now = now();
		if (!rows.move(id, a.version(), a.status(), ActivityStatus.WITHDRAWN, null, null, a.rejectReason())) {
			throw new ConflictException("activity.version.stale");
		}
		if (a.status().counts()) {
			events.publishEvent(new ActivityEvent.Withdrawn(a.id(), a.type(), a.date(), a.stationId(), a.townshipId(),
					a.deputyIds(), a.constituentsReceived(), a.householdsVisited(), u.id(), now));
		}
		return load(id);
	}

	// ------------------------------------------------------------------ photos

	/** A photo that passed the checks. */
	private record Photo(String name, String type, byte[] bytes, String sha256) {
	}

	/** Adds photos, as {@link ReportPolicy#allowed} says (403 / 409 otherwise). */
	public Activity addPhotos(long id, List<Upload> files, CurrentUser u) {
		Activity a = visible(load(id), u);
		if (!ReportPolicy.allowed(a, u).contains(ActivityAction.ADD_PHOTOS)) {
			if (u.is(Role.DEPUTY) && !ReportPolicy.ownReport(a, u) || !u.is(Role.DEPUTY) && !ReportPolicy.isStaff(u)) {
				throw new AccessDeniedException("photos");
			}
			throw new ConflictException("activity.notEditable");
		}
		List<Photo> checked = checkPhotos(files, photos.count(id));
		if (checked.isEmpty()) {
			throw new InvalidInputException("photos", "validation.required");
		}
		store(id, checked, u, now());
		return load(id);
	}

	/**
	 * The attachment rules of opinions ({@link AttachmentPolicy}): the type from the
	 * content, a whole image, at most so many bytes and so many photos; only photos.
	 */
	private List<Photo> checkPhotos(List<Upload> files, int existing) {
		List<Upload> real = files.stream().filter(f -> f.bytes().length > 0).toList();
		if (existing + real.size() > photosPerActivity) {
			throw new InvalidInputException("photos", "activity.photo.tooMany", photosPerActivity);
		}
		List<Photo> out = new ArrayList<>();
		for (Upload f : real) {
			if (f.bytes().length > photoMaxBytes) {
				throw new AttachmentTooLargeException(photoMaxBytes / (1024 * 1024));
			}
			String name = AttachmentPolicy.cleanName(f.filename());
			String type = AttachmentPolicy.photoType(f.bytes())
				.orElseThrow(() -> new InvalidInputException("photos", "activity.photo.type", name));
			out.add(new Photo(name, type, f.bytes(), Digests.sha256Hex(f.bytes())));
		}
		return out;
	}

	private void store(long id, List<Photo> checked, CurrentUser u, OffsetDateTime now) {
		for (Photo p : checked) {
			photos.insert(id, p.name(), p.type(), p.bytes(), p.sha256(), u.id(), now);
		}
	}

}
