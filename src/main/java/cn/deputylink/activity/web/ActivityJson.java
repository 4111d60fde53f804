package cn.deputylink.activity.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

import cn.deputylink.activity.Activity;
import cn.deputylink.activity.ActivityAction;
import cn.deputylink.activity.ActivityDetail;
import cn.deputylink.activity.ActivityPhoto;
import cn.deputylink.activity.ActivityStatus;
import cn.deputylink.activity.ActivityType;

/** The activities API's JSON. */
final class ActivityJson {

	private ActivityJson() {
	}

	/** A photo: its metadata and where to fetch it. */
	record Photo(long id, String filename, String contentType, long sizeBytes, String url) {
	}

	/**
	 * An activity: its facts, review state ({@code status}, {@code rejectReason},
	 * {@code reviewedBy}, {@code reviewedAt}), whether it {@code counts}, its
	 * {@code version}; the record adds its photos and the caller's
	 * {@code allowedActions}.
	 */
	record Full(long id, ActivityType type, LocalDate date, @Nullable Long stationId, @Nullable Long townshipId,
			List<Long> deputyIds, int constituentsReceived, int householdsVisited, String title, @Nullable String note,
			@Nullable Long householdId, @Nullable Long dutyDayId, ActivityStatus status, boolean counts,
			boolean reported, @Nullable String rejectReason, @Nullable Long createdBy, OffsetDateTime createdAt,
			@Nullable Long reviewedBy, @Nullable OffsetDateTime reviewedAt, int version, @Nullable List<Photo> photos,
			@Nullable List<ActivityAction> allowedActions) {
	}

	static Full summary(Activity a) {
		return of(a, null, null);
	}

	static Full full(ActivityDetail d) {
		Activity a = d.activity();
		return of(a, d.photos().stream().map(p -> photo(a.id(), p)).toList(),
				d.allowedActions().stream().sorted().toList());
	}

	private static Full of(Activity a, @Nullable List<Photo> photos, @Nullable List<ActivityAction> actions) {
		return new Full(a.id(), a.type(), a.date(), a.stationId(), a.townshipId(), a.deputyIds(),
				a.constituentsReceived(), a.householdsVisited(), a.title(), a.note(), a.householdId(), a.dutyDayId(),
				a.status(), a.counts(), a.reported(), a.rejectReason(), a.createdBy(), a.createdAt(), a.reviewedBy(),
				a.reviewedAt(), a.version(), photos, actions);
	}

	static Photo photo(long activityId, ActivityPhoto p) {
		return new Photo(p.id(), p.filename(), p.contentType(), p.sizeBytes(),
				"/api/v1/activities/" + activityId + "/photos/" + p.id());
	}

}
