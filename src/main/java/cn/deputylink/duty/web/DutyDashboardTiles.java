package cn.deputylink.duty.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.duty.DutyDay;
import cn.deputylink.duty.DutyQueries;
import cn.deputylink.duty.DutyStatus;
import cn.deputylink.duty.DutySwaps;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.organisation.Station;
import cn.deputylink.shell.DashboardTiles;

/**
 * Duty on the dashboard: for a liaison officer or township admin the days to the next
 * duty day of their stations and the swap requests to decide; for a deputy the days to
 * their next duty day.
 */
@Component
class DutyDashboardTiles implements DashboardTiles {

	private final DutySwaps swaps;

	private final DutyQueries queries;

	private final RegistryLookup registry;

	DutyDashboardTiles(DutySwaps swaps, DutyQueries queries, RegistryLookup registry) {
		this.swaps = swaps;
		this.queries = queries;
		this.registry = registry;
	}

	@Override
	public String heading() {
		return "duty.tiles.heading";
	}

	@Override
	public List<Tile> tiles(CurrentUser user) {
		LocalDate today = queries.today();
		List<Tile> tiles = new ArrayList<>();
		if (user.is(Role.DEPUTY) && user.deputyId() != null) {
			queries.upcoming(user.deputyId(), user)
				.stream()
				.filter(d -> d.status() == DutyStatus.PUBLISHED)
				.findFirst()
				.ifPresent(d -> tiles
					.add(new Tile("duty.tiles.myNext", (int) ChronoUnit.DAYS.between(today, d.date()), "/duty/me")));
			return tiles;
		}
		if (!user.role().townshipScoped() || user.townshipId() == null) {
			return tiles;
		}
		List<Long> stations = user.stationId() != null ? List.of(user.stationId())
				: registry.stationsOf(user.townshipId()).stream().map(Station::id).toList();
		List<DutyDay> next = queries.daysOfStations(stations, today, today.plusMonths(3),
				EnumSet.of(DutyStatus.DRAFT, DutyStatus.PUBLISHED));
		if (!next.isEmpty()) {
			DutyDay d = next.get(0);
			tiles.add(new Tile("duty.tiles.next", (int) ChronoUnit.DAYS.between(today, d.date()),
					"/duty/days/" + d.id()));
		}
		tiles.add(new Tile("duty.tiles.swaps", swaps.pendingSwaps(stations),
				user.stationId() != null ? "/duty/stations/" + user.stationId() : "/duty"));
		return tiles;
	}

}
