package cn.deputylink.duty.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import cn.deputylink.duty.Attendance;
import cn.deputylink.duty.Attendee;
import cn.deputylink.duty.DutyDay;
import cn.deputylink.duty.DutyEvent;
import cn.deputylink.duty.DutyStatus;
import cn.deputylink.shared.ConflictException;

/**
 * The duty day's rules without a database: every step in every status (allowed, or 409),
 * the version (409), the publication lead (409), the sequence growing only after
 * publication, and the event each step returns.
 */
class DutyDayCaseTest {

	private static final OffsetDateTime NOW = OffsetDateTime.of(2030, 3, 4, 10, 0, 0, 0, ZoneOffset.ofHours(8));

	private static final LocalDate TODAY = NOW.toLocalDate();

	private static final int LEAD = 3;

	private static final long ACTOR = 7;

	private static final DutyDayCase.Terms TERMS = new DutyDayCase.Terms() {

		@Override
		public LocalDate today() {
			return TODAY;
		}

		@Override
		public OffsetDateTime now() {
			return NOW;
		}

		@Override
		public int leadDays() {
			return LEAD;
		}
	};

	private static final LocalDate AHEAD = TODAY.plusDays(LEAD);

	private static final LocalDate TOO_SOON = TODAY.plusDays(LEAD - 1);

	private static DutyDayCase day(DutyStatus status, LocalDate date) {
		List<Attendee> on = List.of(new Attendee(11, null, null), new Attendee(12, null, null));
		return new DutyDayCase(new DutyDay(5, 2, 3, date, status, 4, 9, on, null),
				status != DutyStatus.DRAFT && status != DutyStatus.HELD);
	}

	private static String conflictKey(Runnable step) {
		try {
			step.run();
		}
		catch (ConflictException ex) {
			return ex.messageKey();
		}
		throw new AssertionError("no 409");
	}

	// -------------------------------------------------------------- planning

	@Test
	void aPlannedDayIsADraftOrPublishedAtOnceWithTheLead() {
		DutyDayCase draft = DutyDayCase.plan(2, 3, TOO_SOON, List.of(12L, 11L), false, TERMS);
		assertThat(draft.status()).isEqualTo(DutyStatus.DRAFT);
		assertThat(draft.published()).isFalse();
		DutyDayCase.Change saved = draft.planned(41, ACTOR, NOW);
		assertThat(saved.day().id()).isEqualTo(41);
		assertThat(saved.day().version()).isEqualTo(1);
		assertThat(saved.day().sequence()).isZero();
		assertThat(saved.event())
			.isEqualTo(new DutyEvent.Planned(41, 2, 3, TOO_SOON, List.of(12L, 11L), 0, ACTOR, NOW, false));

		DutyDayCase live = DutyDayCase.plan(2, 3, AHEAD, List.of(11L), true, TERMS);
		assertThat(live.status()).isEqualTo(DutyStatus.PUBLISHED);
		assertThat(live.published()).isTrue();
		assertThat(((DutyEvent.Planned) live.planned(42, ACTOR, NOW).event()).published()).isTrue();

		assertThat(conflictKey(() -> DutyDayCase.plan(2, 3, TOO_SOON, List.of(11L), true, TERMS)))
			.isEqualTo("duty.error.tooLate");
	}

	// -------------------------------------------------------------- edit

	@Test
	void editIsAllowedInDraftAndPublishedOnlyAndGrowsThePublishedSequence() {
		for (DutyStatus s : DutyStatus.values()) {
			DutyDayCase c = day(s, AHEAD.plusDays(5));
			Runnable step = () -> c.edit(AHEAD.plusDays(6), List.of(13L, 11L), 9, ACTOR, TERMS);
			if (s == DutyStatus.HELD || s == DutyStatus.CANCELLED) {
				assertThat(conflictKey(step)).as(s.name()).isEqualTo("duty.error.status");
				continue;
			}
			DutyDayCase.Change change = c.edit(AHEAD.plusDays(6), List.of(13L, 11L), 9, ACTOR, TERMS);
			DutyDay after = change.day();
			assertThat(after.status()).isEqualTo(s);
			assertThat(after.date()).isEqualTo(AHEAD.plusDays(6));
			assertThat(after.deputyIds()).as("sorted").containsExactly(11L, 13L);
			assertThat(after.version()).isEqualTo(10);
			int sequence = s == DutyStatus.PUBLISHED ? 5 : 4;
			assertThat(after.sequence()).isEqualTo(sequence);
			assertThat(change.event()).isEqualTo(new DutyEvent.Changed(5, 2, 3, AHEAD.plusDays(6), List.of(11L, 13L),
					sequence, ACTOR, NOW, AHEAD.plusDays(5), List.of(11L, 12L), s == DutyStatus.PUBLISHED));
			assertThat(c.state().sequence()).as("the aggregate itself is unchanged").isEqualTo(4);
		}
	}

	@Test
	void editChecksTheVersionAndAPublishedDayMovedKeepsTheLead() {
		DutyDayCase published = day(DutyStatus.PUBLISHED, AHEAD.plusDays(5));
		assertThat(conflictKey(() -> published.edit(AHEAD.plusDays(6), List.of(11L), 8, ACTOR, TERMS)))
			.isEqualTo("duty.error.stale");
		assertThat(conflictKey(() -> published.edit(TOO_SOON, List.of(11L), 9, ACTOR, TERMS)))
			.isEqualTo("duty.error.tooLate");
		assertThat(published.edit(AHEAD, List.of(11L), null, ACTOR, TERMS).day().date()).isEqualTo(AHEAD);
		// a published day not moved may change deputies even when it is near
		DutyDayCase near = day(DutyStatus.PUBLISHED, TODAY);
		assertThat(near.edit(TODAY, List.of(13L), 9, ACTOR, TERMS).day().deputyIds()).containsExactly(13L);
		// a draft moves anywhere
		assertThat(day(DutyStatus.DRAFT, AHEAD).edit(TOO_SOON, List.of(11L), 9, ACTOR, TERMS).day().date())
			.isEqualTo(TOO_SOON);
	}

	// -------------------------------------------------------------- publish

	@Test
	void onlyADraftIsPublishedAndOnlyTheLeadAhead() {
		for (DutyStatus s : DutyStatus.values()) {
			DutyDayCase c = day(s, AHEAD);
			if (s != DutyStatus.DRAFT) {
				assertThat(conflictKey(() -> c.publish(9, ACTOR, TERMS))).as(s.name()).isEqualTo("duty.error.status");
				continue;
			}
			DutyDayCase.Change change = c.publish(9, ACTOR, TERMS);
			assertThat(change.day().status()).isEqualTo(DutyStatus.PUBLISHED);
			assertThat(change.after().published()).isTrue();
			assertThat(change.day().sequence()).as("publication itself is sequence 4 still").isEqualTo(4);
			assertThat(change.day().version()).isEqualTo(10);
			assertThat(change.event())
				.isEqualTo(new DutyEvent.Published(5, 2, 3, AHEAD, List.of(11L, 12L), 4, ACTOR, NOW));
		}
		assertThat(conflictKey(() -> day(DutyStatus.DRAFT, AHEAD).publish(8, ACTOR, TERMS)))
			.isEqualTo("duty.error.stale");
		assertThat(conflictKey(() -> day(DutyStatus.DRAFT, TOO_SOON).publish(9, ACTOR, TERMS)))
			.isEqualTo("duty.error.tooLate");
	}

	// -------------------------------------------------------------- cancel

	@Test
	void draftsAndPublishedDaysAreCancelledAndOnlyAPublishedOneIsTold() {
		for (DutyStatus s : DutyStatus.values()) {
			DutyDayCase c = day(s, TODAY);
			if (s == DutyStatus.HELD || s == DutyStatus.CANCELLED) {
				assertThat(conflictKey(() -> c.cancel(9, ACTOR, TERMS))).as(s.name()).isEqualTo("duty.error.status");
				continue;
			}
			DutyDayCase.Change change = c.cancel(9, ACTOR, TERMS);
			boolean live = s == DutyStatus.PUBLISHED;
			assertThat(change.day().status()).isEqualTo(DutyStatus.CANCELLED);
			assertThat(change.day().sequence()).isEqualTo(live ? 5 : 4);
			assertThat(change.after().published()).as("the public keeps what it saw").isEqualTo(live);
			assertThat(change.event())
				.isEqualTo(new DutyEvent.Cancelled(5, 2, 3, TODAY, List.of(11L, 12L), live ? 5 : 4, ACTOR, NOW, live));
		}
		assertThat(conflictKey(() -> day(DutyStatus.DRAFT, TODAY).cancel(10, ACTOR, TERMS)))
			.isEqualTo("duty.error.stale");
	}

	// -------------------------------------------------------------- reception

	@Test
	void aReceptionIsRecordedOnADayNotCancelledAndNotInTheFuture() {
		List<Attendee> attendance = List.of(new Attendee(11, Attendance.PRESENT, null),
				new Attendee(12, Attendance.SUBSTITUTE, 14L));
		for (DutyStatus s : DutyStatus.values()) {
			DutyDayCase c = day(s, TODAY);
			if (s == DutyStatus.CANCELLED) {
				assertThat(conflictKey(() -> c.hold(attendance, 6, 9, ACTOR, TERMS))).isEqualTo("duty.error.status");
				continue;
			}
			DutyDayCase.Change change = c.hold(attendance, 6, 9, ACTOR, TERMS);
			assertThat(change.day().status()).as(s.name()).isEqualTo(DutyStatus.HELD);
			assertThat(change.day().constituentsReceived()).isEqualTo(6);
			assertThat(change.day().attendees()).isEqualTo(attendance);
			assertThat(change.day().sequence()).isEqualTo(4);
			assertThat(change.day().version()).isEqualTo(10);
			assertThat(change.event())
				.isEqualTo(new DutyEvent.Held(5, 2, 3, TODAY, List.of(11L, 12L), 4, ACTOR, NOW, List.of(11L, 14L), 6));
		}
		assertThat(conflictKey(() -> day(DutyStatus.PUBLISHED, TODAY.plusDays(1)).hold(attendance, 6, 9, ACTOR, TERMS)))
			.isEqualTo("duty.error.receptionFuture");
		assertThat(conflictKey(() -> day(DutyStatus.PUBLISHED, TODAY).hold(attendance, 6, 8, ACTOR, TERMS)))
			.isEqualTo("duty.error.stale");
	}

	@Test
	void everyRefusalIsA409AndChangesNothing() {
		List<Function<DutyDayCase, DutyDayCase.Change>> steps = List.of(
				c -> c.edit(AHEAD.plusDays(1), List.of(11L), 9, ACTOR, TERMS), c -> c.publish(9, ACTOR, TERMS),
				c -> c.cancel(9, ACTOR, TERMS), c -> c.hold(List.of(), 0, 9, ACTOR, TERMS));
		int refused = 0;
		for (DutyStatus s : EnumSet.allOf(DutyStatus.class)) {
			for (var step : steps) {
				DutyDayCase c = day(s, s == DutyStatus.HELD ? TODAY : AHEAD);
				DutyDay before = c.state();
				try {
					step.apply(c);
				}
				catch (ConflictException ex) {
					refused++;
				}
				assertThat(c.state()).isEqualTo(before);
			}
		}
		// edit: HELD, CANCELLED; publish: all but DRAFT; cancel: HELD, CANCELLED;
		// hold: CANCELLED and the days ahead (DRAFT, PUBLISHED)
		assertThat(refused).isEqualTo(2 + 3 + 2 + 3);
	}

}
