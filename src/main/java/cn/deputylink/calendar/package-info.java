/**
 * The working-day calendar: weekends, public holidays and adjusted working days (调休),
 * kept by county admins and importable per year.
 * {@link cn.deputylink.calendar.WorkingCalendar} is the API deadlines are computed with.
 */
@ApplicationModule(allowedDependencies = { "account", "shared", "shared :: web", "shared :: excel" })
@NullMarked
package cn.deputylink.calendar;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
