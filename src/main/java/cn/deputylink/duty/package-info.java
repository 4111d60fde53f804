/**
 * Duty days (值班 / 接待日): each station's monthly plan of opening days with its deputies on
 * duty in fair rotation ({@link cn.deputylink.duty.internal.Rotation}), manual edits,
 * swap requests approved by the liaison officer or township, publication at least
 * {@code deputylink.duty.publish-lead-days} ahead with notices of every later change, the
 * iCalendar feeds (a station's public one, a deputy's private token URL) and the
 * reception form of a held day: attendance, constituents received and the opinions raised
 * there (through the opinion module's intake), recorded as the day's {@code RECEPTION}
 * activity. The day is an aggregate ({@code internal.DutyDayCase}) publishing
 * {@link cn.deputylink.duty.DutyEvent}s. The API, one facade per step:
 * {@link cn.deputylink.duty.DutyPlanning}, {@link cn.deputylink.duty.DutyDayChanges},
 * {@link cn.deputylink.duty.DutySwaps}, {@link cn.deputylink.duty.DutyAvailability},
 * {@link cn.deputylink.duty.ReceptionDays}, {@link cn.deputylink.duty.DutyQueries},
 * {@link cn.deputylink.duty.DutyFeeds}.
 */
@ApplicationModule(allowedDependencies = { "account", "activity", "audit", "calendar", "notification", "opinion",
		"organisation", "shared", "shared :: web", "shell" })
@NullMarked
package cn.deputylink.duty;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
