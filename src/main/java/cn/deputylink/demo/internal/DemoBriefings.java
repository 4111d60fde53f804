package cn.deputylink.demo.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Locale;

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

import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.Role;
import cn.deputylink.briefing.BriefingView;
import cn.deputylink.briefing.Briefings;
import cn.deputylink.briefing.NewBriefing;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.organisation.Township;
import cn.deputylink.statistics.Period;
import cn.deputylink.statistics.Scope;
import cn.deputylink.statistics.StatisticsRecords;
import cn.deputylink.statistics.Summary;

/**
 * The demo's briefings (联络动态): the county's bulletin of last year, published, and a draft
 * of the current month for 东岭镇 — generated through the briefing facade as a county admin
 * would, when the module holds none yet. The figures are the statistics', which its
 * listeners count from the seeded records' events after the seeding, so this waits (off
 * the start-up thread, at most two minutes) until those events are handled, then takes a
 * lease so that one node generates them.
 */
@Component
@ConditionalOnBooleanProperty(name = "deputylink.demo.enabled")
class DemoBriefings {

	private static final Logger log = LoggerFactory.getLogger(DemoBriefings.class);

	static final String DEMO_TOWNSHIP = "东岭镇";

	private final Briefings briefings;

	private final RegistryLookup registry;

	private final StatisticsRecords statistics;

	private final LockingTaskExecutor locks;

	private final Clock clock;

	private final ZoneId zone;

	DemoBriefings(Briefings briefings, RegistryLookup registry, StatisticsRecords statistics, LockingTaskExecutor locks,
			Clock clock, @Value("${deputylink.zone:Asia/Shanghai}") ZoneId zone) {
		this.briefings = briefings;
		this.registry = registry;
		this.statistics = statistics;
		this.locks = locks;
		this.clock = clock;
		this.zone = zone;
	}

	void start() {
		if (briefings.any()) {
			return;
		}
		Thread t = new Thread(this::afterTheEvents, "demo-briefings");
		t.setDaemon(true);
		t.start();
	}

	private void afterTheEvents() {
		try {
			Instant until = Instant.now().plus(Duration.ofMinutes(2));
			Summary before = null;
			int steady = 0;
			while (steady < 3 && Instant.now().isBefore(until)) {
				Thread.sleep(1000);
				Summary now = statistics.summary(Period.allTime(), Scope.county());
				steady = now.equals(before) ? steady + 1 : 0;
				before = now;
			}
			locks.executeWithLock((Runnable) this::seed,
					new LockConfiguration(Instant.now(), "demo-briefings", Duration.ofMinutes(5), Duration.ZERO));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			log.warn("The demo briefings were not generated", ex);
		}
	}

	private void seed() {
		if (briefings.any()) {
			return;
		}
		CurrentUser system = new CurrentUser(0L, "system", "系统", Role.COUNTY_ADMIN, null, null, null, null, false,
				false, null, true, false);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(system, null, system.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			Locale zh = Locale.SIMPLIFIED_CHINESE;
			LocalDate today = LocalDate.now(clock.withZone(zone));
			int last = today.getYear() - 1;
			BriefingView county = briefings.generate(
					new NewBriefing(LocalDate.of(last, 1, 1), LocalDate.of(last, 12, 31), null, null, null), zh,
					system);
			briefings.publish(county.id(), county.version(), system);
			Long township = registry.activeTownships()
				.stream()
				.filter(t -> t.name().equals(DEMO_TOWNSHIP))
				.map(Township::id)
				.findFirst()
				.orElse(null);
			if (township != null) {
				YearMonth month = YearMonth.from(today);
				briefings.generate(new NewBriefing(month.atDay(1), month.atEndOfMonth(), township, null, null), zh,
						system);
			}
			log.info("Demo briefings generated");
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
