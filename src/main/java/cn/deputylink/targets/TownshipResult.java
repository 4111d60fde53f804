package cn.deputylink.targets;

import java.math.BigDecimal;

/**
 * A township's year: its score (one decimal), grade and rank (1 = best; ties share a
 * rank).
 */
public record TownshipResult(long townshipId, BigDecimal score, Grade grade, int rank) {
}
