package cn.deputylink.account.internal;

import org.jspecify.annotations.Nullable;

import cn.deputylink.account.Role;

/**
 * What an administrator may change of an account: the name shown, the role and its
 * assignment. {@code version} is the version the administrator last saw (required).
 */
public record UserChange(@Nullable String displayName, @Nullable Role role, @Nullable Long townshipId,
		@Nullable Long stationId, @Nullable Long deputyId, @Nullable Long departmentId, @Nullable Integer version) {
}
