package cn.deputylink.account;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/** A user as administrators see it: no password hash, no second-factor secret. */
public record UserAccount(long id, String username, String displayName, Role role, @Nullable Long townshipId,
		@Nullable Long stationId, @Nullable Long deputyId, @Nullable Long departmentId, boolean enabled,
		boolean mustChangePassword, boolean totpEnabled, @Nullable OffsetDateTime lockedUntil, int version) {

	public boolean lockedAt(OffsetDateTime now) {
		return lockedUntil != null && lockedUntil.isAfter(now);
	}
}
