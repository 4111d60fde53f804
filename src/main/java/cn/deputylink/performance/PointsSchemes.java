package cn.deputylink.performance;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.activity.ActivityType;
import cn.deputylink.audit.AuditLog;
import cn.deputylink.performance.internal.PointsStore;
import cn.deputylink.proposal.Evaluation;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.InvalidInputException.FieldError;

/**
 * The county's points scheme: read by admins and deputies (a deputy may know how it is
 * scored), changed by the county admin only. Every item must be given, 0–100; a refused
 * change writes nothing. Published tables keep the scheme they were computed with.
 */
@Service
public class PointsSchemes {

	public static final int MAX_POINTS = 100;

	private final PointsStore store;

	private final AuditLog audit;

	PointsSchemes(PointsStore store, AuditLog audit) {
		this.store = store;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public PointsScheme get(CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN, Role.DEPUTY);
		return store.scheme();
	}

	/** What a client sends: any field may be missing (400). */
	public record Change(@Nullable Map<String, @Nullable Integer> activity, @Nullable Integer dutyAttended,
			@Nullable Integer dutyAbsent, @Nullable Integer proposalLed, @Nullable Integer proposalCoSigned,
			@Nullable Map<String, @Nullable Integer> evaluation, @Nullable Integer opinionReceived) {
	}

	@Transactional
	public PointsScheme update(Change c, CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN);
		List<FieldError> errors = new ArrayList<>();
		Map<ActivityType, Integer> activity = new EnumMap<>(ActivityType.class);
		for (ActivityType t : ActivityType.values()) {
			Integer v = c.activity() == null ? null : c.activity().get(t.name());
			activity.put(t, check("activity." + t.name(), v, errors));
		}
		if (c.activity() != null) {
			for (String k : c.activity().keySet()) {
				if (!isType(k)) {
					errors.add(new FieldError("activity." + k, "performance.error.item"));
				}
			}
		}
		Map<Evaluation, Integer> evaluation = new EnumMap<>(Evaluation.class);
		for (Evaluation e : Evaluation.values()) {
			Integer v = c.evaluation() == null ? null : c.evaluation().get(e.name());
			evaluation.put(e, check("evaluation." + e.name(), v, errors));
		}
		if (c.evaluation() != null) {
			for (String k : c.evaluation().keySet()) {
				if (!isEvaluation(k)) {
					errors.add(new FieldError("evaluation." + k, "performance.error.item"));
				}
			}
		}
		PointsScheme s = new PointsScheme(activity, check("dutyAttended", c.dutyAttended(), errors),
				check("dutyAbsent", c.dutyAbsent(), errors), check("proposalLed", c.proposalLed(), errors),
				check("proposalCoSigned", c.proposalCoSigned(), errors), evaluation,
				check("opinionReceived", c.opinionReceived(), errors));
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		store.saveScheme(s);
		audit.record(u.getUsername(), "POINTS_SCHEME", "points/scheme", "SUCCESS", PointsStore.text(s), null);
		return store.scheme();
	}

	private static int check(String field, @Nullable Integer v, List<FieldError> errors) {
		if (v == null) {
			errors.add(new FieldError(field, "performance.error.required"));
			return 0;
		}
		if (v < 0 || v > MAX_POINTS) {
			errors.add(new FieldError(field, "performance.error.points", 0, MAX_POINTS));
			return 0;
		}
		return v;
	}

	private static boolean isType(String k) {
		for (ActivityType t : ActivityType.values()) {
			if (t.name().equals(k)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isEvaluation(String k) {
		for (Evaluation e : Evaluation.values()) {
			if (e.name().equals(k)) {
				return true;
			}
		}
		return false;
	}

}
