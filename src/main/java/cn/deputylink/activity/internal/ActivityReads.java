package cn.deputylink.activity.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.activity.Activity;
import cn.deputylink.activity.ActivityDetail;
import cn.deputylink.activity.ActivityFilter;
import cn.deputylink.activity.ActivityPhoto;
import cn.deputylink.shared.NotFoundException;

/** Reading activities in the viewer's scope ({@link ReportPolicy}). */
@Component
public class ActivityReads {

	private final ActivityRows rows;

	private final ActivityPhotos photos;

	ActivityReads(ActivityRows rows, ActivityPhotos photos) {
		this.rows = rows;
		this.photos = photos;
	}

	/** 404 for an unknown id, 403 outside the viewer's scope. */
	public Activity get(long id, CurrentUser u) {
		ReportPolicy.requireReader(u);
		Activity a = rows.find(id).orElseThrow(() -> new NotFoundException("activity", id));
		if (!ReportPolicy.maySee(a, u)) {
			throw new AccessDeniedException("activity scope");
		}
		return a;
	}

	public ActivityDetail detail(long id, CurrentUser u) {
		Activity a = get(id, u);
		return new ActivityDetail(a, photos.of(id), ReportPolicy.allowed(a, u));
	}

	public List<Activity> list(ActivityFilter f, CurrentUser u, long beforeId, int limit, int offset) {
		return rows.list(f, scope(u), beforeId, limit, offset);
	}

	public int count(ActivityFilter f, CurrentUser u) {
		return rows.count(f, scope(u));
	}

	public ActivityPhoto photo(long id, long photoId, CurrentUser u) {
		get(id, u);
		return photos.find(id, photoId).orElseThrow(() -> new NotFoundException("photo", photoId));
	}

	public byte[] photoData(ActivityPhoto p) {
		return photos.data(p.id());
	}

	static ActivityRows.Scope scope(CurrentUser u) {
		ReportPolicy.requireReader(u);
		if (u.isCountyAdmin()) {
			return ActivityRows.Scope.county();
		}
		if (u.role().townshipScoped()) {
			return new ActivityRows.Scope(u.townshipScope().orElse(-1L), null, null);
		}
		if (u.is(Role.DEPUTY) && u.deputyId() != null) {
			return new ActivityRows.Scope(null, u.deputyId(), u.id());
		}
		throw new AccessDeniedException("activities");
	}

	/** Counting activities of these deputies in [from, to], no viewer's scope. */
	public List<Activity> countingOfDeputies(Collection<Long> deputyIds, LocalDate from, LocalDate to) {
		return deputyIds.isEmpty() ? List.of() : rows.countingOfDeputies(deputyIds, from, to);
	}

	/** Any activity by id, no viewer's scope. */
	public Optional<Activity> any(long id) {
		return rows.find(id);
	}

	/** Activities after {@code afterId} in id order, no viewer's scope. */
	public List<Activity> all(long afterId, int limit) {
		return rows.after(afterId, limit);
	}

}
