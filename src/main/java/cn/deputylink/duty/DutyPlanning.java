package cn.deputylink.duty;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.duty.internal.DutySteps;
import cn.deputylink.duty.internal.Planning;

/**
 * Planning a station's duty days: its settings and a month's (or given days') plan with
 * deputies in fair rotation, drafts unless published at once. Staff of the station's
 * township (county admins: every station) plan; the station's deputies read the settings.
 */
@Service
public class DutyPlanning {

	private final DutySteps steps;

	private final Planning planning;

	DutyPlanning(DutySteps steps, Planning planning) {
		this.steps = steps;
		this.planning = planning;
	}

	@Transactional(readOnly = true)
	public DutySettings settings(long stationId, CurrentUser u) {
		steps.readableStation(stationId, u);
		return steps.settings(stationId);
	}

	@Transactional
	public DutySettings updateSettings(long stationId, @Nullable Integer daysPerMonth, @Nullable Integer deputiesPerDay,
			@Nullable Integer version, CurrentUser u) {
		return planning.updateSettings(stationId, daysPerMonth, deputiesPerDay, version, u);
	}

	/**
	 * Plans a month: new duty days with deputies in rotation (drafts unless published).
	 */
	@Transactional
	public List<DutyDay> plan(long stationId, @Nullable Integer year, @Nullable Integer month,
			@Nullable List<LocalDate> days, boolean publish, CurrentUser u) {
		return planning.plan(stationId, year, month, days, publish, u);
	}

	/**
	 * Plans given days of one year at a station (several months at once, as the demo and
	 * a bulk planning do), with deputies in rotation.
	 */
	@Transactional
	public List<DutyDay> planDays(long stationId, List<LocalDate> days, boolean publish, CurrentUser u) {
		return planning.planDays(steps.station(stationId), days, publish, u);
	}

	/** The active deputies of a station (who may be on duty there). */
	@Transactional(readOnly = true)
	public List<Long> stationDeputies(long stationId) {
		return steps.stationDeputies(stationId);
	}

	/** Days a day is published ahead at least. */
	public int publishLeadDays() {
		return steps.leadDays();
	}

}
