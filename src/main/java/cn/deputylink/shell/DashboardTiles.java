package cn.deputylink.shell;

import java.util.List;

import cn.deputylink.account.CurrentUser;

/**
 * What a module shows on the dashboard: a heading and its tiles (a count and where it
 * leads), for the signed-in user. The shell defines it and the modules implement it, so
 * the shell knows no feature module; each implementation is a Spring bean, shown in bean
 * order.
 */
public interface DashboardTiles {

	/** The message key of this group's heading. */
	String heading();

	/** This module's tiles for {@code user}, in order; empty to show nothing. */
	List<Tile> tiles(CurrentUser user);

	/** One tile: the message key of its label, its count, and the page it links to. */
	record Tile(String label, int count, String href) {
	}

	/** A heading with its tiles, as the dashboard page shows them. */
	record Group(String heading, List<Tile> tiles) {
	}

}
