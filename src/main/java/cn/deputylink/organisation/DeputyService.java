package cn.deputylink.organisation;

import static cn.deputylink.organisation.RegistryChecks.constrained;
import static cn.deputylink.organisation.RegistryChecks.requireReader;
import static cn.deputylink.organisation.RegistryChecks.requireWriter;
import static cn.deputylink.organisation.RegistryChecks.scoped;
import static cn.deputylink.organisation.RegistryChecks.stale;
import static cn.deputylink.organisation.RegistryChecks.version;
import static cn.deputylink.shared.TextInput.blankToNull;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.audit.AuditLog;
import cn.deputylink.organisation.Forms.DeputyForm;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.NotFoundException;

/**
 * Deputies and the stations they receive constituents at. Personal data leaves masked;
 * the phone in full only through {@link #phone}, which audits every look, granted or
 * refused.
 */
@Service
public class DeputyService {

	private final Deputies deputies;

	private final Stations stations;

	private final Townships townships;

	private final AuditLog audit;

	DeputyService(Deputies deputies, Stations stations, Townships townships, AuditLog audit) {
		this.deputies = deputies;
		this.stations = stations;
		this.townships = townships;
		this.audit = audit;
	}

	private Deputies.Fields fields(DeputyForm f, CurrentUser u) {
		List<Long> stationIds = f.stationIdsOrEmpty();
		Map<Long, Long> townshipOf = stations.townshipsOf(stationIds);
		if (townshipOf.size() != stationIds.stream().distinct().count()) {
			throw new InvalidInputException("stationIds", "deputy.unknownStation");
		}
		if (!u.isCountyAdmin()) {
			if (stationIds.isEmpty() || townshipOf.values().stream().anyMatch(t -> !u.canSeeTownship(t))) {
				throw new AccessDeniedException("stations outside scope");
			}
		}
		return new Deputies.Fields(f.name().strip(), EnumSet.copyOf(f.levels()), blankToNull(f.phone()),
				blankToNull(f.idNumber()), blankToNull(f.constituency()), stationIds);
	}

	@Transactional
	public Deputy create(DeputyForm f, CurrentUser u) {
		requireWriter(u);
		Deputies.Fields fields = fields(f, u);
		return constrained(() -> deputies.find(deputies.insert(fields)).orElseThrow().masked());
	}

	/**
	 * A deputy with personal data in clear, for the checks before a change. Deputies see
	 * their own.
	 */
	private Deputy unmasked(long id, CurrentUser u) {
		Deputy d = deputies.find(id).orElseThrow(() -> new NotFoundException("deputy", id));
		if (u.is(Role.DEPUTY) && Long.valueOf(id).equals(u.deputyId())) {
			return d;
		}
		requireReader(u);
		if (!u.isCountyAdmin() && deputies.townshipsOf(id).stream().noneMatch(u::canSeeTownship)) {
			throw new AccessDeniedException("outside data scope");
		}
		return d;
	}

	/** A deputy, personal data masked. Deputies see their own record. */
	@Transactional(readOnly = true)
	public Deputy get(long id, CurrentUser u) {
		return unmasked(id, u).masked();
	}

	/**
	 * The deputy's phone in full, for the roles that call deputies; every disclosure is
	 * audited. Not read-only, and a refusal commits: the audit line of a refused look is
	 * written in this transaction.
	 */
	@Transactional(noRollbackFor = AccessDeniedException.class)
	public Optional<String> phone(long id, CurrentUser u) {
		Deputy d;
		try {
			requireWriter(u);
			d = unmasked(id, u);
		}
		catch (AccessDeniedException ex) {
			// a refused look at personal data is recorded as well as a granted one
			audit.recordDeniedForCurrentUser("VIEW_PERSONAL_DATA", "deputy/" + id, "phone");
			throw ex;
		}
		audit.recordForCurrentUser("VIEW_PERSONAL_DATA", "deputy/" + id, "phone");
		return Optional.ofNullable(d.phone());
	}

	@Transactional(readOnly = true)
	public List<Deputy> list(ListFilter f, CurrentUser u, long afterId, int limit, int offset) {
		requireReader(u);
		return deputies.list(scoped(u, f), afterId, limit, offset).stream().map(Deputy::masked).toList();
	}

	@Transactional(readOnly = true)
	public int count(ListFilter f, CurrentUser u) {
		requireReader(u);
		return deputies.count(scoped(u, f));
	}

	@Transactional
	public Deputy update(long id, DeputyForm f, CurrentUser u) {
		requireWriter(u);
		unmasked(id, u);
		Deputies.Fields fields = fields(f, u);
		return constrained(() -> {
			stale(deputies.update(id, version(f.version()), fields));
			return deputies.find(id).orElseThrow().masked();
		});
	}

	/**
	 * Updates from an imported row of an export, which masks the phone and leaves out the
	 * ID number: with {@code keepStoredPhone} the phone that came back masked stays as
	 * stored, and the ID number always does.
	 */
	@Transactional
	public Deputy updateKeepingPersonalData(long id, DeputyForm f, boolean keepStoredPhone, CurrentUser u) {
		Deputy stored = unmasked(id, u);
		return update(id, new DeputyForm(f.name(), f.levels(), keepStoredPhone ? stored.phone() : f.phone(),
				stored.idNumber(), f.constituency(), f.stationIds(), f.version()), u);
	}

	@Transactional
	public void setActive(long id, boolean active, CurrentUser u) {
		requireWriter(u);
		unmasked(id, u);
		constrained(() -> townships.setActive("deputy", id, active));
	}

}
