package cn.deputylink.proposal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.deputylink.account.Accounts;
import cn.deputylink.account.CurrentUser;
import cn.deputylink.proposal.internal.ProposalSteps;
import cn.deputylink.support.IntegrationTest;

/**
 * Registration numbers are unique and gapless per year: concurrent registrations wait for
 * the year's counter row and each gets the next number; a registration that rolls back
 * gives its number back; each year starts at 1. The tests register in years of their own
 * (the steps run at that year's time), so other tests' registrations do not count.
 */
@IntegrationTest
class ProposalNumberingIT {

	@Autowired
	Accounts accounts;

	@Autowired
	ProposalDrafting drafting;

	@Autowired
	ProposalRegistration registration;

	@Autowired
	ProposalSteps steps;

	@Autowired
	PlatformTransactionManager transactions;

	CurrentUser deputy;

	CurrentUser county;

	@BeforeEach
	void users() {
		deputy = ProposalFixtures.user(accounts, "deputy");
		county = ProposalFixtures.user(accounts, "county");
	}

	private long submitted(String title) {
		Proposal p = drafting.create(new NewProposal(title, "内容", null, List.of(), List.of(), Period.SESSION, false),
				deputy);
		return drafting.submit(p.id(), null, deputy).id();
	}

	private static Clock in(int year) {
		return Clock.fixed(Instant.parse(year + "-03-10T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
	}

	private Proposal register(long id, int year) {
		return steps.at(in(year), () -> registration.register(id, null, null, county));
	}

	@Test
	void twentyConcurrentRegistrationsGetOneToTwenty() throws Exception {
		List<Long> ids = IntStream.range(0, 20).mapToObj(i -> submitted("并发编号" + i)).toList();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<Proposal>> results = new ArrayList<>();
			for (long id : ids) {
				results.add(pool.submit(() -> register(id, 2041)));
			}
			List<Integer> numbers = new ArrayList<>();
			for (Future<Proposal> f : results) {
				Proposal p = f.get();
				assertThat(p.year()).isEqualTo(2041);
				numbers.add(p.sequence());
			}
			assertThat(numbers).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 20).boxed().toList());
		}
		finally {
			pool.shutdown();
		}
		assertThat(register(submitted("下一个"), 2041).number()).isEqualTo("2041-021");
	}

	@Test
	void aRolledBackRegistrationLeavesNoGapAndEachYearStartsAtOne() {
		long first = submitted("回滚前");
		assertThat(register(first, 2042).number()).isEqualTo("2042-001");
		long failing = submitted("回滚");
		assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(s -> {
			assertThat(register(failing, 2042).sequence()).isEqualTo(2);
			throw new IllegalStateException("the registration fails after taking its number");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(registration.register(failing, null, null, county).status()).isEqualTo(ProposalStatus.REGISTERED);
		long next = submitted("回滚后");
		assertThat(register(next, 2042).number()).isEqualTo("2042-002");
		// a refused registration (wrong status) takes no number
		assertThatThrownBy(() -> register(next, 2042)).isInstanceOf(RuntimeException.class);
		assertThat(register(submitted("再下一个"), 2042).number()).isEqualTo("2042-003");
		// another year starts at 1
		assertThat(register(submitted("新的一年"), 2043).number()).isEqualTo("2043-001");
	}

}
