package cn.deputylink.duty.web;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import cn.deputylink.duty.DutyDay;
import cn.deputylink.duty.DutyFeeds;
import cn.deputylink.duty.DutyQueries;
import cn.deputylink.duty.DutyStatus;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.organisation.Station;
import cn.deputylink.shared.NotFoundException;

/**
 * The public station page: where it is and its coming published opening days with the
 * deputies on duty (drafts never), and its calendar feed.
 */
@Controller
class PublicDutyPages {

	private final DutyQueries queries;

	private final DutyFeeds feeds;

	private final RegistryLookup registry;

	PublicDutyPages(DutyQueries queries, DutyFeeds feeds, RegistryLookup registry) {
		this.queries = queries;
		this.feeds = feeds;
		this.registry = registry;
	}

	@GetMapping("/public/stations")
	String stations(Model model) {
		model.addAttribute("stations", registry.stationsOf(null));
		return "public/stations";
	}

	@GetMapping("/public/stations/{id}")
	String station(@PathVariable String id, Model model) {
		long stationId;
		try {
			stationId = Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			throw new NotFoundException("station", id);
		}
		Station station = registry.station(stationId)
			.filter(Station::active)
			.orElseThrow(() -> new NotFoundException("station", id));
		List<DutyDay> days = feeds.publicDays(stationId, queries.today(), queries.today().plusMonths(3))
			.stream()
			.filter(d -> d.status() != DutyStatus.HELD)
			.toList();
		Set<Long> deputies = new HashSet<>();
		days.forEach(d -> deputies.addAll(d.deputyIds()));
		Map<Long, String> names = registry.deputyNames(deputies);
		Map<Long, String> onDuty = new LinkedHashMap<>();
		days.forEach(d -> onDuty.put(d.id(),
				String.join("、", d.deputyIds().stream().map(x -> names.getOrDefault(x, "")).toList())));
		model.addAttribute("station", station);
		model.addAttribute("days", days);
		model.addAttribute("onDuty", onDuty);
		model.addAttribute("township", registry.townshipNames(List.of(station.townshipId())).get(station.townshipId()));
		return "public/station";
	}

}
