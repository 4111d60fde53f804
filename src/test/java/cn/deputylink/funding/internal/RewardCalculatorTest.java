package cn.deputylink.funding.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.deputylink.shared.InvalidInputException;
import cn.deputylink.targets.Grade;
import cn.deputylink.targets.TownshipResult;

/** The rewards proposed from assessment fixtures, to the cent. */
class RewardCalculatorTest {

	static final BigDecimal MIN = new BigDecimal("30000.00");

	static final BigDecimal MAX = new BigDecimal("50000.00");

	static TownshipResult r(long id, String score, Grade grade, int rank) {
		return new TownshipResult(id, new BigDecimal(score), grade, rank);
	}

	static List<String> amounts(List<RewardCalculator.Proposal> ps) {
		return ps.stream().map(p -> p.townshipId() + "=" + p.amount().toPlainString()).toList();
	}

	@Test
	void bestGetsMaxLowestGetsMinLinearInBetweenRoundedDownToHundreds() {
		// spread 98 − 90 = 8: 95 → 30000 + 20000 × 5 / 8 = 42500; 93.3 → 30000 + 20000 ×
		// 3.3 / 8 = 38250 → 38200; 90.1 → 30000 + 250 = 30250 → 30200
		var ps = RewardCalculator.propose(
				List.of(r(1, "90.0", Grade.EXCELLENT, 5), r(2, "98.0", Grade.EXCELLENT, 1),
						r(3, "95.0", Grade.EXCELLENT, 2), r(4, "93.3", Grade.EXCELLENT, 3),
						r(5, "90.1", Grade.EXCELLENT, 4), r(6, "85.0", Grade.PASS, 6), r(7, "40.0", Grade.FAIL, 7)),
				MIN, MAX);
		assertThat(amounts(ps)).containsExactly("2=50000.00", "3=42500.00", "4=38200.00", "5=30200.00", "1=30000.00");
		assertThat(ps.get(0).rank()).isEqualTo(1);
		assertThat(ps.get(0).score()).isEqualByComparingTo("98.0");
		assertThat(ps).allSatisfy(p -> assertThat(p.amount().scale()).isEqualTo(2));
	}

	@Test
	void tiesGetTheSameAmount() {
		var ps = RewardCalculator.propose(List.of(r(1, "96.0", Grade.EXCELLENT, 1), r(2, "96.0", Grade.EXCELLENT, 1),
				r(3, "92.0", Grade.EXCELLENT, 3), r(4, "94.0", Grade.EXCELLENT, 3), r(5, "94.0", Grade.EXCELLENT, 3)),
				MIN, MAX);
		assertThat(amounts(ps)).containsExactly("1=50000.00", "2=50000.00", "4=40000.00", "5=40000.00", "3=30000.00");
	}

	@Test
	void oneExcellentTownshipGetsTheMaximum() {
		var ps = RewardCalculator.propose(List.of(r(9, "91.0", Grade.EXCELLENT, 1), r(8, "85.0", Grade.PASS, 2)), MIN,
				MAX);
		assertThat(amounts(ps)).containsExactly("9=50000.00");
	}

	@Test
	void allTiedGetTheMaximum() {
		var ps = RewardCalculator.propose(List.of(r(1, "93.0", Grade.EXCELLENT, 1), r(2, "93.0", Grade.EXCELLENT, 1)),
				MIN, MAX);
		assertThat(amounts(ps)).containsExactly("1=50000.00", "2=50000.00");
	}

	@Test
	void noExcellentTownshipNoReward() {
		assertThat(
				RewardCalculator.propose(List.of(r(1, "89.9", Grade.PASS, 1), r(2, "10.0", Grade.FAIL, 2)), MIN, MAX))
			.isEmpty();
		assertThat(RewardCalculator.propose(List.of(), MIN, MAX)).isEmpty();
	}

	@Test
	void roundingIsDownNeverUpAndNeverBelowTheMinimumWithOddBounds() {
		// min 30050, max 50050: 95 of 90–100 → 30050 + 10000 = 40050 → 40000; the lowest
		// keeps 30050 (rounding down would go below it); the best 50050 → 50000
		var ps = RewardCalculator.propose(
				List.of(r(1, "100.0", Grade.EXCELLENT, 1), r(2, "95.0", Grade.EXCELLENT, 2),
						r(3, "90.0", Grade.EXCELLENT, 3), r(4, "99.99", Grade.EXCELLENT, 2)),
				new BigDecimal("30050.00"), new BigDecimal("50050.00"));
		// 99.99: 30050 + 20000 × 9.99 / 10 = 50030 → 50000
		assertThat(amounts(ps)).containsExactly("1=50000.00", "4=50000.00", "2=40000.00", "3=30050.00");
		// just below a hundred: 30000 + 20000 × 0.499 / 10 = 30998 → 30900
		var near = RewardCalculator.propose(List.of(r(1, "100.0", Grade.EXCELLENT, 1),
				r(2, "90.499", Grade.EXCELLENT, 2), r(3, "90.0", Grade.EXCELLENT, 3)), MIN, MAX);
		assertThat(amounts(near)).containsExactly("1=50000.00", "2=30900.00", "3=30000.00");
	}

	@Test
	void moneyRefusesMoreThanTwoDecimalsNegativesAndTooMuch() {
		assertThat(Money.check("a", new BigDecimal("1.2"), false).toPlainString()).isEqualTo("1.20");
		assertThat(Money.check("a", new BigDecimal("1.230"), false).toPlainString()).isEqualTo("1.23");
		assertThat(Money.check("a", new BigDecimal("0"), true).toPlainString()).isEqualTo("0.00");
		for (String bad : List.of("1.234", "-5", "0", "10000000.01")) {
			assertThatThrownBy(() -> Money.check("a", new BigDecimal(bad), false)).as(bad)
				.isInstanceOf(InvalidInputException.class);
		}
		assertThat(Money.format(new BigDecimal("50000"))).isEqualTo("¥50,000.00");
		assertThat(Money.format(new BigDecimal("1234567.5"))).isEqualTo("¥1,234,567.50");
	}

}
