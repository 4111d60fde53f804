package cn.deputylink.duty;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A line of a deputy's duty record: a day they were on duty (with their attendance once
 * held) or stood in for someone ({@code substituteFor} set).
 */
public record DeputyDutyDay(long dutyDayId, long stationId, LocalDate date, DutyStatus status,
		@Nullable Attendance attendance, @Nullable Long substituteId, @Nullable Long substituteFor) {
}
