package cn.deputylink.demo.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

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

import cn.deputylink.account.Accounts;
import cn.deputylink.account.CurrentUser;
import cn.deputylink.account.UserAccount;
import cn.deputylink.funding.Expenditure;
import cn.deputylink.funding.Funding;
import cn.deputylink.funding.NewExpenditure;
import cn.deputylink.funding.Purpose;
import cn.deputylink.funding.Reward;
import cn.deputylink.funding.RewardStatus;
import cn.deputylink.organisation.RegistryLookup;
import cn.deputylink.organisation.Station;
import cn.deputylink.organisation.Township;

/**
 * The demo county's money, once the county is seeded and while the funding module holds
 * nothing: last year's budgets the default, last year's rewards proposed from its
 * assessment and approved as proposed, and a dozen small expenditures of the first four
 * townships' stations in last year and this one (one of them voided). Through the funding
 * facade, as the county admin.
 */
@Component
@ConditionalOnBooleanProperty(name = "deputylink.demo.enabled")
class DemoFunding {

	private static final Logger log = LoggerFactory.getLogger(DemoFunding.class);

	private static final String[] WHAT = { "接待日茶水和座椅租用", "工作室门牌和制度牌制作", "代表培训资料印制", "意见箱和档案柜购置", "走访慰问交通费", "工作室电脑维修",
			"代表小组活动场地布置", "联络员业务培训" };

	private static final Purpose[] PURPOSES = { Purpose.ACTIVITY, Purpose.SITE, Purpose.TRAINING, Purpose.EQUIPMENT,
			Purpose.ACTIVITY, Purpose.EQUIPMENT, Purpose.SITE, Purpose.TRAINING };

	private final Funding funding;

	private final Accounts accounts;

	private final RegistryLookup registry;

	private final LockingTaskExecutor locks;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final ZoneId zone;

	DemoFunding(Funding funding, Accounts accounts, RegistryLookup registry, LockingTaskExecutor locks,
			TransactionTemplate tx, Clock clock, @Value("${deputylink.zone:Asia/Shanghai}") ZoneId zone) {
		this.funding = funding;
		this.accounts = accounts;
		this.registry = registry;
		this.locks = locks;
		this.tx = tx;
		this.clock = clock;
		this.zone = zone;
	}

	void seedIfEmpty() {
		if (registry.activeTownships().isEmpty() || !funding.holdsNothing()
				|| accounts.findByUsername("county").isEmpty()) {
			return;
		}
		locks.executeWithLock((Runnable) this::seedUnderLease,
				new LockConfiguration(Instant.now(), "demo-funding", Duration.ofMinutes(5), Duration.ZERO));
	}

	private void seedUnderLease() {
		UserAccount a = accounts.findByUsername("county").orElseThrow();
		CurrentUser county = new CurrentUser(a.id(), a.username(), a.displayName(), a.role(), a.townshipId(),
				a.stationId(), a.deputyId(), a.departmentId(), false, false, null, true, false);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(county, null, county.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			long start = System.nanoTime();
			int[] counts = Objects.requireNonNull(tx.execute(s -> funding.holdsNothing() ? seed(county) : new int[2]));
			log.info("Demo funding: {} rewards approved, {} expenditures in {} ms", counts[0], counts[1],
					(System.nanoTime() - start) / 1_000_000);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private int[] seed(CurrentUser county) {
		LocalDate today = LocalDate.now(clock.withZone(zone));
		int lastYear = today.getYear() - 1;
		int approved = 0;
		for (Reward r : funding.proposeRewards(lastYear, county)) {
			if (r.status() == RewardStatus.PROPOSED) {
				funding.approve(r.id(), null, r.version(), county);
				approved++;
			}
		}
		List<Township> townships = registry.activeTownships().stream().limit(4).toList();
		int booked = 0;
		Expenditure first = null;
		for (int i = 0; i < 12 && !townships.isEmpty(); i++) {
			Township t = townships.get(i % townships.size());
			List<Station> stations = registry.stationsOf(t.id());
			Long station = stations.isEmpty() || i % 5 == 4 ? null : stations.get(i % stations.size()).id();
			LocalDate day = i < 7 ? LocalDate.of(lastYear, 2 + i, 8 + i)
					: max(LocalDate.of(today.getYear(), 1, 1), today.minusDays((12 - i) * 9L));
			BigDecimal amount = new BigDecimal(300 + 170 * i + (i % 3) * 55)
				.add(new BigDecimal("0.50").multiply(BigDecimal.valueOf(i % 2)));
			Expenditure e = funding.book(new NewExpenditure(t.id(), station, day, amount, PURPOSES[i % PURPOSES.length],
					WHAT[i % WHAT.length], i % 2 == 0 ? "县城文印店" : "镇供销社"), List.of(), county);
			if (first == null) {
				first = e;
			}
			booked++;
		}
		if (first != null) {
			funding.voidExpenditure(first.id(), "重复登记，已按第二张票据入账", first.version(), county);
		}
		return new int[] { approved, booked };
	}

	private static LocalDate max(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

}
