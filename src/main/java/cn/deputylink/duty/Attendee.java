package cn.deputylink.duty;

import org.jspecify.annotations.Nullable;

/**
 * A deputy on duty on a day and, once the reception is recorded, their attendance and the
 * deputy who stood in for them.
 */
public record Attendee(long deputyId, @Nullable Attendance status, @Nullable Long substituteId) {
}
