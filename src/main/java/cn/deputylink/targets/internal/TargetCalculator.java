package cn.deputylink.targets.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import cn.deputylink.targets.Indicator;
import cn.deputylink.targets.ItemScore;
import cn.deputylink.targets.Marks;
import cn.deputylink.targets.TargetRule;
import cn.deputylink.targets.TownshipRow;

/**
 * The pure scoring: a measured rule earns {@code maxPoints × min(1, measured / target)}
 * rounded half up to one decimal (nothing measured: 0); a manual rule the points the
 * county gave (at most its maximum). The score is the sum of the rounded points; grades
 * by the marks; ranks by score, highest first, equal scores sharing a rank (1, 1, 3),
 * then by name.
 */
public final class TargetCalculator {

	/** What was measured for a township and what the county scored by hand. */
	public record Input(long townshipId, String townshipName, Map<Indicator, BigDecimal> measured,
			Map<String, Manual> manual) {
	}

	/** A manual score with its evidence. */
	public record Manual(BigDecimal points, String evidence) {
	}

	private TargetCalculator() {
	}

	public static BigDecimal points(TargetRule rule, @Nullable BigDecimal measured) {
		if (measured == null || rule.target().signum() <= 0) {
			return BigDecimal.ZERO.setScale(1);
		}
		BigDecimal ratio = measured.divide(rule.target(), 10, RoundingMode.HALF_UP);
		if (ratio.compareTo(BigDecimal.ONE) > 0) {
			ratio = BigDecimal.ONE;
		}
		if (ratio.signum() < 0) {
			ratio = BigDecimal.ZERO;
		}
		return rule.maxPoints().multiply(ratio).setScale(1, RoundingMode.HALF_UP);
	}

	public static List<TownshipRow> rank(List<TargetRule> rules, Marks marks, List<Input> inputs) {
		List<TargetRule> active = rules.stream()
			.filter(TargetRule::active)
			.sorted(Comparator.comparingInt(TargetRule::position))
			.toList();
		record Scored(Input in, BigDecimal score, List<ItemScore> items) {
		}
		List<Scored> scored = new ArrayList<>();
		for (Input in : inputs) {
			List<ItemScore> items = new ArrayList<>();
			BigDecimal total = BigDecimal.ZERO.setScale(1);
			for (TargetRule r : active) {
				ItemScore item;
				Indicator ind = r.indicator();
				if (ind == null) {
					Manual m = in.manual().get(r.code());
					BigDecimal p = m == null ? BigDecimal.ZERO.setScale(1)
							: m.points().min(r.maxPoints()).max(BigDecimal.ZERO).setScale(1, RoundingMode.HALF_UP);
					item = new ItemScore(r.code(), r.name(), null, r.maxPoints(), r.target(),
							m == null ? null : m.points(), p, m == null ? null : m.evidence());
				}
				else {
					BigDecimal v = in.measured().get(ind);
					item = new ItemScore(r.code(), r.name(), ind, r.maxPoints(), r.target(), v, points(r, v), null);
				}
				items.add(item);
				total = total.add(item.points());
			}
			scored.add(new Scored(in, total, List.copyOf(items)));
		}
		scored.sort(Comparator.comparing(Scored::score)
			.reversed()
			.thenComparing(s -> s.in().townshipName())
			.thenComparingLong(s -> s.in().townshipId()));
		List<TownshipRow> rows = new ArrayList<>();
		int rank = 0;
		BigDecimal previous = null;
		for (int i = 0; i < scored.size(); i++) {
			Scored s = scored.get(i);
			if (previous == null || s.score().compareTo(previous) != 0) {
				rank = i + 1;
				previous = s.score();
			}
			rows.add(new TownshipRow(s.in().townshipId(), s.in().townshipName(), s.score(), marks.grade(s.score()),
					rank, s.items()));
		}
		return rows;
	}

}
