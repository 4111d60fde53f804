package cn.deputylink.duty.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.deputylink.duty.Attendee;
import cn.deputylink.duty.DutyDay;
import cn.deputylink.duty.DutyEvent;
import cn.deputylink.duty.DutyStatus;
import cn.deputylink.shared.ConflictException;

/**
 * The duty day aggregate: a day's state (date, station, status, whether it was ever
 * published, its iCalendar sequence, its deputies, its version) and the steps that change
 * it. Each step checks that it is allowed in the day's status (409), that the caller saw
 * the current version (409) and the publication lead (409); it returns the day after the
 * step with its event, and changes nothing itself. What a step needs to know from outside
 * (the date today, the lead, the time) comes in as {@link Terms}, and what only the
 * database knows (the registry, other days) is checked by the step's service, so the
 * rules run without a database.
 */
public final class DutyDayCase {

	private final DutyDay state;

	private final boolean published;

	public DutyDayCase(DutyDay state, boolean published) {
		this.state = state;
		this.published = published;
	}

	/** The clock and the publication lead. */
	public interface Terms {

		LocalDate today();

		OffsetDateTime now();

		/** Days a day is published ahead at least. */
		int leadDays();

	}

	/** A step taken: the day before and after it and its event. */
	public record Change(DutyDayCase before, DutyDayCase after, DutyEvent event) {

		public DutyDay day() {
			return after.state();
		}
	}

	public DutyDay state() {
		return state;
	}

	public long id() {
		return state.id();
	}

	public DutyStatus status() {
		return state.status();
	}

	public LocalDate date() {
		return state.date();
	}

	public List<Long> deputyIds() {
		return state.deputyIds();
	}

	/** Ever published (the public sees it, cancelled or not). */
	public boolean published() {
		return published;
	}

	// ------------------------------------------------------------------ creation

	/**
	 * A new day of a plan (not yet saved: id 0) with these deputies, a draft or published
	 * at once (then at least the lead ahead).
	 */
	public static DutyDayCase plan(long stationId, long townshipId, LocalDate date, List<Long> deputyIds,
			boolean publish, Terms t) {
		if (publish) {
			requireLead(date, t);
		}
		DutyStatus status = publish ? DutyStatus.PUBLISHED : DutyStatus.DRAFT;
		return new DutyDayCase(new DutyDay(0, stationId, townshipId, date, status, 0, 1, attendees(deputyIds), null),
				publish);
	}

	/** The day saved with its id, and its event. */
	public Change planned(long id, long actorId, OffsetDateTime at) {
		DutyDay s = state;
		DutyDayCase saved = new DutyDayCase(new DutyDay(id, s.stationId(), s.townshipId(), s.date(), s.status(),
				s.sequence(), s.version(), s.attendees(), s.constituentsReceived()), published);
		return new Change(this, saved, new DutyEvent.Planned(id, s.stationId(), s.townshipId(), s.date(), s.deputyIds(),
				s.sequence(), actorId, at, published));
	}

	// ------------------------------------------------------------------ the steps

	/** 409 unless the day may still change (neither held nor cancelled). */
	public void requireEditable() {
		if (status() == DutyStatus.HELD || status() == DutyStatus.CANCELLED) {
			throw new ConflictException("duty.error.status", status());
		}
	}

	/** 409 when the caller saw another version. */
	public void requireVersion(@Nullable Integer expected) {
		if (expected != null && expected != state.version()) {
			throw new ConflictException("duty.error.stale");
		}
	}

	/**
	 * Moves the day and/or gives it other deputies (checked by the caller against the
	 * registry and the other days); a published day's sequence grows and a new date keeps
	 * the lead.
	 */
	public Change edit(LocalDate newDate, List<Long> newDeputies, @Nullable Integer expectedVersion, long actorId,
			Terms t) {
		requireEditable();
		requireVersion(expectedVersion);
		boolean live = status() == DutyStatus.PUBLISHED;
		if (live && !newDate.equals(date())) {
			requireLead(newDate, t);
		}
		List<Long> deputies = newDeputies.stream().sorted().toList();
		int sequence = live ? state.sequence() + 1 : state.sequence();
		DutyDayCase after = with(newDate, status(), sequence, attendees(deputies), state.constituentsReceived(),
				published);
		return new Change(this, after, new DutyEvent.Changed(id(), state.stationId(), state.townshipId(), newDate,
				deputies, sequence, actorId, t.now(), date(), deputyIds(), live));
	}

	/** Publishes a draft at least the lead ahead. */
	public Change publish(@Nullable Integer expectedVersion, long actorId, Terms t) {
		if (status() != DutyStatus.DRAFT) {
			throw new ConflictException("duty.error.status", status());
		}
		requireVersion(expectedVersion);
		requireLead(date(), t);
		DutyDayCase after = with(date(), DutyStatus.PUBLISHED, state.sequence(), state.attendees(),
				state.constituentsReceived(), true);
		return new Change(this, after, new DutyEvent.Published(id(), state.stationId(), state.townshipId(), date(),
				deputyIds(), state.sequence(), actorId, t.now()));
	}

	/** Cancels a draft or a published day (a published one's sequence grows). */
	public Change cancel(@Nullable Integer expectedVersion, long actorId, Terms t) {
		requireEditable();
		requireVersion(expectedVersion);
		boolean live = status() == DutyStatus.PUBLISHED;
		int sequence = live ? state.sequence() + 1 : state.sequence();
		DutyDayCase after = with(date(), DutyStatus.CANCELLED, sequence, state.attendees(),
				state.constituentsReceived(), published);
		return new Change(this, after, new DutyEvent.Cancelled(id(), state.stationId(), state.townshipId(), date(),
				deputyIds(), sequence, actorId, t.now(), live));
	}

	/** 409 unless a reception may be recorded: not cancelled, not in the future. */
	public void requireReceivable(@Nullable Integer expectedVersion, Terms t) {
		if (status() == DutyStatus.CANCELLED) {
			throw new ConflictException("duty.error.status", status());
		}
		if (date().isAfter(t.today())) {
			throw new ConflictException("duty.error.receptionFuture");
		}
		requireVersion(expectedVersion);
	}

	/**
	 * Records the reception (attendance checked by the caller): the day is HELD, again
	 * when corrected.
	 */
	public Change hold(List<Attendee> attendance, int constituentsReceived, @Nullable Integer expectedVersion,
			long actorId, Terms t) {
		requireReceivable(expectedVersion, t);
		DutyDayCase after = with(date(), DutyStatus.HELD, state.sequence(), attendance, constituentsReceived,
				published);
		return new Change(this, after,
				new DutyEvent.Held(id(), state.stationId(), state.townshipId(), date(), deputyIds(), state.sequence(),
						actorId, t.now(), after.state().presentDeputyIds(), constituentsReceived));
	}

	// ------------------------------------------------------------------ helpers

	private DutyDayCase with(LocalDate date, DutyStatus status, int sequence, List<Attendee> attendees,
			@Nullable Integer received, boolean everPublished) {
		return new DutyDayCase(new DutyDay(id(), state.stationId(), state.townshipId(), date, status, sequence,
				state.version() + 1, attendees, received), everPublished);
	}

	private static List<Attendee> attendees(List<Long> deputyIds) {
		return deputyIds.stream().map(d -> new Attendee(d, null, null)).toList();
	}

	private static void requireLead(LocalDate date, Terms t) {
		if (date.isBefore(t.today().plusDays(t.leadDays()))) {
			throw new ConflictException("duty.error.tooLate", t.leadDays());
		}
	}

}
