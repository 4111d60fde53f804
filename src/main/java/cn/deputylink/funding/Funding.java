package cn.deputylink.funding;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.audit.AuditLog;
import cn.deputylink.funding.internal.FundingStore;
import cn.deputylink.funding.internal.FundingStore.BudgetRow;
import cn.deputylink.funding.internal.FundingStore.ExpenditureRow;
import cn.deputylink.funding.internal.FundingStore.RewardRow;
import cn.deputylink.funding.internal.Money;
import cn.deputylink.funding.internal.ReceiptRules;
import cn.deputylink.funding.internal.RewardCalculator;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.organisation.Station;
import cn.deputylink.organisation.Township;
import cn.deputylink.shared.ConflictException;
import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.shared.NotFoundException;
import cn.deputylink.shared.Upload;
import cn.deputylink.targets.TownshipTargets;

/**
 * The townships' money: county admins see and change all of it, a township admin sees its
 * own township and books its expenditures; every other role 403. A year's balance of a
 * township is its budget + its APPROVED rewards of that year − its expenditures of that
 * year not voided, and a booking that would make it negative is refused (400).
 */
@Service
public class Funding {

	public static final int MIN_YEAR = 2000;

	public static final int MAX_YEAR = 2100;

	private final FundingStore store;

	private final ReceiptRules receiptRules;

	private final RegistryLookup registry;

	private final TownshipTargets targets;

	private final AuditLog audit;

	private final Clock clock;

	private final ZoneId zone;

	private final BigDecimal defaultBudget;

	private final BigDecimal rewardMin;

	private final BigDecimal rewardMax;

	Funding(FundingStore store, ReceiptRules receiptRules, RegistryLookup registry, TownshipTargets targets,
			AuditLog audit, Clock clock, @Value("${deputylink.zone:Asia/Shanghai}") ZoneId zone,
			@Value("${deputylink.funding.default-budget:50000.00}") BigDecimal defaultBudget,
			@Value("${deputylink.funding.reward-min:30000.00}") BigDecimal rewardMin,
			@Value("${deputylink.funding.reward-max:50000.00}") BigDecimal rewardMax) {
		this.store = store;
		this.receiptRules = receiptRules;
		this.registry = registry;
		this.targets = targets;
		this.audit = audit;
		this.clock = clock;
		this.zone = zone;
		this.defaultBudget = Money.check("defaultBudget", defaultBudget, true);
		this.rewardMin = Money.check("rewardMin", rewardMin, true);
		this.rewardMax = Money.check("rewardMax", rewardMax, true);
		if (this.rewardMin.compareTo(this.rewardMax) > 0) {
			throw new IllegalStateException("deputylink.funding.reward-min above reward-max");
		}
	}

	/** The default budget of a township without its own for the year. */
	public BigDecimal defaultBudget() {
		return defaultBudget;
	}

	/** The range of a reward's amount: the assessment's lowest and best excellent. */
	public List<BigDecimal> rewardRange() {
		return List.of(rewardMin, rewardMax);
	}

	/** The year (default: the current one) checked: 400 outside 2000–2100. */
	public int year(@Nullable Integer year) {
		return year == null ? today().getYear() : checkYear(year);
	}

	/** Whether no budget, reward or expenditure is stored yet (for the demo county). */
	@Transactional(readOnly = true)
	public boolean holdsNothing() {
		return store.holdsNothing();
	}

	// ------------------------------------------------------------------ reading

	/** The year's figures of every active township in the user's scope, by name. */
	@Transactional(readOnly = true)
	public List<TownshipFunding> overview(@Nullable Integer year, CurrentUser u) {
		requireStaff(u);
		int y = year(year);
		Map<Long, BudgetRow> budgets = store.budgets(y);
		Map<Long, BigDecimal> rewards = store.approvedRewards(y);
		Map<Long, BigDecimal> spent = store.spent(y);
		return registry.activeTownships()
			.stream()
			.filter(t -> u.canSeeTownship(t.id()))
			.map(t -> figures(t, y, budgets.get(t.id()), rewards.get(t.id()), spent.get(t.id())))
			.toList();
	}

	/**
	 * One township's year with its rewards and expenditures: 403 another township, 404
	 * unknown.
	 */
	@Transactional(readOnly = true)
	public FundingDetail township(long townshipId, @Nullable Integer year, CurrentUser u) {
		requireStaff(u);
		Township t = visibleTownship(townshipId, u);
		int y = year(year);
		List<ExpenditureRow> rows = store.expenditures(y, townshipId);
		Map<Long, List<Receipt>> receipts = store.receipts(rows.stream().map(ExpenditureRow::id).toList());
		Map<Long, String> stationNames = registry
			.stationNames(rows.stream().map(ExpenditureRow::stationId).filter(Objects::nonNull).distinct().toList());
		List<Expenditure> expenditures = rows.stream()
			.map(r -> expenditure(r, stationNames, receipts.getOrDefault(r.id(), List.of())))
			.toList();
		Map<@Nullable Long, BigDecimal> byStation = new LinkedHashMap<>();
		Map<Purpose, BigDecimal> byPurpose = new EnumMap<>(Purpose.class);
		for (Expenditure e : expenditures) {
			if (!e.voided()) {
				byStation.merge(e.stationId(), e.amount(), BigDecimal::add);
				byPurpose.merge(e.purpose(), e.amount(), BigDecimal::add);
			}
		}
		List<FundingDetail.StationSpent> stations = new ArrayList<>();
		byStation.forEach((id, amount) -> stations
			.add(new FundingDetail.StationSpent(id, id == null ? null : stationNames.get(id), amount)));
		stations.sort(Comparator.comparing(FundingDetail.StationSpent::amount).reversed());
		List<FundingDetail.PurposeSpent> purposes = new ArrayList<>();
		byPurpose.forEach((p, amount) -> purposes.add(new FundingDetail.PurposeSpent(p, amount)));
		return new FundingDetail(summary(t, y), rewards(t, y), expenditures, stations, purposes);
	}

	/** The year's rewards of the townships in the user's scope, best rank first. */
	@Transactional(readOnly = true)
	public List<Reward> rewards(@Nullable Integer year, CurrentUser u) {
		requireStaff(u);
		int y = year(year);
		List<RewardRow> rows = store.rewards(y, u.isCountyAdmin() ? null : u.townshipId());
		Map<Long, String> names = registry.townshipNames(rows.stream().map(RewardRow::townshipId).toList());
		return rows.stream()
			.filter(r -> u.canSeeTownship(r.townshipId()))
			.map(r -> reward(r, names.getOrDefault(r.townshipId(), "")))
			.toList();
	}

	/** The year's expenditures in the user's scope (for the export), newest first. */
	@Transactional(readOnly = true)
	public List<Expenditure> expenditures(@Nullable Integer year, CurrentUser u) {
		requireStaff(u);
		int y = year(year);
		List<ExpenditureRow> rows = store.expenditures(y, u.isCountyAdmin() ? null : u.townshipId());
		Map<Long, String> stationNames = registry
			.stationNames(rows.stream().map(ExpenditureRow::stationId).filter(Objects::nonNull).distinct().toList());
		return rows.stream()
			.filter(r -> u.canSeeTownship(r.townshipId()))
			.map(r -> expenditure(r, stationNames, List.of()))
			.toList();
	}

	/** A receipt of an expenditure the user may see; 404 unknown. */
	@Transactional(readOnly = true)
	public Receipt receipt(long expenditureId, long receiptId, CurrentUser u) {
		visibleExpenditure(expenditureId, u);
		return store.receipt(expenditureId, receiptId).orElseThrow(() -> new NotFoundException("receipt", receiptId));
	}

	@Transactional(readOnly = true)
	public byte[] receiptData(Receipt r) {
		return store.receiptData(r.id());
	}

	// ------------------------------------------------------------------ budgets

	/**
	 * County admin: a township's budget of a year (400 negative, above 10,000,000, more
	 * than two decimals, or below what is already spent beyond the rewards; 404 unknown
	 * township; 409 stale {@code version} — 0 while the township has the default).
	 */
	@Transactional
	public TownshipFunding setBudget(long townshipId, int year, @Nullable BigDecimal amount, @Nullable String note,
			@Nullable Integer version, CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN);
		Township t = registry.township(townshipId).orElseThrow(() -> new NotFoundException("township", townshipId));
		int y = checkYear(year);
		BigDecimal a = Money.check("amount", amount, true);
		String n = optionalText("note", note, 500);
		if (version == null) {
			throw new InvalidInputException("version", "validation.required");
		}
		store.lock(townshipId, y);
		TownshipFunding before = summary(t, y);
		if (before.budgetVersion() != version) {
			throw new ConflictException("funding.budget.changed");
		}
		BigDecimal committed = before.spent().subtract(before.rewards());
		if (a.compareTo(committed) < 0) {
			throw new InvalidInputException("amount", "funding.budget.belowSpent", Money.format(before.spent()));
		}
		store.saveBudget(townshipId, y, a, n, version, u.getUsername(), now());
		audit.recordForCurrentUser("funding.budget.set", "funding/" + y + "/township/" + townshipId, a.toPlainString());
		return summary(t, y);
	}

	// ------------------------------------------------------------------ rewards

	/**
	 * County admin: proposes the rewards of a year from its assessment — one for each
	 * EXCELLENT township, as {@link RewardCalculator} computes it — replacing the
	 * PROPOSED ones; an APPROVED or REJECTED reward stays as it is.
	 */
	@Transactional
	public List<Reward> proposeRewards(@Nullable Integer year, CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN);
		if (year == null) {
			throw new InvalidInputException("year", "validation.required");
		}
		int y = checkYear(year);
		List<RewardCalculator.Proposal> proposals = RewardCalculator.propose(targets.results(y), rewardMin, rewardMax);
		store.deleteProposed(y);
		OffsetDateTime now = now();
		for (RewardCalculator.Proposal p : proposals) {
			// on conflict do nothing: a township's decided reward stays
			store.insertReward(p.townshipId(), y, p.amount(), p.score(), p.grade(), p.rank(), u.getUsername(), now);
		}
		audit.recordForCurrentUser("funding.reward.propose", "funding/" + y, proposals.size() + " excellent");
		return rewards(y, u);
	}

	/**
	 * County admin: approves a PROPOSED reward, at {@code amount} if given (within the
	 * reward range, two decimals at most); 404 unknown, 409 decided or stale.
	 */
	@Transactional
	public Reward approve(long rewardId, @Nullable BigDecimal amount, @Nullable Integer version, CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN);
		RewardRow r = store.reward(rewardId).orElseThrow(() -> new NotFoundException("reward", rewardId));
		BigDecimal a = amount == null ? r.amount() : Money.check("amount", amount, true);
		if (a.compareTo(rewardMin) < 0 || a.compareTo(rewardMax) > 0) {
			throw new InvalidInputException("amount", "funding.reward.range", Money.format(rewardMin),
					Money.format(rewardMax));
		}
		if (version == null) {
			throw new InvalidInputException("version", "validation.required");
		}
		store.decide(rewardId, RewardStatus.APPROVED, a, r.note(), version, u.getUsername(), now());
		audit.recordForCurrentUser("funding.reward.approve", "funding/reward/" + rewardId, a.toPlainString());
		return reward(rewardId);
	}

	/**
	 * County admin: rejects a PROPOSED reward with a note; 404 unknown, 409 decided or
	 * stale.
	 */
	@Transactional
	public Reward reject(long rewardId, @Nullable String note, @Nullable Integer version, CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN);
		RewardRow r = store.reward(rewardId).orElseThrow(() -> new NotFoundException("reward", rewardId));
		String n = requiredText("note", note, 500);
		if (version == null) {
			throw new InvalidInputException("version", "validation.required");
		}
		store.decide(rewardId, RewardStatus.REJECTED, r.amount(), n, version, u.getUsername(), now());
		audit.recordForCurrentUser("funding.reward.reject", "funding/reward/" + rewardId, n);
		return reward(rewardId);
	}

	// ------------------------------------------------------------------ expenditures

	/**
	 * Books an expenditure with its receipts: a county admin for any township, a township
	 * admin for its own (403 otherwise); 400 for a bad field, a day in the future, or an
	 * amount above the year's balance (nothing is written).
	 */
	@Transactional
	public Expenditure book(NewExpenditure e, List<Upload> receipts, CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);
		List<InvalidInputException.FieldError> errors = new ArrayList<>();
		Long townshipId = e.townshipId();
		Long stationId = e.stationId();
		if (stationId != null) {
			Station s = registry.station(stationId).orElse(null);
			if (s == null) {
				errors.add(new InvalidInputException.FieldError("stationId", "funding.expenditure.station"));
			}
			else if (townshipId != null && townshipId != s.townshipId()) {
				errors.add(new InvalidInputException.FieldError("stationId", "funding.expenditure.stationTownship"));
			}
			else {
				townshipId = s.townshipId();
			}
		}
		if (townshipId == null) {
			townshipId = u.isCountyAdmin() ? null : u.townshipId();
		}
		if (townshipId == null) {
			errors.add(new InvalidInputException.FieldError("townshipId", "validation.required"));
		}
		else if (registry.township(townshipId).isEmpty()) {
			errors.add(new InvalidInputException.FieldError("townshipId", "funding.expenditure.township"));
		}
		else if (!u.canSeeTownship(townshipId)) {
			throw new AccessDeniedException("not the user's township");
		}
		LocalDate day = e.spentOn();
		if (day == null) {
			errors.add(new InvalidInputException.FieldError("spentOn", "validation.required"));
		}
		else if (day.isAfter(today()) || day.getYear() < MIN_YEAR) {
			errors.add(new InvalidInputException.FieldError("spentOn", "funding.expenditure.day"));
		}
		BigDecimal amount = null;
		try {
			amount = Money.check("amount", e.amount(), false);
		}
		catch (InvalidInputException ex) {
			errors.addAll(ex.errors());
		}
		if (e.purpose() == null) {
			errors.add(new InvalidInputException.FieldError("purpose", "validation.required"));
		}
		String description = e.description() == null ? "" : e.description().strip();
		if (description.isEmpty() || description.length() > 500) {
			errors.add(new InvalidInputException.FieldError("description", "funding.expenditure.description"));
		}
		String payee = e.payee() == null || e.payee().isBlank() ? null : e.payee().strip();
		if (payee != null && payee.length() > 200) {
			errors.add(new InvalidInputException.FieldError("payee", "funding.expenditure.payee"));
		}
		if (!errors.isEmpty() || townshipId == null || day == null || amount == null || e.purpose() == null) {
			throw new InvalidInputException(errors);
		}
		List<ReceiptRules.Checked> files = receiptRules.check(receipts, 0);
		int y = day.getYear();
		store.lock(townshipId, y);
		Township t = registry.township(townshipId).orElseThrow();
		BigDecimal balance = summary(t, y).balance();
		if (amount.compareTo(balance) > 0) {
			throw new InvalidInputException("amount", "funding.expenditure.overBalance", Money.format(balance), y);
		}
		OffsetDateTime now = now();
		long id = store.insertExpenditure(townshipId, stationId, day, amount, e.purpose(), description, payee,
				u.getUsername(), now);
		for (ReceiptRules.Checked f : files) {
			store.insertReceipt(id, f.name(), f.type(), f.bytes(), f.sha256(), u.getUsername(), now);
		}
		audit.recordForCurrentUser("funding.expenditure.book", "funding/expenditure/" + id,
				amount.toPlainString() + " " + e.purpose());
		return loadExpenditure(id);
	}

	/**
	 * Voids an expenditure with a reason (same scope as booking); 409 voided or stale.
	 */
	@Transactional
	public Expenditure voidExpenditure(long id, @Nullable String reason, @Nullable Integer version, CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);
		visibleExpenditure(id, u);
		String r = requiredText("reason", reason, 500);
		if (version == null) {
			throw new InvalidInputException("version", "validation.required");
		}
		store.voidExpenditure(id, r, version, u.getUsername(), now());
		audit.recordForCurrentUser("funding.expenditure.void", "funding/expenditure/" + id, r);
		return loadExpenditure(id);
	}

	/** Adds receipts to an expenditure not voided (same scope as booking). */
	@Transactional
	public Expenditure addReceipts(long id, List<Upload> receipts, CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);
		ExpenditureRow row = visibleExpenditure(id, u);
		if (row.voided()) {
			throw new ConflictException("funding.expenditure.voided");
		}
		int existing = store.receipts(List.of(id)).getOrDefault(id, List.of()).size();
		List<ReceiptRules.Checked> files = receiptRules.check(receipts, existing);
		if (files.isEmpty()) {
			throw new InvalidInputException("receipts", "validation.required");
		}
		OffsetDateTime now = now();
		for (ReceiptRules.Checked f : files) {
			store.insertReceipt(id, f.name(), f.type(), f.bytes(), f.sha256(), u.getUsername(), now);
		}
		audit.recordForCurrentUser("funding.receipt.add", "funding/expenditure/" + id, files.size() + " receipts");
		return loadExpenditure(id);
	}

	/** One expenditure the user may see: 404 unknown, 403 another township. */
	@Transactional(readOnly = true)
	public Expenditure expenditure(long id, CurrentUser u) {
		visibleExpenditure(id, u);
		return loadExpenditure(id);
	}

	// ------------------------------------------------------------------ helpers

	private static void requireStaff(CurrentUser u) {
		u.requireRole(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);
	}

	private Township visibleTownship(long townshipId, CurrentUser u) {
		if (!u.canSeeTownship(townshipId)) {
			throw new AccessDeniedException("not the user's township");
		}
		return registry.township(townshipId).orElseThrow(() -> new NotFoundException("township", townshipId));
	}

	private ExpenditureRow visibleExpenditure(long id, CurrentUser u) {
		requireStaff(u);
		ExpenditureRow row = store.expenditure(id).orElseThrow(() -> new NotFoundException("expenditure", id));
		if (!u.canSeeTownship(row.townshipId())) {
			throw new AccessDeniedException("not the user's township");
		}
		return row;
	}

	private Expenditure loadExpenditure(long id) {
		ExpenditureRow row = store.expenditure(id).orElseThrow(() -> new NotFoundException("expenditure", id));
		Long station = row.stationId();
		Map<Long, String> names = station == null ? Map.of() : registry.stationNames(List.of(station));
		return expenditure(row, names, store.receipts(List.of(id)).getOrDefault(id, List.of()));
	}

	private Reward reward(long id) {
		RewardRow r = store.reward(id).orElseThrow(() -> new NotFoundException("reward", id));
		return reward(r, registry.township(r.townshipId()).map(Township::name).orElse(""));
	}

	private List<Reward> rewards(Township t, int year) {
		return store.rewards(year, t.id()).stream().map(r -> reward(r, t.name())).toList();
	}

	private TownshipFunding summary(Township t, int year) {
		return figures(t, year, store.budgets(year).get(t.id()), store.approvedRewards(year).get(t.id()),
				store.spent(year).get(t.id()));
	}

	private TownshipFunding figures(Township t, int year, @Nullable BudgetRow budget, @Nullable BigDecimal rewards,
			@Nullable BigDecimal spent) {
		BigDecimal b = budget == null ? defaultBudget : budget.amount();
		BigDecimal r = rewards == null ? Money.ZERO : rewards;
		BigDecimal s = spent == null ? Money.ZERO : spent;
		return new TownshipFunding(t.id(), t.name(), year, b, budget == null, budget == null ? 0 : budget.version(), r,
				s, b.add(r).subtract(s));
	}

	private static Reward reward(RewardRow r, String townshipName) {
		return new Reward(r.id(), r.townshipId(), townshipName, r.year(), r.amount(), r.basisScore(), r.basisGrade(),
				r.basisRank(), r.status(), r.proposedBy(), r.proposedAt(), r.decidedBy(), r.decidedAt(), r.note(),
				r.version());
	}

	private static Expenditure expenditure(ExpenditureRow r, Map<Long, String> stationNames, List<Receipt> receipts) {
		Long station = r.stationId();
		return new Expenditure(r.id(), r.townshipId(), station, station == null ? null : stationNames.get(station),
				r.spentOn(), r.amount(), r.purpose(), r.description(), r.payee(), r.bookedBy(), r.bookedAt(),
				r.voided(), r.voidReason(), r.voidedBy(), r.voidedAt(), r.version(), receipts);
	}

	private static String requiredText(String field, @Nullable String text, int max) {
		String t = text == null ? "" : text.strip();
		if (t.isEmpty() || t.length() > max) {
			throw new InvalidInputException(field, "funding.text.length", max);
		}
		return t;
	}

	private static @Nullable String optionalText(String field, @Nullable String text, int max) {
		String t = text == null ? "" : text.strip();
		if (t.length() > max) {
			throw new InvalidInputException(field, "funding.text.length", max);
		}
		return t.isEmpty() ? null : t;
	}

	private static int checkYear(int year) {
		if (year < MIN_YEAR || year > MAX_YEAR) {
			throw new InvalidInputException("year", "funding.year.range", MIN_YEAR, MAX_YEAR);
		}
		return year;
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(zone));
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock.withZone(zone));
	}

}
