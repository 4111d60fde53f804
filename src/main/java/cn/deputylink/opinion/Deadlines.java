package cn.deputylink.opinion;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * 三色: red once the due date has passed, yellow until {@code yellowUntil}, green after it.
 * Today's thresholds are read from the calendar once, to colour a whole list without a
 * calendar query per row.
 */
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
