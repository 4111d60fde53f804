package cn.deputylink.duty.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.duty.DutyDay;
import cn.deputylink.duty.DutyStatus;
import cn.deputylink.duty.SwapRequest;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.organisation.Station;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.InvalidInputException.FieldError;
import cn.deputylink.shared.NotFoundException;
import cn.deputylink.shared.TextInput;

/**
 * Swap requests: a deputy on duty (or staff for them) asks that another deputy of the
 * station take the day; the liaison officer or township approves (the day's deputies
 * change through {@link DayEdits}) or refuses.
 */
@Component
public class Swaps {

	private final DutySteps steps;

	private final SwapRows rows;

	private final DayEdits edits;

	private final DutyNotices notices;

	private final RegistryLookup registry;

	Swaps(DutySteps steps, SwapRows rows, DayEdits edits, DutyNotices notices, RegistryLookup registry) {
		this.steps = steps;
		this.rows = rows;
		this.edits = edits;
		this.notices = notices;
		this.registry = registry;
	}

	public SwapRequest request(long dayId, @Nullable Long fromDeputyId, @Nullable Long toDeputyId,
			@Nullable String note, CurrentUser u) {
		DutyDayCase c = steps.load(dayId);
		DutyDay d = c.state();
		Station s = steps.station(d.stationId());
		long from;
		if (u.is(Role.DEPUTY) && u.deputyId() != null) {
			if (!d.deputyIds().contains(u.deputyId())) {
				throw new AccessDeniedException("not on duty");
			}
			if (fromDeputyId != null && !fromDeputyId.equals(u.deputyId())) {
				throw new AccessDeniedException("swap for another");
			}
			from = u.deputyId();
		}
		else if (DutySteps.isStaffFor(s, u)) {
			if (fromDeputyId == null) {
				throw new InvalidInputException("fromDeputyId", "validation.required");
			}
			from = fromDeputyId;
		}
		else {
			throw new AccessDeniedException("duty scope");
		}
		c.requireEditable();
		String n = TextInput.blankToNull(note);
		List<FieldError> errors = new ArrayList<>();
		if (!d.deputyIds().contains(from)) {
			errors.add(new FieldError("fromDeputyId", "duty.error.notOnDuty"));
		}
		if (toDeputyId == null) {
			errors.add(new FieldError("toDeputyId", "validation.required"));
		}
		else if (!registry.activeDeputiesOfStation(d.stationId()).contains(toDeputyId)
				|| d.deputyIds().contains(toDeputyId)) {
			errors.add(new FieldError("toDeputyId", "duty.error.swapTarget"));
		}
		if (n != null && n.length() > 500) {
			errors.add(new FieldError("note", "validation.size.max", 500));
		}
		if (!errors.isEmpty() || toDeputyId == null) {
			throw new InvalidInputException(errors);
		}
		if (rows.pendingSwapExists(dayId, from)) {
			throw new ConflictException("duty.error.swapPending");
		}
		long id = rows.insertSwap(dayId, from, toDeputyId, n, u.id(), steps.now());
		notices.swapRequested(s, d, steps.deputyName(from), steps.deputyName(toDeputyId));
		return rows.swap(id).orElseThrow();
	}

	public List<SwapRequest> list(SwapRequest.@Nullable Status status, CurrentUser u) {
		if (u.is(Role.DEPUTY) && u.deputyId() != null) {
			return rows.swaps(null, u.deputyId(), status);
		}
		if (u.isCountyAdmin()) {
			return rows.swaps(null, null, status);
		}
		if (u.role().townshipScoped()) {
			return rows.swaps(registry.stationsOf(u.townshipId()).stream().map(Station::id).toList(), null, status);
		}
		throw new AccessDeniedException("duty scope");
	}

	public SwapRequest decide(long swapId, boolean approve, @Nullable Integer version, CurrentUser u) {
		SwapRequest s = rows.swap(swapId).orElseThrow(() -> new NotFoundException("swap", swapId));
		DutyDayCase c = steps.staffDay(s.dutyDayId(), u);
		DutyDay d = c.state();
		if (s.status() != SwapRequest.Status.PENDING) {
			throw new ConflictException("duty.error.swapDecided");
		}
		if (version != null && version != s.version()) {
			throw new ConflictException("duty.error.stale");
		}
		if (approve) {
			c.requireEditable();
			if (!d.deputyIds().contains(s.fromDeputyId()) || d.deputyIds().contains(s.toDeputyId())) {
				throw new ConflictException("duty.error.swapOutdated");
			}
			List<Long> deputies = new ArrayList<>(d.deputyIds());
			deputies.remove(s.fromDeputyId());
			deputies.add(s.toDeputyId());
			edits.edit(d.id(), null, deputies, d.version(), u);
		}
		if (!rows.decideSwap(swapId, s.version(), approve ? SwapRequest.Status.APPROVED : SwapRequest.Status.REFUSED,
				u.id(), steps.now())) {
			throw new ConflictException("duty.error.stale");
		}
		if (!approve || d.status() != DutyStatus.PUBLISHED) {
			// a published day's approval is notified as its change
			notices.toDeputies(steps.day(d.id()), List.of(s.fromDeputyId(), s.toDeputyId()),
					approve ? "duty.notice.swapApproved" : "duty.notice.swapRefused");
		}
		return rows.swap(swapId).orElseThrow();
	}

	public int pending(Collection<Long> stationIds) {
		return rows.pendingSwaps(stationIds);
	}

}
