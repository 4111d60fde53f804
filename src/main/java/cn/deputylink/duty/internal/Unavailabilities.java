package cn.deputylink.duty.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.duty.Unavailability;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.InvalidInputException.FieldError;
import cn.deputylink.shared.NotFoundException;
import cn.deputylink.shared.TextInput;

/**
 * When a deputy cannot serve: declared by the deputy or staff in scope, kept out of the
 * rotation and of manual edits.
 */
@Component
public class Unavailabilities {

	private final DutySteps steps;

	private final UnavailabilityRows rows;

	Unavailabilities(DutySteps steps, UnavailabilityRows rows) {
		this.steps = steps;
		this.rows = rows;
	}

	public List<Unavailability> of(long deputyId, CurrentUser u) {
		steps.requireDeputyScope(deputyId, u);
		LocalDate today = steps.today();
		return rows.unavailability(List.of(deputyId), today.minusYears(1), today.plusYears(10));
	}

	public Unavailability declare(long deputyId, @Nullable LocalDate from, @Nullable LocalDate to,
			Unavailability.@Nullable Reason reason, @Nullable String note, CurrentUser u) {
		steps.requireDeputyScope(deputyId, u);
		List<FieldError> errors = new ArrayList<>();
		if (from == null) {
			errors.add(new FieldError("from", "validation.required"));
		}
		if (to == null) {
			errors.add(new FieldError("to", "validation.required"));
		}
		if (from != null && to != null) {
			if (to.isBefore(from)) {
				errors.add(new FieldError("to", "duty.error.toBeforeFrom"));
			}
			else if (ChronoUnit.DAYS.between(from, to) > 366) {
				errors.add(new FieldError("to", "duty.error.rangeTooLong"));
			}
		}
		if (reason == null) {
			errors.add(new FieldError("reason", "validation.required"));
		}
		String n = TextInput.blankToNull(note);
		if (n != null && n.length() > 200) {
			errors.add(new FieldError("note", "validation.size.max", 200));
		}
		if (!errors.isEmpty() || from == null || to == null || reason == null) {
			throw new InvalidInputException(errors);
		}
		long id = rows.insertUnavailability(deputyId, from, to, reason, n, u.id(), steps.now());
		return rows.unavailabilityById(id).orElseThrow();
	}

	public void remove(long id, CurrentUser u) {
		Unavailability x = rows.unavailabilityById(id).orElseThrow(() -> new NotFoundException("unavailability", id));
		steps.requireDeputyScope(x.deputyId(), u);
		rows.deleteUnavailability(id);
	}

}
