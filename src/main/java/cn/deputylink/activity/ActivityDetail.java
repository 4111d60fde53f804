package cn.deputylink.activity;

import java.util.List;
import java.util.Set;

/** An activity with its photos and what the viewer may do with it. */
public record ActivityDetail(Activity activity, List<ActivityPhoto> photos, Set<ActivityAction> allowedActions) {
}
