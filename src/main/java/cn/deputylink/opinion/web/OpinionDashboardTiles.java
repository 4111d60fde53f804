package cn.deputylink.opinion.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.opinion.OpinionFilter;
import cn.deputylink.opinion.OpinionQueries;
import cn.deputylink.opinion.OpinionStatus;
import cn.deputylink.shell.DashboardTiles;

/**
 * The opinion queues the user works from, in the user's scope, and the overdue ones, on
 * the dashboard.
 */
@Component
class OpinionDashboardTiles implements DashboardTiles {

	private static final List<OpinionStatus> QUEUES = List.of(OpinionStatus.SUBMITTED, OpinionStatus.TRIAGED,
			OpinionStatus.ASSIGNED, OpinionStatus.IN_PROGRESS, OpinionStatus.REPLIED);

	private final OpinionQueries opinions;

	OpinionDashboardTiles(OpinionQueries opinions) {
		this.opinions = opinions;
	}

	@Override
	public String heading() {
		return "dashboard.opinions";
	}

	@Override
	public List<Tile> tiles(CurrentUser user) {
		List<Tile> tiles = new ArrayList<>();
		for (OpinionStatus s : QUEUES) {
			tiles.add(new Tile("opinion.status." + s.name(), opinions.count(OpinionFilter.none().withStatus(s), user),
					"/opinions?status=" + s.name()));
		}
		tiles.add(new Tile("opinions.queue.overdue", opinions.count(OpinionFilter.none().withOverdue(true), user),
				"/opinions?overdue=true"));
		return tiles;
	}

}
