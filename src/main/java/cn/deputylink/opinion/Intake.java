package cn.deputylink.opinion;

import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What is known of an opinion when it comes in; validated by
 * {@link OpinionIntake#submit}.
 */
public record Intake(Source source, @Nullable Long stationId, @Nullable Long villageId, @Nullable String categoryCode,
		String content, @Nullable OffsetDateTime receivedAt, List<Long> deputyIds, @Nullable String name,
		@Nullable String phone, boolean anonymous) {

	/**
	 * A stable digest of the request, to tell a retry from a different request under one
	 * idempotency key.
	 */
	public String fingerprint() {
		return String.join("\u0001", source.name(), String.valueOf(stationId), String.valueOf(villageId),
				String.valueOf(categoryCode), content,
				String.valueOf(receivedAt == null ? null : receivedAt.toInstant()), deputyIds.toString(),
				String.valueOf(name), String.valueOf(phone), String.valueOf(anonymous));
	}
}
