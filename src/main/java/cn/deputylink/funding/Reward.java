package cn.deputylink.funding;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

import cn.deputylink.targets.Grade;

/**
 * A township's reward of a year with its basis (the assessment's score, grade and rank
 * when it was proposed) and the county's decision.
 */
public record Reward(long id, long townshipId, String townshipName, int year, BigDecimal amount, BigDecimal basisScore,
		Grade basisGrade, int basisRank, RewardStatus status, String proposedBy, OffsetDateTime proposedAt,
		@Nullable String decidedBy, @Nullable OffsetDateTime decidedAt, @Nullable String note, int version) {
}
