package cn.deputylink.activity;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.activity.internal.ActivityReads;

/**
 * Reading activities in the viewer's scope: the county admin all, a township admin or
 * liaison officer its township's, a deputy those it took part in; department handlers
 * none (403).
 */
@Service
@Transactional(readOnly = true)
public class ActivityQueries {

	private final ActivityReads reads;

	ActivityQueries(ActivityReads reads) {
		this.reads = reads;
	}

	/** 404 unknown, 403 out of scope. */
	public Activity get(long id, CurrentUser user) {
		return reads.get(id, user);
	}

	public ActivityDetail detail(long id, CurrentUser user) {
		return reads.detail(id, user);
	}

	/** Newest first; {@code beforeId} &gt; 0 for keyset paging, else {@code offset}. */
	public List<Activity> list(ActivityFilter filter, CurrentUser user, long beforeId, int limit, int offset) {
		return reads.list(filter, user, beforeId, limit, offset);
	}

	public int count(ActivityFilter filter, CurrentUser user) {
		return reads.count(filter, user);
	}

	public ActivityPhoto photo(long id, long photoId, CurrentUser user) {
		return reads.photo(id, photoId, user);
	}

	public byte[] photoData(ActivityPhoto photo) {
		return reads.photoData(photo);
	}

}
