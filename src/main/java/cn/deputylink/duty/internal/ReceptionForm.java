package cn.deputylink.duty.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import cn.deputylink.duty.Attendance;
import cn.deputylink.duty.Attendee;
import cn.deputylink.duty.DutyDay;
import cn.deputylink.duty.Reception;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.shared.InvalidInputException.FieldError;
import cn.deputylink.shared.TextInput;

/**
 * The checks of a day's reception form (400 field errors): the attendance of every deputy
 * on duty with their substitutes, the constituents received, the opinions raised.
 */
@Component
class ReceptionForm {

	static final int MAX_COUNTER = 100_000;

	static final int MAX_OPINIONS = 20;

	static final int CONTENT_MAX = 4000;

	private final RegistryLookup registry;

	ReceptionForm(RegistryLookup registry) {
		this.registry = registry;
	}

	void checkReceived(@Nullable Integer received, List<FieldError> errors) {
		if (received == null) {
			errors.add(new FieldError("constituentsReceived", "validation.required"));
		}
		else if (received < 0 || received > MAX_COUNTER) {
			errors.add(new FieldError("constituentsReceived", "duty.error.range", 0, MAX_COUNTER));
		}
	}

	void checkOpinions(List<Reception.RaisedOpinion> raised, List<FieldError> errors) {
		if (raised.size() > MAX_OPINIONS) {
			errors.add(new FieldError("opinions", "validation.size.max", MAX_OPINIONS));
			return;
		}
		for (int i = 0; i < raised.size(); i++) {
			Reception.RaisedOpinion o = raised.get(i);
			if (o == null) {
				errors.add(new FieldError("opinions[" + i + "]", "validation.required"));
				continue;
			}
			String content = TextInput.blankToNull(o.content());
			if (content == null) {
				errors.add(new FieldError("opinions[" + i + "].content", "validation.required"));
			}
			else if (content.length() > CONTENT_MAX) {
				errors.add(new FieldError("opinions[" + i + "].content", "validation.size.max", CONTENT_MAX));
			}
			if (o.outcome() != null && !o.outcome().isOnTheSpot()) {
				errors.add(new FieldError("opinions[" + i + "].outcome", "duty.error.onTheSpotOutcome"));
			}
			String answer = TextInput.blankToNull(o.answer());
			if (o.outcome() != null && answer == null) {
				errors.add(new FieldError("opinions[" + i + "].answer", "validation.required"));
			}
			else if (answer != null && o.outcome() == null) {
				errors.add(new FieldError("opinions[" + i + "].outcome", "validation.required"));
			}
			else if (answer != null && answer.length() > CONTENT_MAX) {
				errors.add(new FieldError("opinions[" + i + "].answer", "validation.size.max", CONTENT_MAX));
			}
		}
	}

	List<Attendee> checkAttendance(DutyDay d, @Nullable List<Attendee> in, List<FieldError> errors) {
		if (in == null) {
			errors.add(new FieldError("attendance", "validation.required"));
			return List.of();
		}
		List<Attendee> out = new ArrayList<>();
		Set<Long> seen = new HashSet<>();
		Set<Long> substitutes = new HashSet<>();
		for (int i = 0; i < in.size(); i++) {
			Attendee a = in.get(i);
			String f = "attendance[" + i + "]";
			if (a == null) {
				errors.add(new FieldError(f, "validation.required"));
				continue;
			}
			if (!d.deputyIds().contains(a.deputyId()) || !seen.add(a.deputyId())) {
				errors.add(new FieldError(f + ".deputyId", "duty.error.notOnDuty"));
				continue;
			}
			if (a.status() == null) {
				errors.add(new FieldError(f + ".status", "validation.required"));
				continue;
			}
			if (a.status() == Attendance.SUBSTITUTE) {
				Long sub = a.substituteId();
				if (sub == null) {
					errors.add(new FieldError(f + ".substituteId", "validation.required"));
				}
				else if (!registry.deputyExists(sub) || d.deputyIds().contains(sub) || !substitutes.add(sub)) {
					errors.add(new FieldError(f + ".substituteId", "duty.error.substitute"));
				}
			}
			else if (a.substituteId() != null) {
				errors.add(new FieldError(f + ".substituteId", "duty.error.substituteOnlyForSubstitute"));
			}
			out.add(new Attendee(a.deputyId(), a.status(),
					a.status() == Attendance.SUBSTITUTE ? a.substituteId() : null));
		}
		if (errors.isEmpty() && !seen.containsAll(d.deputyIds())) {
			errors.add(new FieldError("attendance", "duty.error.attendanceIncomplete"));
		}
		return out;
	}

}
