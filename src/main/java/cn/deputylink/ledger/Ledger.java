package cn.deputylink.ledger;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import cn.deputylink.activity.Activity;
import cn.deputylink.activity.ActivityType;
import cn.deputylink.duty.DutyDay;
import cn.deputylink.opinion.Opinion;

/**
 * One station's ledger of a period [from, to]: its figures, the duty days (every status,
 * oldest first), the counting activities (oldest first; the receptions are those of type
 * {@code RECEPTION}) and the opinions received (merged duplicates left out, oldest first;
 * the constituent's phone only masked). Who made it and when.
 */
public record Ledger(LedgerStation station, LocalDate from, LocalDate to, OffsetDateTime generatedAt,
		String generatedBy, LedgerFigures figures, List<DutyDay> dutyDays, List<Activity> activities,
		List<Opinion> opinions) {

	public Ledger {
		dutyDays = List.copyOf(dutyDays);
		activities = List.copyOf(activities);
		opinions = List.copyOf(opinions);
	}

	/** The reception activities (接待). */
	public List<Activity> receptions() {
		return activities.stream().filter(a -> a.type() == ActivityType.RECEPTION).toList();
	}

}
