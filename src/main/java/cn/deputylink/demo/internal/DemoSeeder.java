package cn.deputylink.demo.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.deputylink.account.Accounts;
import cn.deputylink.account.CurrentUser;
import cn.deputylink.activity.ActivityRecording;
import cn.deputylink.activity.ActivityReports;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.account.NewUser;
import cn.deputylink.account.Role;
import cn.deputylink.account.UserAccount;
import cn.deputylink.activity.ActivityRecording;
import cn.deputylink.activity.HouseholdRegister;
import cn.deputylink.calendar.WorkingCalendar;
import cn.deputylink.duty.DutyPlanning;
import cn.deputylink.duty.DutyQueries;
import cn.deputylink.duty.ReceptionDays;
import cn.deputylink.demo.internal.DemoCounty.DepartmentPlan;
import cn.deputylink.demo.internal.DemoCounty.DeputyPlan;
import cn.deputylink.demo.internal.DemoCounty.Plan;
import cn.deputylink.demo.internal.DemoCounty.StationPlan;
import cn.deputylink.demo.internal.DemoCounty.TownshipPlan;
import cn.deputylink.organisation.Category;
import cn.deputylink.organisation.CategoryService;
import cn.deputylink.organisation.Department;
import cn.deputylink.organisation.DepartmentService;
import cn.deputylink.organisation.Deputy;
import cn.deputylink.organisation.DeputyService;
import cn.deputylink.organisation.Forms.DepartmentForm;
import cn.deputylink.organisation.Forms.DeputyForm;
import cn.deputylink.organisation.Forms.StationForm;
import cn.deputylink.organisation.Forms.TownshipForm;
import cn.deputylink.organisation.Forms.VillageForm;
import cn.deputylink.organisation.Station;
import cn.deputylink.organisation.StationService;
import cn.deputylink.organisation.Township;
import cn.deputylink.organisation.TownshipService;
import cn.deputylink.organisation.VillageService;

/**
 * Fills an empty registry with {@link DemoCounty} and creates one demo account per role
 * (password {@value #PASSWORD}, no forced change), so that
 * {@code --spring.profiles.active=demo} gives a usable instance at once. It runs after
 * {@code InitialAdmin} and does nothing once any township exists, so real data are never
 * touched. Several nodes may start together: the lease lets one seed, and the emptiness
 * is checked again under it. The registry and the accounts are written while the
 * application starts, in one transaction (a failure leaves an empty registry that the
 * next start seeds again); the county's work — opinions, duty days, activities,
 * proposals, pairings, the history — follows on {@link DemoPreparation}'s background
 * thread in a second transaction, then the inspections, the money and the briefings, so
 * that the application answers and the demo accounts sign in meanwhile.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty(name = "deputylink.demo.enabled")
class DemoSeeder implements ApplicationRunner {

	static final String PASSWORD = "Demo#2026";

	private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

	private static final CurrentUser SYSTEM = new CurrentUser(0L, "system", "系统", Role.COUNTY_ADMIN, null, null, null,
			null, false, false, null, true, false);

	private final TownshipService townships;

	private final VillageService villages;

	private final StationService stations;

	private final DeputyService deputies;

	private final DepartmentService departments;

	private final CategoryService categories;

	private final Accounts accounts;

	private final LockingTaskExecutor locks;

	private final TransactionTemplate tx;

	private final DemoDesk desks;

	private final WorkingCalendar calendar;

	private final DutyPlanning dutyPlanning;

	private final ReceptionDays receptionDays;

	private final DutyQueries dutyQueries;

	private final ActivityRecording activityRecording;

	private final ActivityReports activityReports;

	private final RegistryLookup registry;

	private final HouseholdRegister households;

	private final Clock clock;

	private final ZoneId zone;

	private final DemoProposalSteps proposalSteps;

	private final DemoHistory history;

	private final DemoPreparation preparation;

	private final DemoStandards demoStandards;

	private final DemoFunding demoFunding;

	private final DemoBriefings demoBriefings;

	DemoSeeder(TownshipService townships, VillageService villages, StationService stations, DeputyService deputies,
			DepartmentService departments, CategoryService categories, Accounts accounts, DemoDesk desks,
			WorkingCalendar calendar, LockingTaskExecutor locks, TransactionTemplate tx,
			ActivityRecording activityRecording, ActivityReports activityReports, RegistryLookup registry,
			HouseholdRegister households, DutyPlanning dutyPlanning, ReceptionDays receptionDays,
			DutyQueries dutyQueries, Clock clock, @Value("${deputylink.zone:Asia/Shanghai}") ZoneId zone,
			DemoProposalSteps proposalSteps, DemoHistory history, DemoPreparation preparation,
			DemoStandards demoStandards, DemoFunding demoFunding, DemoBriefings demoBriefings) {
		this.preparation = preparation;
		// pages served before the runner starts the work say that it is coming
		preparation.expect();
		this.demoStandards = demoStandards;
		this.demoFunding = demoFunding;
		this.demoBriefings = demoBriefings;
		this.proposalSteps = proposalSteps;
		this.history = history;
		this.dutyPlanning = dutyPlanning;
		this.receptionDays = receptionDays;
		this.dutyQueries = dutyQueries;
		this.activityRecording = activityRecording;
		this.activityReports = activityReports;
		this.registry = registry;
		this.households = households;
		this.clock = clock;
		this.zone = zone;
		this.townships = townships;
		this.villages = villages;
		this.stations = stations;
		this.deputies = deputies;
		this.departments = departments;
		this.categories = categories;
		this.desks = desks;
		this.calendar = calendar;
		this.accounts = accounts;
		this.locks = locks;
		this.tx = tx;
	}

	@Override
	public void run(ApplicationArguments args) {
		Registry seeded = null;
		if (townships.all().isEmpty()) {
			AtomicReference<@Nullable Registry> result = new AtomicReference<>();
			AtomicBoolean ran = new AtomicBoolean();
			locks.executeWithLock((Runnable) () -> {
				ran.set(true);
				result.set(asSystem(this::seedRegistryIfEmpty));
			}, new LockConfiguration(Instant.now(), "demo-seed", Duration.ofMinutes(10), Duration.ZERO));
			if (!ran.get()) {
				log.info("Demo county: another node is seeding it");
			}
			seeded = result.get();
		}
		Registry registry = seeded;
		// the county's work, then the inspections, the money and the briefings (each
		// only when its module holds nothing yet), in the background: the application
		// answers meanwhile, and the demo accounts can sign in
		preparation.start(() -> {
			if (registry != null) {
				locks.executeWithLock((Runnable) () -> asSystem(() -> seedWork(registry)),
						new LockConfiguration(Instant.now(), "demo-seed", Duration.ofMinutes(10), Duration.ZERO));
			}
			demoStandards.seedIfEmpty();
			demoFunding.seedIfEmpty();
			demoBriefings.start();
		});
	}

	private <T> T asSystem(Supplier<T> work) {
		// the system acts as a county admin; some code asks CurrentUser.find() rather
		// than taking a user
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(SYSTEM, null, SYSTEM.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private void asSystem(Runnable work) {
		asSystem(() -> {
			work.run();
			return Boolean.TRUE;
		});
	}

	/**
	 * The registry and the accounts, in one transaction inside the lease (a failure
	 * leaves an empty registry, which the next start seeds again); null when there is a
	 * registry already, or an account of the demo's existed before.
	 */
	private @Nullable Registry seedRegistryIfEmpty() {
		if (!townships.all().isEmpty()) {
			return null;
		}
		long start = System.nanoTime();
		// programmatic on purpose: the transaction must open inside the lease and commit
		// before the lease is released, so that a node taking it next sees the seeded
		// county (a @Transactional method called from this runner would be a self-call,
		// outside any proxy)
		Registry r = Objects.requireNonNull(tx.execute(s -> seedRegistry(DemoCounty.generate(), SYSTEM)));
		log.info(
				"Demo county registered in {} ms: {} townships, {} villages, {} stations, {} deputies, {} departments, {} accounts (password {})",
				(System.nanoTime() - start) / 1_000_000, r.townshipIds().size(),
				r.villagesOfTownships().stream().mapToInt(List::size).sum(),
				r.stationIds().stream().mapToInt(List::size).sum(), r.deputyIds().stream().mapToInt(List::size).sum(),
				r.departments(), r.accounts(), PASSWORD);
		return r.accountsNew() ? r : null;
	}

	/**
	 * The county's work in one transaction: all of it appears at once when it commits. A
	 * start stopped before that leaves the registry and the accounts without it; delete
	 * the data directory to seed the demo afresh.
	 */
	private void seedWork(Registry r) {
		long start = System.nanoTime();
		int opinions = Objects.requireNonNull(tx.execute(s -> seedWorkInTransaction(r)));
		log.info("Demo county seeded in {} ms: {} opinions of this year and the history",
				(System.nanoTime() - start) / 1_000_000, opinions);
	}

	private Registry seedRegistry(Plan plan, CurrentUser u) {
		List<Long> townshipIds = new ArrayList<>();
		List<List<Long>> stationIds = new ArrayList<>();
		List<List<Long>> deputyIds = new ArrayList<>();
		List<List<Long>> villagesOfTownships = new ArrayList<>();
		for (TownshipPlan tp : plan.townships()) {
			Township township = townships.create(new TownshipForm(tp.code(), tp.name(), null), u);
			townshipIds.add(township.id());
			List<Long> villageIds = new ArrayList<>();
			for (String village : tp.villages()) {
				villageIds.add(villages.create(new VillageForm(township.id(), village, null), u).id());
			}
			villagesOfTownships.add(villageIds);
			List<Long> stationsHere = new ArrayList<>();
			for (StationPlan sp : tp.stations()) {
				Station station = stations
					.create(new StationForm(township.id(), sp.name(), sp.address(), sp.openingRule(), sp.facilities(),
							sp.liaisonOfficer(), sp.villages().stream().map(villageIds::get).toList(), null), u);
				stationsHere.add(station.id());
			}
			stationIds.add(stationsHere);
			List<Long> deputiesHere = new ArrayList<>();
			for (DeputyPlan dp : tp.deputies()) {
				Deputy deputy = deputies.create(new DeputyForm(dp.name(), dp.levels(), dp.phone(), null,
						dp.constituency(), dp.stations().stream().map(stationsHere::get).toList(), null), u);
				deputiesHere.add(deputy.id());
			}
			deputyIds.add(deputiesHere);
		}

		Set<String> active = new LinkedHashSet<>();
		for (Category c : categories.all()) {
			if (c.active()) {
				active.add(c.code());
			}
		}
		Long firstGovernment = null;
		String firstGovernmentName = DemoCounty.government(plan.townships().get(0).name());
		for (DepartmentPlan dp : plan.departments()) {
			List<String> codes = dp.allCategories() ? List.copyOf(active)
					: dp.categoryCodes().stream().filter(active::contains).toList();
			Long township = dp.township() < 0 ? null : townshipIds.get(dp.township());
			Department department = departments.create(new DepartmentForm(dp.name(), dp.tier(), township, codes, null),
					u);
			if (dp.name().equals(firstGovernmentName)) {
				firstGovernment = department.id();
			}
		}
		if (firstGovernment == null) {
			throw new IllegalStateException("the demo plan has no government for its first township");
		}

		TownshipPlan first = plan.townships().get(0);
		TownshipPlan second = plan.townships().get(1);
		List<NewUser> users = List.of(
				new NewUser("county", PASSWORD, "县人大常委会联工委", Role.COUNTY_ADMIN, null, null, null, null, false),
				new NewUser("township", PASSWORD, first.name() + "人大主席团", Role.TOWNSHIP_ADMIN, townshipIds.get(0), null,
						null, null, false),
				new NewUser("township2", PASSWORD, second.name() + "人大主席团", Role.TOWNSHIP_ADMIN, townshipIds.get(1),
						null, null, null, false),
				new NewUser("liaison", PASSWORD, first.stations().get(0).liaisonOfficer(), Role.STATION_LIAISON, null,
						stationIds.get(0).get(0), null, null, false),
				// the first deputy of a township is always attached to its first station
				new NewUser("deputy", PASSWORD, first.deputies().get(0).name(), Role.DEPUTY, null, null,
						deputyIds.get(0).get(0), null, false),
				new NewUser("department", PASSWORD, firstGovernmentName, Role.DEPARTMENT_HANDLER, null, null, null,
						firstGovernment, false));
		int created = 0;
		for (NewUser user : users) {
			if (accounts.findByUsername(Objects.requireNonNull(user.username())).isPresent()) {
				log.warn("Demo county: account {} exists already, left as it is", user.username());
				continue;
			}
			// a fixture outside the password policy: docs/api.md publishes the demo
			// password, shorter than 12
			accounts.createFixture(user);
			created++;
		}
		return new Registry(townshipIds, stationIds, deputyIds, villagesOfTownships, plan.departments().size(), created,
				created == users.size());
	}

	private int seedWorkInTransaction(Registry r) {
		List<List<Long>> stationIds = r.stationIds();
		List<List<Long>> deputyIds = r.deputyIds();
		List<List<Long>> villagesOfTownships = r.villagesOfTownships();
		int seeded = new DemoOpinions(desks, calendar, account("county"), account("township"), account("liaison"),
				account("department"), account("deputy"))
			.seed(stationIds);
		long dutyStart = System.nanoTime();
		DemoDuty demoDuty = new DemoDuty(dutyPlanning, receptionDays, dutyQueries, calendar, account("county"));
		int dutyDays = demoDuty.seed(stationIds);
		log.info("Demo county: {} duty days planned and held in {} ms (past plans {} ms, receptions {} ms)", dutyDays,
				(System.nanoTime() - dutyStart) / 1_000_000, demoDuty.planNanos / 1_000_000,
				demoDuty.holdNanos / 1_000_000);
		// the overdue cases' notices now, as the hourly check would send them, so the
		// inboxes match the queues
		desks.runOverdueNotices();
		new DemoActivities(activityRecording, activityReports, registry, account("county"), account("township"),
				account("liaison"), account("deputy"))
			.seed(stationIds);
		// deputies' proposals in every status, some from the opinions above
		long proposalStart = System.nanoTime();
		DemoProposalSteps.Seeded proposals = proposalSteps.seed(account("county"), account("deputy"),
				account("department"), deputyIds.get(0));
		log.info("Demo county: {} proposals in {} ms", proposals.proposals(),
				(System.nanoTime() - proposalStart) / 1_000_000);
		// the pairings and the "三个一", after the other demo data
		new DemoPairings(households, activityRecording, account("county"), LocalDate.now(clock.withZone(zone)))
			.seed(villagesOfTownships, stationIds, deputyIds);
		// the history before this year, up to the seed bulletin's figures
		long historyStart = System.nanoTime();
		DemoHistory.Added added = history.seed(stationIds.stream().flatMap(List::stream).toList(),
				deputyIds.get(0).get(0), proposals.linkedOpinions(), DemoOpinions.user(account("county")),
				LocalDate.now(clock.withZone(zone)));
		log.info("Demo county: history of {} activities, {} opinions, {} proposals in {} ms", added.activities(),
				added.opinions(), added.proposals(), (System.nanoTime() - historyStart) / 1_000_000);
		return seeded;
	}

	private UserAccount account(String username) {
		return accounts.findByUsername(username).orElseThrow();
	}

	/** What the registry's seeding made, by township in the plan's order. */
	private record Registry(List<Long> townshipIds, List<List<Long>> stationIds, List<List<Long>> deputyIds,
			List<List<Long>> villagesOfTownships, int departments, int accounts, boolean accountsNew) {
	}

}
