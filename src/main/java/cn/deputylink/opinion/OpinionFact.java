package cn.deputylink.opinion;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One opinion's facts for other modules' records (a deputy's performance file, the
 * evaluation of handling units): where and when it came in, where it stands, its current
 * department with the assignment, due date and reply times, the constituent's rating,
 * whether it was reopened, its receiving deputies and whether it became a proposal. No
 * personal data and no text.
 */
public record OpinionFact(long opinionId, @Nullable Long townshipId, @Nullable Long stationId,
		OffsetDateTime receivedAt, OpinionStatus status, @Nullable Outcome outcome, @Nullable Long departmentId,
		@Nullable OffsetDateTime assignedAt, @Nullable LocalDate dueDate, @Nullable OffsetDateTime repliedAt,
		@Nullable Satisfaction satisfaction, boolean reopened, List<Long> deputyIds, boolean converted) {

	/**
	 * Replied by its due date, the reply's day taken in the county's zone (the database
	 * may give the time at another offset); null while there is no due date or no reply.
	 */
	public @Nullable Boolean repliedInTime(ZoneId zone) {
		if (dueDate == null || repliedAt == null) {
			return null;
		}
		return !repliedAt.atZoneSameInstant(zone).toLocalDate().isAfter(dueDate);
	}

}
