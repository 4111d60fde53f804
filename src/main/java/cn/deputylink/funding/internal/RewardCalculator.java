package cn.deputylink.funding.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;

import cn.deputylink.targets.Grade;
import cn.deputylink.targets.TownshipResult;

/**
 * The rewards proposed from a year's assessment, without Spring or a database. Only
 * EXCELLENT townships get one. The best score among them gets {@code max}, the lowest
 * {@code min}, a score in between min + (max − min) × (score − lowest) / (best − lowest),
 * rounded down to whole hundreds of yuan (never below {@code min}); so equal scores get
 * equal amounts, and one excellent township (or all of them tied) gets {@code max}.
 */
public final class RewardCalculator {

	private static final BigDecimal HUNDRED = new BigDecimal("100");

	private RewardCalculator() {
	}

	/** A proposed reward and the assessment result it comes from. */
	public record Proposal(long townshipId, BigDecimal amount, BigDecimal score, Grade grade, int rank) {
	}

	/** The proposals, best score first (then by township id). */
	public static List<Proposal> propose(List<TownshipResult> results, BigDecimal min, BigDecimal max) {
		if (min.compareTo(max) > 0) {
			throw new IllegalArgumentException("reward min above max");
		}
		List<TownshipResult> excellent = results.stream()
			.filter(r -> r.grade() == Grade.EXCELLENT)
			.sorted(Comparator.comparing(TownshipResult::score).reversed().thenComparing(TownshipResult::townshipId))
			.toList();
		if (excellent.isEmpty()) {
			return List.of();
		}
		BigDecimal best = excellent.get(0).score();
		BigDecimal lowest = excellent.get(excellent.size() - 1).score();
		BigDecimal spread = best.subtract(lowest);
		return excellent.stream()
			.map(r -> new Proposal(r.townshipId(), amount(r.score(), lowest, spread, min, max), r.score(), r.grade(),
					r.rank()))
			.toList();
	}

	static BigDecimal amount(BigDecimal score, BigDecimal lowest, BigDecimal spread, BigDecimal min, BigDecimal max) {
		if (spread.signum() == 0) {
			return max.setScale(2);
		}
		BigDecimal raw = min
			.add(max.subtract(min).multiply(score.subtract(lowest)).divide(spread, 2, RoundingMode.DOWN));
		BigDecimal hundreds = raw.divide(HUNDRED, 0, RoundingMode.FLOOR).multiply(HUNDRED);
		return hundreds.max(min).min(max).setScale(2);
	}

}
