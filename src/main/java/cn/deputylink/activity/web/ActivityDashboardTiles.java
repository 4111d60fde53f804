package cn.deputylink.activity.web;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.activity.ActivityFilter;
import cn.deputylink.activity.ActivityQueries;
import cn.deputylink.activity.ActivityStatus;
import cn.deputylink.shell.DashboardTiles;

/**
 * The activity reports on the dashboard: a deputy's awaiting review and rejected, the
 * reports staff have to review in their scope.
 */
@Component
class ActivityDashboardTiles implements DashboardTiles {

	private final ActivityQueries activities;

	ActivityDashboardTiles(ActivityQueries activities) {
		this.activities = activities;
	}

	@Override
	public String heading() {
		return "dashboard.activities";
	}

	@Override
	public List<Tile> tiles(CurrentUser user) {
		ActivityFilter none = ActivityFilter.none();
		if (user.is(Role.DEPUTY) && user.deputyId() != null) {
			return List.of(new Tile("activities.queue.awaiting",
					activities.count(none.withStatus(ActivityStatus.SUBMITTED), user), "/activities?status=SUBMITTED"),
					new Tile("activities.queue.rejected",
							activities.count(none.withStatus(ActivityStatus.REJECTED), user),
							"/activities?status=REJECTED"));
		}
		if (user.isCountyAdmin() || user.is(Role.TOWNSHIP_ADMIN) || user.is(Role.STATION_LIAISON)) {
			return List.of(new Tile("activities.queue.awaiting",
					activities.count(none.withStatus(ActivityStatus.SUBMITTED), user), "/activities/review"));
		}
		return List.of();
	}

}
