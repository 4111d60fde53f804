package cn.deputylink.opinion;

import org.jspecify.annotations.Nullable;

import cn.deputylink.organisation.Tier;

/**
 * A line of the routing table (分级负责、归口办理): opinions of this category at this tier, from
 * this township (or from any township when {@code townshipId} is null), go to this
 * department.
 */
public record RoutingRule(long id, String categoryCode, Tier tier, @Nullable Long townshipId, long departmentId,
		int version) {
}
