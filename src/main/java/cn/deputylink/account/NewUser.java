package cn.deputylink.account;

import org.jspecify.annotations.Nullable;

/** What it takes to create an account. */
public record NewUser(@Nullable String username, String password, @Nullable String displayName, @Nullable Role role,
		@Nullable Long townshipId, @Nullable Long stationId, @Nullable Long deputyId, @Nullable Long departmentId,
		boolean mustChangePassword) {
}
