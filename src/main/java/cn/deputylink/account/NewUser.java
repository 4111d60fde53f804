package cn.deputylink.account;

import org.jspecify.annotations.Nullable;

/** What it takes to create an account. */
public record NewUser(String username, String password, String displayName, Role role, @Nullable Long townshipId,
		@Nullable Long stationId, @Nullable Long deputyId, @Nullable Long departmentId, boolean mustChangePassword) {
}
