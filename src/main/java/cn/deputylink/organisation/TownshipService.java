package cn.deputylink.organisation;

import static cn.deputylink.organisation.RegistryChecks.constrained;
import static cn.deputylink.organisation.RegistryChecks.requireReader;
import static cn.deputylink.organisation.RegistryChecks.scoped;
import static cn.deputylink.organisation.RegistryChecks.stale;
import static cn.deputylink.organisation.RegistryChecks.version;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.organisation.Forms.TownshipForm;
import cn.deputylink.shared.NotFoundException;

/**
 * Townships: the county admin keeps them; every reader sees the townships of its scope,
 * so changing an id in a URL reaches nothing outside it (403).
 */
@Service
public class TownshipService {

	private final Townships townships;

	TownshipService(Townships townships) {
		this.townships = townships;
	}

	@Transactional
	public Township create(TownshipForm f, CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN);
		return constrained(() -> townships.find(townships.insert(f.code().strip(), f.name().strip())).orElseThrow());
	}

	@Transactional(readOnly = true)
	public Township get(long id, CurrentUser u) {
		requireReader(u);
		Township t = townships.find(id).orElseThrow(() -> new NotFoundException("township", id));
		u.requireTownship(t.id());
		return t;
	}

	@Transactional(readOnly = true)
	public List<Township> list(ListFilter f, CurrentUser u, long afterId, int limit, int offset) {
		requireReader(u);
		return townships.list(scoped(u, f), afterId, limit, offset);
	}

	@Transactional(readOnly = true)
	public int count(ListFilter f, CurrentUser u) {
		requireReader(u);
		return townships.count(scoped(u, f));
	}

	/** Every township, for menus and the directory: no user's scope applies. */
	@Transactional(readOnly = true)
	public List<Township> all() {
		return townships.all();
	}

	@Transactional
	public Township update(long id, TownshipForm f, CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN);
		get(id, u);
		return constrained(() -> {
			stale(townships.update(id, version(f.version()), f.code().strip(), f.name().strip()));
			return townships.find(id).orElseThrow();
		});
	}

	@Transactional
	public void setActive(long id, boolean active, CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN);
		get(id, u);
		constrained(() -> townships.setActive("township", id, active));
	}

	@Transactional
	public void delete(long id, CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN);
		get(id, u);
		constrained(() -> townships.delete("township", id));
	}

}
