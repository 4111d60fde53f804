package cn.deputylink.duty;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.duty.internal.Duties;
import cn.deputylink.duty.internal.Feeds;

/**
 * Duty days (值班 / 接待日): planning, edits, publication, swaps, unavailability, the
 * reception form and the iCalendar feeds. Every call checks the caller's scope: county
 * admins everything; township admins and liaison officers their township's stations;
 * deputies read their own days, ask for swaps and declare when they cannot serve.
 */
@Service
public class DutyDays {

	private final Duties duties;

	private final Feeds feeds;

	DutyDays(Duties duties, Feeds feeds) {
		this.duties = duties;
		this.feeds = feeds;
	}

	@Transactional(readOnly = true)
	public DutySettings settings(long stationId, CurrentUser u) {
		duties.readableStation(stationId, u);
		return duties.settings(stationId);
	}

	@Transactional
	public DutySettings updateSettings(long stationId, @Nullable Integer daysPerMonth, @Nullable Integer deputiesPerDay,
			@Nullable Integer version, CurrentUser u) {
		return duties.updateSettings(stationId, daysPerMonth, deputiesPerDay, version, u);
	}

	/**
	 * Plans a month: new duty days with deputies in rotation (drafts unless published).
	 */
	@Transactional
	public List<DutyDay> plan(long stationId, @Nullable Integer year, @Nullable Integer month,
			@Nullable List<LocalDate> days, boolean publish, CurrentUser u) {
		return duties.plan(stationId, year, month, days, publish, u);
	}

	/**
	 * Plans given days of one year at a station (several months at once, as the demo and
	 * a bulk planning do), with deputies in rotation.
	 */
	@Transactional
	public List<DutyDay> planDays(long stationId, List<LocalDate> days, boolean publish, CurrentUser u) {
		return duties.planDays(duties.station(stationId), days, publish, u);
	}

	@Transactional(readOnly = true)
	public List<DutyDay> list(long stationId, @Nullable LocalDate from, @Nullable LocalDate to, CurrentUser u) {
		return duties.list(stationId, from, to, u);
	}

	@Transactional(readOnly = true)
	public DutyDay get(long id, CurrentUser u) {
		return duties.readableDay(id, u);
	}

	@Transactional
	public DutyDay edit(long id, @Nullable LocalDate date, @Nullable List<Long> deputyIds, @Nullable Integer version,
			CurrentUser u) {
		return duties.edit(id, date, deputyIds, version, u);
	}

	@Transactional
	public DutyDay publish(long id, @Nullable Integer version, CurrentUser u) {
		return duties.publish(id, version, u);
	}

	@Transactional
	public DutyDay cancel(long id, @Nullable Integer version, CurrentUser u) {
		return duties.cancel(id, version, u);
	}

	/**
	 * Saves the day's reception form; the day is HELD and its RECEPTION activity
	 * recorded.
	 */
	@Transactional
	public DutyDay recordReception(long id, Reception reception, CurrentUser u) {
		return duties.recordReception(id, reception, u);
	}

	/** The opinions registered at a day's reception. */
	@Transactional(readOnly = true)
	public List<Long> receptionOpinions(long id, CurrentUser u) {
		duties.readableDay(id, u);
		return duties.opinionsOf(id);
	}

	@Transactional
	public SwapRequest requestSwap(long dayId, @Nullable Long fromDeputyId, @Nullable Long toDeputyId,
			@Nullable String note, CurrentUser u) {
		return duties.requestSwap(dayId, fromDeputyId, toDeputyId, note, u);
	}

	@Transactional(readOnly = true)
	public List<SwapRequest> swaps(SwapRequest.@Nullable Status status, CurrentUser u) {
		return duties.swaps(status, u);
	}

	@Transactional
	public SwapRequest decideSwap(long swapId, boolean approve, @Nullable Integer version, CurrentUser u) {
		return duties.decideSwap(swapId, approve, version, u);
	}

	@Transactional(readOnly = true)
	public List<Unavailability> unavailability(long deputyId, CurrentUser u) {
		return duties.unavailability(deputyId, u);
	}

	@Transactional
	public Unavailability declareUnavailable(long deputyId, @Nullable LocalDate from, @Nullable LocalDate to,
			Unavailability.@Nullable Reason reason, @Nullable String note, CurrentUser u) {
		return duties.declareUnavailable(deputyId, from, to, reason, note, u);
	}

	@Transactional
	public void removeUnavailability(long id, CurrentUser u) {
		duties.removeUnavailability(id, u);
	}

	/** A deputy's duty record of a year: days on duty with attendance, days stood in. */
	@Transactional(readOnly = true)
	public List<DeputyDutyDay> record(long deputyId, @Nullable Integer year, CurrentUser u) {
		return duties.record(deputyId, year, u);
	}

	/** A deputy's coming days (a deputy sees no drafts). */
	@Transactional(readOnly = true)
	public List<DutyDay> upcoming(long deputyId, CurrentUser u) {
		return duties.upcomingOfDeputy(deputyId, u);
	}

	/** The public iCalendar feed of a station: published, held and cancelled days. */
	@Transactional(readOnly = true)
	public String stationFeed(long stationId) {
		return feeds.station(stationId);
	}

	/**
	 * The coming days of a station the public may see (published, or cancelled after
	 * publication), for the public station page.
	 */
	@Transactional(readOnly = true)
	public List<DutyDay> publicDays(long stationId, LocalDate from, LocalDate to) {
		return feeds.publicDays(stationId, from, to);
	}

	/** A deputy's private feed; 404 for an unknown or revoked token. */
	@Transactional(readOnly = true)
	public String deputyFeed(String token) {
		return feeds.deputy(token);
	}

	/** A new private feed token for the deputy (returned once; stored hashed). */
	@Transactional
	public String createFeedToken(long deputyId, CurrentUser u) {
		return feeds.createToken(deputyId, u);
	}

	@Transactional
	public boolean revokeFeedToken(long deputyId, CurrentUser u) {
		return feeds.revokeToken(deputyId, u);
	}

	@Transactional(readOnly = true)
	public boolean hasFeedToken(long deputyId, CurrentUser u) {
		return feeds.hasToken(deputyId, u);
	}

	/** Days of these stations in a range with these statuses (no scope: the caller's). */
	@Transactional(readOnly = true)
	public List<DutyDay> daysOfStations(Collection<Long> stationIds, LocalDate from, LocalDate to,
			Collection<DutyStatus> statuses) {
		return duties.daysOfStations(stationIds, from, to, statuses);
	}

	@Transactional(readOnly = true)
	public int pendingSwaps(Collection<Long> stationIds) {
		return duties.pendingSwaps(stationIds);
	}

	/** The active deputies of a station (who may be on duty there). */
	@Transactional(readOnly = true)
	public List<Long> stationDeputies(long stationId) {
		return duties.stationDeputies(stationId);
	}

	public LocalDate today() {
		return duties.today();
	}

	public int publishLeadDays() {
		return duties.leadDays();
	}

}
