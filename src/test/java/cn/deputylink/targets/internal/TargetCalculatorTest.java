package cn.deputylink.targets.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.deputylink.targets.Grade;
import cn.deputylink.targets.Indicator;
import cn.deputylink.targets.Marks;
import cn.deputylink.targets.TargetRule;
import cn.deputylink.targets.TownshipRow;

import static org.assertj.core.api.Assertions.assertThat;

class TargetCalculatorTest {

	private static final List<TargetRule> RULES = List.of(
			rule("STATIONS", Indicator.STATIONS_UP_TO_STANDARD, "20", "1", 1),
			rule("ON_TIME", Indicator.OPINIONS_ON_TIME, "30", "0.95", 2),
			rule("CONVERTED", Indicator.OPINIONS_CONVERTED, "40", "3", 3), rule("WORK", null, "10", "10", 4),
			new TargetRule("OFF", "inactive", Indicator.DUTY_DAYS_HELD, new BigDecimal("50"), BigDecimal.ONE, 5, false,
					0));

	private static TargetRule rule(String code, Indicator ind, String max, String target, int pos) {
		return new TargetRule(code, code, ind, new BigDecimal(max), new BigDecimal(target), pos, true, 0);
	}

	private static BigDecimal d(String v) {
		return new BigDecimal(v);
	}

	@Test
	void pointsAreProportionalCappedAndRoundedHalfUpToOneDecimal() {
		TargetRule onTime = RULES.get(1);
		// 0.9 / 0.95 × 30 = 28.421… → 28.4
		assertThat(TargetCalculator.points(onTime, d("0.9"))).isEqualByComparingTo("28.4").hasScaleOf(1);
		// above the target: full points
		assertThat(TargetCalculator.points(onTime, d("1"))).isEqualByComparingTo("30.0");
		// nothing measured: 0
		assertThat(TargetCalculator.points(onTime, null)).isEqualByComparingTo("0.0").hasScaleOf(1);
		// 2 of 3 conversions × 40 = 26.666… → 26.7
		assertThat(TargetCalculator.points(RULES.get(2), d("2"))).isEqualByComparingTo("26.7");
		// half up: 0.0125 × 20 = 0.25 → 0.3
		assertThat(TargetCalculator.points(RULES.get(0), d("0.0125"))).isEqualByComparingTo("0.3");
	}

	@Test
	void rankingSumsRoundedItemsGradesByMarksAndSharesRanksOnTies() {
		Marks marks = new Marks(d("90.0"), d("80.0"), 0);
		var a = new TargetCalculator.Input(1, "甲镇",
				Map.of(Indicator.STATIONS_UP_TO_STANDARD, d("1"), Indicator.OPINIONS_ON_TIME, d("0.95"),
						Indicator.OPINIONS_CONVERTED, d("3"), Indicator.DUTY_DAYS_HELD, d("0")),
				Map.of("WORK", new TargetCalculator.Manual(d("8.5"), "特色工作")));
		// 20 + 28.4 + 26.7 + 10 (manual over max capped) = 85.1
		var b = new TargetCalculator.Input(2, "乙乡",
				Map.of(Indicator.STATIONS_UP_TO_STANDARD, d("1"), Indicator.OPINIONS_ON_TIME, d("0.9"),
						Indicator.OPINIONS_CONVERTED, d("2")),
				Map.of("WORK", new TargetCalculator.Manual(d("12"), "x")));
		// same as b without the manual cap: 20 + 28.4 + 26.7 + 10.0 = 85.1 → tie
		var c = new TargetCalculator.Input(3, "丙镇",
				Map.of(Indicator.STATIONS_UP_TO_STANDARD, d("1"), Indicator.OPINIONS_ON_TIME, d("0.9"),
						Indicator.OPINIONS_CONVERTED, d("2")),
				Map.of("WORK", new TargetCalculator.Manual(d("10.0"), "y")));
		var e = new TargetCalculator.Input(4, "丁乡", Map.of(), Map.of());

		List<TownshipRow> rows = TargetCalculator.rank(RULES, marks, List.of(e, b, a, c));

		assertThat(rows).extracting(TownshipRow::townshipId).containsExactly(1L, 3L, 2L, 4L);
		assertThat(rows).extracting(r -> r.score().toPlainString()).containsExactly("98.5", "85.1", "85.1", "0.0");
		assertThat(rows).extracting(TownshipRow::rank).containsExactly(1, 2, 2, 4);
		assertThat(rows).extracting(TownshipRow::grade)
			.containsExactly(Grade.EXCELLENT, Grade.PASS, Grade.PASS, Grade.FAIL);
		// the inactive rule is not scored
		assertThat(rows.get(0).items()).extracting(i -> i.ruleCode())
			.containsExactly("STATIONS", "ON_TIME", "CONVERTED", "WORK");
		assertThat(rows.get(0).items().get(3).evidence()).isEqualTo("特色工作");
		assertThat(rows.get(3).items().get(3).measured()).isNull();
	}

	@Test
	void marksDecideTheGradeAtTheirBoundaries() {
		Marks marks = new Marks(d("85.1"), d("85.0"), 0);
		assertThat(marks.grade(d("85.1"))).isEqualTo(Grade.EXCELLENT);
		assertThat(marks.grade(d("85.0"))).isEqualTo(Grade.PASS);
		assertThat(marks.grade(d("84.9"))).isEqualTo(Grade.FAIL);
	}

}
