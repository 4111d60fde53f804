package cn.deputylink.duty;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A station's opening day with the deputies on duty, its status, its iCalendar
 * {@code sequence} (grows with every change after publication) and, once held, the
 * attendance and the constituents received.
 */
public record DutyDay(long id, long stationId, long townshipId, LocalDate date, DutyStatus status, int sequence,
		int version, List<Attendee> attendees, @Nullable Integer constituentsReceived) {

	/** The deputies on duty (assigned), in id order. */
	public List<Long> deputyIds() {
		return attendees.stream().map(Attendee::deputyId).toList();
	}

	/** The deputies who were there: present ones and substitutes. */
	public List<Long> presentDeputyIds() {
		List<Long> out = new ArrayList<>();
		for (Attendee a : attendees) {
			if (a.status() == Attendance.PRESENT) {
				out.add(a.deputyId());
			}
			else if (a.status() == Attendance.SUBSTITUTE && a.substituteId() != null) {
				out.add(a.substituteId());
			}
		}
		return out;
	}

}
