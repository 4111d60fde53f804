package cn.deputylink.organisation;

import static cn.deputylink.organisation.RegistryChecks.constrained;
import static cn.deputylink.organisation.RegistryChecks.requireReader;
import static cn.deputylink.organisation.RegistryChecks.requireWriter;
import static cn.deputylink.organisation.RegistryChecks.scoped;
import static cn.deputylink.organisation.RegistryChecks.stale;
import static cn.deputylink.organisation.RegistryChecks.version;
import static cn.deputylink.shared.TextInput.blankToNull;

import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.organisation.Forms.StationForm;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.NotFoundException;

/**
 * Liaison stations with their facilities and the villages each covers, all of one
 * township.
 */
@Service
public class StationService {

	private final Stations stations;

	private final Townships townships;

	private final TownshipService townshipService;

	StationService(Stations stations, Townships townships, TownshipService townshipService) {
		this.stations = stations;
		this.townships = townships;
		this.townshipService = townshipService;
	}

	private Stations.Fields fields(StationForm f, CurrentUser u) {
		long township = Objects.requireNonNull(f.townshipId(), "townshipId is validated @NotNull");
		townshipService.get(township, u);
		List<Long> villageIds = f.villageIdsOrEmpty();
		List<Village> found = townships.villagesByIds(villageIds);
		if (found.size() != villageIds.stream().distinct().count()
				|| found.stream().anyMatch(v -> v.townshipId() != township)) {
			throw new InvalidInputException("villageIds", "station.villagesOutsideTownship");
		}
		return new Stations.Fields(township, f.name().strip(), f.address().strip(), blankToNull(f.openingRule()),
				f.facilitiesOrEmpty(), blankToNull(f.liaisonOfficers()), villageIds);
	}

	@Transactional
	public Station create(StationForm f, CurrentUser u) {
		requireWriter(u);
		Stations.Fields fields = fields(f, u);
		return constrained(() -> stations.find(stations.insert(fields)).orElseThrow());
	}

	@Transactional(readOnly = true)
	public Station get(long id, CurrentUser u) {
		requireReader(u);
		Station s = stations.find(id).orElseThrow(() -> new NotFoundException("station", id));
		u.requireTownship(s.townshipId());
		return s;
	}

	@Transactional(readOnly = true)
	public List<Station> list(ListFilter f, CurrentUser u, long afterId, int limit, int offset) {
		requireReader(u);
		return stations.list(scoped(u, f), afterId, limit, offset);
	}

	@Transactional(readOnly = true)
	public int count(ListFilter f, CurrentUser u) {
		requireReader(u);
		return stations.count(scoped(u, f));
	}

	@Transactional
	public Station update(long id, StationForm f, CurrentUser u) {
		requireWriter(u);
		get(id, u);
		Stations.Fields fields = fields(f, u);
		return constrained(() -> {
			stale(stations.update(id, version(f.version()), fields));
			return stations.find(id).orElseThrow();
		});
	}

	@Transactional
	public void setActive(long id, boolean active, CurrentUser u) {
		requireWriter(u);
		get(id, u);
		constrained(() -> townships.setActive("station", id, active));
	}

	/** A station with deputies attached stays; its village links go with it. */
	@Transactional
	public void delete(long id, CurrentUser u) {
		requireWriter(u);
		Station s = get(id, u);
		if (!s.deputyIds().isEmpty()) {
			throw new ConflictException("registry.referenced");
		}
		constrained(() -> {
			stations.update(id, s.version(), new Stations.Fields(s.townshipId(), s.name(), s.address(), s.openingRule(),
					s.facilities(), s.liaisonOfficers(), List.of()));
			townships.delete("station", id);
		});
	}

}
