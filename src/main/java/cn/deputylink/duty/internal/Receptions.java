package cn.deputylink.duty.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.activity.ActivityRecording;
import cn.deputylink.activity.ActivityType;
import cn.deputylink.activity.NewActivity;
import cn.deputylink.duty.Attendee;
import cn.deputylink.duty.DutyDay;
import cn.deputylink.duty.Reception;
import cn.deputylink.opinion.Intake;
import cn.deputylink.opinion.Opinion;
import cn.deputylink.opinion.OpinionIntake;
import cn.deputylink.opinion.OpinionTriage;
import cn.deputylink.opinion.Source;
import cn.deputylink.organisation.Station;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.InvalidInputException.FieldError;
import cn.deputylink.shared.TextInput;

/**
 * The reception form of a day: attendance, constituents received, the opinions raised
 * (registered with source RECEPTION and the deputies there); the day becomes HELD and its
 * RECEPTION activity is recorded or corrected, all in the caller's transaction.
 */
@Component
public class Receptions {

	private final DutySteps steps;

	private final DutyStore store;

	private final ReceptionForm form;

	private final MessageSource messages;

	private final ActivityRecording activities;

	private final OpinionIntake intake;

	private final OpinionTriage triage;

	Receptions(DutySteps steps, DutyStore store, ReceptionForm form, MessageSource messages,
			ActivityRecording activities, OpinionIntake intake, OpinionTriage triage) {
		this.steps = steps;
		this.store = store;
		this.form = form;
		this.messages = messages;
		this.activities = activities;
		this.intake = intake;
		this.triage = triage;
	}

	public DutyDay record(long id, Reception in, CurrentUser u) {
		DutyDayCase c = steps.load(id);
		Station station = steps.staffStation(c.state().stationId(), u);
		DutyDay d = c.state();
		c.requireReceivable(in.version(), steps);
		List<FieldError> errors = new ArrayList<>();
		List<Attendee> attendance = form.checkAttendance(d, in.attendance(), errors);
		Integer received = in.constituentsReceived();
		form.checkReceived(received, errors);
		List<Reception.RaisedOpinion> raised = in.opinions() == null ? List.of() : in.opinions();
		form.checkOpinions(raised, errors);
		List<Long> present = new DutyDay(d.id(), d.stationId(), d.townshipId(), d.date(), d.status(), d.sequence(),
				d.version(), attendance, received)
			.presentDeputyIds();
		if (errors.isEmpty() && present.isEmpty()) {
			errors.add(new FieldError("attendance", "duty.error.nobodyPresent"));
		}
		if (!errors.isEmpty() || received == null) {
			throw new InvalidInputException(errors);
		}
		DutyDay held = steps.save(c.hold(attendance, received, in.version(), u.id(), steps));
		recordActivity(d, station, present, received, u);
		OffsetDateTime receivedAt = receivedAt(d.date());
		for (int i = 0; i < raised.size(); i++) {
			register(d, raised.get(i), i, receivedAt, present, u);
		}
		return held;
	}

	private void recordActivity(DutyDay d, Station station, List<Long> present, int received, CurrentUser u) {
		String title = messages.getMessage("duty.activity.title", new Object[] { station.name(), d.date() },
				DutySteps.NOTICE_LOCALE);
		try {
			activities.recordDutyDay(d.id(), new NewActivity(ActivityType.RECEPTION, d.date(), d.stationId(), present,
					received, 0, title, null, null), u);
		}
		catch (InvalidInputException ex) {
			throw new InvalidInputException(ex.errors()
				.stream()
				.map(e -> new FieldError("deputyIds".equals(e.field()) ? "attendance" : e.field(), e.messageKey(),
						e.args()))
				.toList());
		}
	}

	private void register(DutyDay d, Reception.RaisedOpinion o, int i, OffsetDateTime receivedAt, List<Long> present,
			CurrentUser u) {
		Opinion opinion;
		try {
			opinion = intake.submit(
					new Intake(Source.RECEPTION, d.stationId(), o.villageId(), TextInput.blankToNull(o.categoryCode()),
							String.valueOf(TextInput.blankToNull(o.content())), receivedAt, present,
							TextInput.blankToNull(o.name()), TextInput.blankToNull(o.phone()), o.anonymous()),
					u, null, List.of())
				.opinion();
		}
		catch (InvalidInputException ex) {
			String prefix = "opinions[" + i + "].";
			throw new InvalidInputException(ex.errors()
				.stream()
				.map(e -> new FieldError(prefix + e.field(), e.messageKey(), e.args()))
				.toList());
		}
		store.linkOpinion(d.id(), opinion.id());
		if (o.outcome() != null) {
			triage.close(opinion.id(), o.outcome(), null, TextInput.blankToNull(o.answer()), u, opinion.version());
		}
	}

	private OffsetDateTime receivedAt(LocalDate date) {
		OffsetDateTime now = steps.now();
		OffsetDateTime morning = date.atTime(LocalTime.of(9, 0)).atZone(steps.zone()).toOffsetDateTime();
		return morning.isBefore(now) ? morning : now;
	}

	/** The opinions registered at a day's reception. */
	public List<Long> opinionsOf(long dayId) {
		return store.opinionsOf(dayId);
	}

}
