package cn.deputylink.demo.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.organisation.Station;
import cn.deputylink.standards.ItemResult;
import cn.deputylink.standards.NewInspection;
import cn.deputylink.standards.StandardItem;
import cn.deputylink.standards.StationStandards;

/**
 * The demo county's station inspections of this year (dated in its past), recorded
 * through the standards facade as the county's liaison work committee would: most
 * stations up to standard, some with small gaps (no landline, no filing cabinet) that
 * still pass, a few not up to standard (funds missing, the working time not fixed), some
 * inspected twice (a poor first inspection, then all met), and the last station never
 * inspected. Only when the module holds no inspection yet.
 */
@Component
@ConditionalOnBooleanProperty(name = "deputylink.demo.enabled")
class DemoStandards {

	private static final Logger log = LoggerFactory.getLogger(DemoStandards.class);

	private final StationStandards standards;

	private final RegistryLookup registry;

	private final LockingTaskExecutor locks;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final ZoneId zone;

	DemoStandards(StationStandards standards, RegistryLookup registry, LockingTaskExecutor locks,
			TransactionTemplate tx, Clock clock, @Value("${deputylink.zone:Asia/Shanghai}") ZoneId zone) {
		this.standards = standards;
		this.registry = registry;
		this.locks = locks;
		this.tx = tx;
		this.clock = clock;
		this.zone = zone;
	}

	void seedIfEmpty() {
		if (standards.anyInspection() || registry.stationsOf(null).isEmpty()) {
			return;
		}
		locks.executeWithLock((Runnable) this::seedUnderLease,
				new LockConfiguration(Instant.now(), "demo-standards", Duration.ofMinutes(5), Duration.ZERO));
	}

	private void seedUnderLease() {
		CurrentUser system = new CurrentUser(0L, "system", "县人大常委会联工委", Role.COUNTY_ADMIN, null, null, null, null,
				false, false, null, true, false);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(system, null, system.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			tx.executeWithoutResult(s -> {
				if (!standards.anyInspection()) {
					long start = System.nanoTime();
					int n = seed(system);
					log.info("Demo standards: {} inspections in {} ms", n, (System.nanoTime() - start) / 1_000_000);
				}
			});
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private int seed(CurrentUser u) {
		LocalDate today = LocalDate.now(clock.withZone(zone));
		int days = Math.max(1, today.getDayOfYear() - 1);
		LocalDate start = LocalDate.of(today.getYear(), 1, 1);
		List<StandardItem> items = standards.activeItems(u);
		List<Station> stations = new ArrayList<>(registry.stationsOf(null));
		stations.sort(Comparator.comparingLong(Station::id));
		int count = 0;
		// the last station is never inspected
		for (int k = 0; k < stations.size() - 1; k++) {
			long station = stations.get(k).id();
			LocalDate on = start.plusDays((k * 7L + 30) % days);
			if (k % 5 == 0 && on.getDayOfYear() > 20) {
				inspect(u, items, station, start.plusDays(k % 10),
						Map.of("IMP_PHONE", ItemResult.NOT_MET, "IMP_CABINET", ItemResult.NOT_MET, "SIX_LEDGER",
								ItemResult.PARTLY, "RULE_STUDY", ItemResult.NOT_MET),
						"首次检查，台账不全");
				count++;
			}
			Map<String, ItemResult> gaps = switch (k % 9) {
				case 3 -> Map.of("IMP_PHONE", ItemResult.NOT_MET);
				case 5 -> Map.of("IMP_CABINET", ItemResult.NOT_MET, "IMP_PHONE", ItemResult.PARTLY);
				case 7 -> Map.of("SIX_FUNDS", ItemResult.NOT_MET, "RULE_STUDY", ItemResult.NOT_MET);
				default -> k % 13 == 8 ? Map.of("CLEAR_TIME", ItemResult.PARTLY, "IMP_COMPUTER", ItemResult.NOT_MET,
						"RULE_GROUP", ItemResult.NOT_MET) : Map.of();
			};
			inspect(u, items, station, on, gaps, gaps.isEmpty() ? "各项达到要求" : "存在短板，限期整改");
			count++;
		}
		return count;
	}

	private void inspect(CurrentUser u, List<StandardItem> items, long station, LocalDate on,
			Map<String, ItemResult> gaps, String note) {
		List<NewInspection.ResultInput> results = new ArrayList<>();
		for (StandardItem i : items) {
			ItemResult r = gaps.getOrDefault(i.code(), ItemResult.MET);
			results.add(new NewInspection.ResultInput(i.id(), r, r == ItemResult.MET ? null : "待整改"));
		}
		standards.inspect(new NewInspection(station, on, note, results), u);
	}

}
