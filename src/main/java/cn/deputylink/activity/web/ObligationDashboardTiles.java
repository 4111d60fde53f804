package cn.deputylink.activity.web;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.activity.ObligationTracker;
import cn.deputylink.shell.DashboardTiles;

/**
 * The "三个一" on the dashboard: a deputy sees how many of its six items this year are met;
 * staff how many deputies of their scope are behind.
 */
@Component
@Order(50)
class ObligationDashboardTiles implements DashboardTiles {

	private final ObligationTracker tracker;

	ObligationDashboardTiles(ObligationTracker tracker) {
		this.tracker = tracker;
	}

	@Override
	public String heading() {
		return "obligation.dashboard.heading";
	}

	@Override
	public List<Tile> tiles(CurrentUser user) {
		if (user.is(Role.DEPUTY) && user.deputyId() != null) {
			int met = tracker.status(user.deputyId(), null, user).metItems();
			return List.of(new Tile("obligation.dashboard.metItems", met, "/obligations/me"));
		}
		if (user.isCountyAdmin() || user.role().townshipScoped()) {
			var report = tracker.compliance(null, null, null, user);
			return List.of(new Tile("obligation.dashboard.behind", report.behindCount(), "/obligations/compliance"),
					new Tile("obligation.dashboard.allMet", report.allMetCount(), "/obligations/compliance"));
		}
		return List.of();
	}

}
