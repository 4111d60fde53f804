package cn.deputylink.organisation;

import static cn.deputylink.organisation.RegistryChecks.constrained;
import static cn.deputylink.organisation.RegistryChecks.requireReader;
import static cn.deputylink.organisation.RegistryChecks.requireWriter;
import static cn.deputylink.organisation.RegistryChecks.scoped;
import static cn.deputylink.organisation.RegistryChecks.stale;
import static cn.deputylink.organisation.RegistryChecks.version;

import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.organisation.Forms.VillageForm;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.NotFoundException;

/** Villages (communities) of a township; a village never moves to another township. */
@Service
public class VillageService {

	private final Townships townships;

	private final TownshipService townshipService;

	VillageService(Townships townships, TownshipService townshipService) {
		this.townships = townships;
		this.townshipService = townshipService;
	}

	@Transactional
	public Village create(VillageForm f, CurrentUser u) {
		requireWriter(u);
		long township = Objects.requireNonNull(f.townshipId(), "townshipId is validated @NotNull");
		townshipService.get(township, u);
		return constrained(
				() -> townships.findVillage(townships.insertVillage(township, f.name().strip())).orElseThrow());
	}

	@Transactional(readOnly = true)
	public Village get(long id, CurrentUser u) {
		requireReader(u);
		Village v = townships.findVillage(id).orElseThrow(() -> new NotFoundException("village", id));
		u.requireTownship(v.townshipId());
		return v;
	}

	@Transactional(readOnly = true)
	public List<Village> list(ListFilter f, CurrentUser u, long afterId, int limit, int offset) {
		requireReader(u);
		return townships.listVillages(scoped(u, f), afterId, limit, offset);
	}

	@Transactional(readOnly = true)
	public int count(ListFilter f, CurrentUser u) {
		requireReader(u);
		return townships.countVillages(scoped(u, f));
	}

	@Transactional(readOnly = true)
	public List<Village> ofTownship(long townshipId, CurrentUser u) {
		townshipService.get(townshipId, u);
		return townships.villagesOf(townshipId);
	}

	@Transactional
	public Village update(long id, VillageForm f, CurrentUser u) {
		requireWriter(u);
		Village v = get(id, u);
		if (!Long.valueOf(v.townshipId()).equals(f.townshipId())) {
			throw new InvalidInputException("townshipId", "village.cannotMove");
		}
		return constrained(() -> {
			stale(townships.updateVillage(id, version(f.version()), f.name().strip()));
			return townships.findVillage(id).orElseThrow();
		});
	}

	@Transactional
	public void setActive(long id, boolean active, CurrentUser u) {
		requireWriter(u);
		get(id, u);
		constrained(() -> townships.setActive("village", id, active));
	}

	@Transactional
	public void delete(long id, CurrentUser u) {
		requireWriter(u);
		get(id, u);
		constrained(() -> townships.delete("village", id));
	}

}
