/**
 * Deputies' activities (代表活动) of every type of {@code docs/domain.md} with their
 * counters, recorded by staff (counted at once) or reported by a deputy and reviewed; the
 * poverty-aid pairings (联系帮扶贫困户) and the "三个一" duties counted from approved activities.
 * The API: {@link cn.deputylink.activity.ActivityRecording} and the
 * {@link cn.deputylink.activity.ActivityEvent}s every recorded, approved or withdrawn
 * activity publishes.
 */
@ApplicationModule(allowedDependencies = { "account", "audit", "calendar", "notification", "organisation", "shared",
		"shared :: web", "shared :: excel", "shell" })
@NullMarked
package cn.deputylink.activity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
